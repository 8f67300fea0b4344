/**
 * What a run measures: the full plan (a developer machine, several minutes) or the quick plan
 * (CI's smoke test of the benchmark itself: small sizes, few repetitions, under two minutes).
 */
import type { FormulaVariant } from "./hyperformulaBaseline";

/** "Excel's maximum sheet", as the issue sizes it (a real sheet holds 1,048,575 rows under its header). */
export const EXCEL_MAX_ROWS = 1048576;

export interface FormulaRun {
  rows: number;
  variant: FormulaVariant;
  budgetMs: number;
}

export interface BenchPlan {
  quick: boolean;
  sizes: number[];
  /** Timed runs after the warm-up, per size (fewer at the largest sizes). */
  engineRuns: (rows: number) => number;
  duckdbRuns: number;
  formulaRuns: FormulaRun[];
  cliRows: number;
  cliRuns: number;
  renderRuns: number;
  /** Per measured process; a worker that overruns is stopped and reported. */
  workerBudgetMs: number;
}

/** `sizes` replaces the plan's sizes (and keeps only the formula runs at those sizes). */
export function benchPlan(quick: boolean, formulaBudgetSeconds: number, sizes?: number[]): BenchPlan {
  const plan = defaultPlan(quick, formulaBudgetSeconds * 1000);
  if (!sizes) return plan;
  return { ...plan, sizes, formulaRuns: plan.formulaRuns.filter((f) => sizes.includes(f.rows)) };
}

function defaultPlan(quick: boolean, formulaBudgetMs: number): BenchPlan {
  if (quick) {
    return {
      quick,
      sizes: [2000, 10000],
      engineRuns: () => 3,
      duckdbRuns: 3,
      // HyperFormula needs ~5 s at 2,000 rows and ~40 s at 10,000: the quick run only checks it works.
      formulaRuns: [{ rows: 2000, variant: "match", budgetMs: Math.min(formulaBudgetMs, 60000) }],
      cliRows: 20000,
      cliRuns: 1,
      renderRuns: 3,
      workerBudgetMs: 120000,
    };
  }
  return {
    quick,
    sizes: [10000, 100000, EXCEL_MAX_ROWS],
    engineRuns: (rows) => (rows >= EXCEL_MAX_ROWS ? 3 : 5),
    duckdbRuns: 5,
    formulaRuns: [
      { rows: 10000, variant: "countifs", budgetMs: formulaBudgetMs },
      { rows: 10000, variant: "match", budgetMs: formulaBudgetMs },
      { rows: 100000, variant: "match", budgetMs: formulaBudgetMs },
    ],
    cliRows: 200000,
    cliRuns: 3,
    renderRuns: 5,
    workerBudgetMs: 600000,
  };
}
