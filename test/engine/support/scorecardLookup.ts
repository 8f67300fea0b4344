import type { HistoryRow, KpiId, Scorecard, ScorecardRow } from "../../../src/engine/types";

/** The history row of one entity, period and KPI; fails the test when it is not there. */
export function historyOf(scorecard: Scorecard, entity: string, period: string, kpi: KpiId): HistoryRow {
  const row = scorecard.history.find((h) => h.entity === entity && h.period === period && h.kpi === kpi);
  if (!row) throw new Error(`no history row for ${entity} ${period} ${kpi}`);
  return row;
}

export function rowOf(scorecard: Scorecard, entity: string): ScorecardRow {
  const row = scorecard.rows.find((r) => r.entity === entity);
  if (!row) throw new Error(`no scorecard row for ${entity}; rows: ${scorecard.rows.map((r) => r.entity).join(", ")}`);
  return row;
}
