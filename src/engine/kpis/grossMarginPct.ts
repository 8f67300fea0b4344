import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, ratioOf } from "./kpiValue";

export const grossMarginPct: KpiDefinition<"gross_margin_pct"> = {
  id: "gross_margin_pct",
  names: { en: "Gross margin %", vi: "Tỷ suất lợi nhuận gộp", "zh-Hans": "毛利率", "zh-Hant": "毛利率" },
  definition: {
    en: "Gross profit / net sales",
    vi: "Lợi nhuận gộp / doanh thu thuần",
    "zh-Hans": "毛利 / 销售净额",
    "zh-Hant": "毛利 / 銷售淨額",
  },
  roles: ["revenue", "cost"],
  direction: "higher",
  unit: "percent",
  money: true,
  additiveTarget: false,
  targetHeaders: ["Gross margin %", "Gross margin", "Tỷ suất lợi nhuận gộp", "Biên lợi nhuận gộp", "毛利率"],
  drivers: { kind: "ratio", numerator: "grossProfit", denominator: "revenue" },
  compute: (view) =>
    ratioOf(
      amountOf(view, "grossProfit", "rows_with_revenue_and_cost"),
      amountOf(view, "revenue", "net_sales"),
      "net_sales",
    ),
};
