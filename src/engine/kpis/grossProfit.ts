import type { KpiDefinition } from "./kpiDefinition";
import { amountOf } from "./kpiValue";

export const grossProfit: KpiDefinition<"gross_profit"> = {
  id: "gross_profit",
  names: { en: "Gross profit", vi: "Lợi nhuận gộp", "zh-Hans": "毛利", "zh-Hant": "毛利" },
  definition: {
    en: "Sum of revenue minus cost, over rows that have both",
    vi: "Tổng doanh thu trừ giá vốn, trên các dòng có cả hai giá trị",
    "zh-Hans": "同时有收入和成本的行的（收入 − 成本）合计",
    "zh-Hant": "同時有收入和成本的行的（收入 − 成本）合計",
  },
  roles: ["revenue", "cost"],
  direction: "higher",
  unit: "money",
  money: true,
  additiveTarget: true,
  targetHeaders: ["Gross profit", "Lợi nhuận gộp", "Lãi gộp", "毛利", "毛利额", "毛利額"],
  drivers: { kind: "sum", measure: "grossProfit", bridge: true },
  compute: (view) => amountOf(view, "grossProfit", "rows_with_revenue_and_cost"),
};
