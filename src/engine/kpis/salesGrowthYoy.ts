import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, notAvailable, kpiNumber } from "./kpiValue";

export const salesGrowthYoy: KpiDefinition<"sales_growth_yoy"> = {
  id: "sales_growth_yoy",
  names: {
    en: "Sales growth (year on year)",
    vi: "Tăng trưởng doanh thu so với cùng kỳ",
    "zh-Hans": "销售同比增长",
    "zh-Hant": "銷售同比增長",
  },
  definition: {
    en: "Net sales / net sales of the same period last year − 1",
    vi: "Doanh thu thuần / doanh thu thuần cùng kỳ năm trước − 1",
    "zh-Hans": "销售净额 / 去年同期销售净额 − 1",
    "zh-Hant": "銷售淨額 / 去年同期銷售淨額 − 1",
  },
  roles: ["revenue"],
  direction: "higher",
  unit: "percent",
  money: true,
  additiveTarget: false,
  targetHeaders: [
    "Sales growth",
    "YoY growth",
    "Growth",
    "Tăng trưởng doanh thu",
    "Tăng trưởng",
    "销售增长率",
    "銷售增長率",
    "同比增长",
    "同比增長",
  ],
  compute(view) {
    const lastYear = view.lastYear();
    if (!lastYear.inData) return notAvailable("no_data_for", { period: lastYear.periodLabel });
    const mixed = lastYear.currencies();
    if (mixed.length > 1) {
      return notAvailable("mixed_currencies_in", { period: lastYear.periodLabel, currencies: mixed.join(", ") });
    }
    const before = amountOf(lastYear, "revenue", "revenue");
    if (!before.ok) return notAvailable("no_amount_in", { amount: "revenue", period: lastYear.periodLabel });
    if (before.value === 0) return notAvailable("no_amount_in", { amount: "net_sales", period: lastYear.periodLabel });
    const now = amountOf(view, "revenue", "revenue");
    return now.ok ? kpiNumber(now.value / before.value - 1) : now;
  },
};
