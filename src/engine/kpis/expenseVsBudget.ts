import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, notAvailable, kpiNumber } from "./kpiValue";

/** The default band for the ratio: within 5 % of budget (the source documents' standard). */
export const DEFAULT_BUDGET_BAND = { min: 0.95, max: 1.05 };

/**
 * Σ expense / budget. The template's target gives the budget (fixed, targets table, or grown from last
 * year's expense); the ratio is scored in the band DEFAULT_BUDGET_BAND, or in the template's range when
 * the target is a range (then the budget comes from the targets table).
 */
export const expenseVsBudget: KpiDefinition<"expense_vs_budget"> = {
  id: "expense_vs_budget",
  names: {
    en: "Expense vs budget",
    vi: "Chi phí so với ngân sách",
    "zh-Hans": "销售费用预算比",
    "zh-Hant": "銷售費用預算比",
  },
  definition: {
    en: "Sales expense / expense budget",
    vi: "Chi phí bán hàng / ngân sách chi phí",
    "zh-Hans": "销售费用 / 费用预算",
    "zh-Hant": "銷售費用 / 費用預算",
  },
  roles: ["expense"],
  direction: "band",
  unit: "percent",
  money: true,
  additiveTarget: true,
  targetHeaders: [
    "Expense budget",
    "Budget",
    "Expense vs budget",
    "Ngân sách chi phí",
    "Ngân sách",
    "费用预算",
    "費用預算",
    "预算",
    "預算",
  ],
  needsSettings: true,
  referenceBand: DEFAULT_BUDGET_BAND,
  referenceAmount: (view) => amountOf(view, "expense", "expense"),
  compute(view, { reference }) {
    if (reference === null) return notAvailable("no_expense_budget");
    if (reference <= 0) return notAvailable("expense_budget_not_positive");
    const spent = amountOf(view, "expense", "expense");
    return spent.ok ? kpiNumber(spent.value / reference) : spent;
  },
};
