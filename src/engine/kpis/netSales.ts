import type { KpiDefinition } from "./kpiDefinition";
import { amountOf } from "./kpiValue";

export const netSales: KpiDefinition<"net_sales"> = {
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
  targetHeaders: [
    "Net sales",
    "Sales target",
    "Revenue target",
    "Doanh thu",
    "Doanh thu thuần",
    "Doanh số",
    "销售额",
    "銷售額",
    "销售净额",
    "銷售淨額",
    "銷售凈額",
  ],
  drivers: { kind: "sum", measure: "revenue", bridge: true },
  compute: (view) => amountOf(view, "revenue", "revenue"),
};
