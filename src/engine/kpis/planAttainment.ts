import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, notAvailable, kpiNumber } from "./kpiValue";

/**
 * net_sales / sales plan. The template's target gives the plan amount (fixed, from the targets table, or
 * grown from last year's net sales); the ratio is then scored against 1.0. A range target is read as the
 * band for the ratio itself (e.g. 0.95–1.10), with the plan from the targets table.
 */
export const planAttainment: KpiDefinition<"plan_attainment"> = {
  id: "plan_attainment",
  names: {
    en: "Plan attainment",
    vi: "Tỷ lệ hoàn thành kế hoạch",
    "zh-Hans": "营销计划达成率",
    "zh-Hant": "營銷計劃達成率",
  },
  definition: {
    en: "Net sales / sales plan",
    vi: "Doanh thu thuần / kế hoạch doanh số",
    "zh-Hans": "销售净额 / 计划销售额",
    "zh-Hant": "銷售淨額 / 計劃銷售額",
  },
  roles: ["revenue"],
  direction: "higher",
  unit: "percent",
  money: true,
  additiveTarget: true,
  targetHeaders: [
    "Plan",
    "Sales plan",
    "Plan attainment",
    "Kế hoạch",
    "Kế hoạch doanh thu",
    "Kế hoạch doanh số",
    "销售计划",
    "銷售計劃",
    "銷售計畫",
    "计划达成率",
    "計劃達成率",
    "营销计划达成率",
    "營銷計劃達成率",
  ],
  needsSettings: true,
  referenceAmount: (view) => amountOf(view, "revenue", "revenue"),
  compute(view, { reference }) {
    if (reference === null) return notAvailable("no_sales_plan");
    if (reference <= 0) return notAvailable("sales_plan_not_positive");
    const sales = amountOf(view, "revenue", "revenue");
    return sales.ok ? kpiNumber(sales.value / reference) : sales;
  },
};
