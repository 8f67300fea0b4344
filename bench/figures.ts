/**
 * The five figures every contender computes per salesperson per month, and their comparison.
 * A figure is null when it is not available (zero denominator), as in the engine.
 */
import type { HistoryRow } from "../src/engine/types";

export const COMPARED_KPIS = [
  "net_sales",
  "gross_margin_pct",
  "collection_rate",
  "bad_debt_rate",
  "active_customers",
] as const;
export type ComparedKpi = (typeof COMPARED_KPIS)[number];

export type Figures = Record<ComparedKpi, number | null>;
/** Keyed by figureKey(salesperson, month label "2026-03"). */
export type FigureSet = Record<string, Figures>;

export interface FigureMismatch {
  key: string;
  kpi: ComparedKpi;
  expected: number | null;
  actual: number | null;
}

export function figureKey(salesperson: string, month: string): string {
  return `${salesperson}\t${month}`;
}

export function emptyFigures(): Figures {
  return {
    net_sales: null,
    gross_margin_pct: null,
    collection_rate: null,
    bad_debt_rate: null,
    active_customers: null,
  };
}

/** The engine's history rows at the group-by level, as a FigureSet. */
export function figuresFromHistory(history: readonly HistoryRow[], level: string): FigureSet {
  const set: FigureSet = {};
  const compared = new Set<string>(COMPARED_KPIS);
  for (const row of history) {
    if (row.level !== level || !compared.has(row.kpi)) continue;
    const key = figureKey(row.entity, row.period);
    const figures = set[key] ?? (set[key] = emptyFigures());
    figures[row.kpi as ComparedKpi] = row.actual;
  }
  return set;
}

/** A figure counts as "no activity" when it is null or zero. */
function isEmptyActivity(figures: Figures): boolean {
  return (figures.net_sales ?? 0) === 0 && (figures.active_customers ?? 0) === 0;
}

export function sameFigure(expected: number | null, actual: number | null, relTol: number): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (expected === actual) return true;
  return Math.abs(expected - actual) <= relTol * Math.max(Math.abs(expected), Math.abs(actual));
}

/**
 * Every figure the baseline reports must match the engine within relTol (relative).
 * A salesperson-month the engine lists but the baseline does not (SQL GROUP BY and a summary
 * sheet only list rep-months with rows) must show no activity in the engine.
 */
export function compareFigures(engine: FigureSet, baseline: FigureSet, relTol = 1e-9): FigureMismatch[] {
  const mismatches: FigureMismatch[] = [];
  for (const key of Object.keys(baseline)) {
    const expected = engine[key] ?? emptyFigures();
    for (const kpi of COMPARED_KPIS) {
      if (!sameFigure(expected[kpi], baseline[key][kpi], relTol)) {
        mismatches.push({ key, kpi, expected: expected[kpi], actual: baseline[key][kpi] });
      }
    }
  }
  for (const key of Object.keys(engine)) {
    if (!(key in baseline) && !isEmptyActivity(engine[key])) {
      for (const kpi of COMPARED_KPIS) {
        if (engine[key][kpi] !== null) mismatches.push({ key, kpi, expected: engine[key][kpi], actual: null });
      }
    }
  }
  return mismatches;
}

export function describeMismatch(m: FigureMismatch): string {
  const [rep, month] = m.key.split("\t");
  return `${rep} ${month} ${m.kpi}: engine ${m.expected} vs baseline ${m.actual}`;
}
