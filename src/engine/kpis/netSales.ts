import type { KpiDefinition } from "./kpiDefinition";
import { amountOf } from "./kpiValue";

export const netSales: KpiDefinition = {
  id: "net_sales",
  names: { en: "Net sales", vi: "Doanh thu thuần", "zh-Hans": "销售净额", "zh-Hant": "銷售淨額" },
  definition: {
    en: "Sum of revenue in the period",
    vi: "Tổng doanh thu trong kỳ",
    "zh-Hans": "期内销售收入合计",
    "zh-Hant": "期內銷售收入合計",
  },
  roles: ["revenue"],
  direction: "higher",
  unit: "money",
  money: true,
  additiveTarget: true,
  compute: (view) => amountOf(view, "revenue", "revenue"),
};
