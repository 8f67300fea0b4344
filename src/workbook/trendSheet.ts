/**
 * The trends sheet: the total's attainment of every KPI over the last twelve periods up to the
 * period scored, one column per KPI, and a line chart with one line per KPI. Attainment puts KPIs
 * of every unit (money, percent, counts) on one scale, where 100 % is the target.
 */
import type { Lang, PeriodKind, Scorecard } from "../engine/types";
import type { CellValue, OutputSheet } from "./contract";
import { HEADERS, trendTitle } from "./labels";
import { num, outputSheet, type ColumnDef } from "./outputSheet";

export const TREND_PERIODS = 12;

/** Periods on the trend: a year of months (and twelve quarters or years), a quarter of weeks, four weeks of days. */
export function trendPeriods(kind: PeriodKind): number {
  return kind === "week" ? 13 : kind === "day" ? 28 : TREND_PERIODS;
}

export function trendSheet(scorecard: Scorecard, lang: Lang): OutputSheet {
  const totals = scorecard.history.filter((h) => h.level === "total" && h.period <= scorecard.asOf);
  // Period labels sort as text within one period kind ("2025-11" < "2026-03", "2025-Q4" < "2026-Q1",
  // "2025-W52" < "2026-W01", "2026-02-28" < "2026-03-01").
  const periods = [...new Set(totals.map((h) => h.period))].sort().slice(-trendPeriods(scorecard.period));
  const defs: ColumnDef[] = [
    { header: HEADERS.period[lang], kind: "text" },
    ...scorecard.kpis.map((k): ColumnDef => ({ header: k.names[lang], kind: "percent" })),
  ];
  const at = new Map(totals.map((h) => [`${h.period}\u0000${h.kpi}`, h.attainment]));
  const rows: CellValue[][] = periods.map((p) => [p, ...scorecard.kpis.map((k) => num(at.get(`${p}\u0000${k.id}`)))]);
  return outputSheet("trends", lang, defs, rows, {
    chart: {
      type: "line",
      title: trendTitle(periods.length, lang),
      categoryColumn: 0,
      firstValueColumn: 1,
      valueFormat: "0%",
    },
  });
}
