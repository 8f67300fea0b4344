/** The history sheet: long form (entity × period × KPI), an Excel table ready for a PivotTable. */
import type { HistoryRow, Lang, Scorecard } from "../engine/types";
import type { CellValue, OutputSheet } from "./contract";
import { entityLabel, HEADERS, LEVEL_WORDS, localWord, STATUS_WORDS } from "./labels";
import { num, outputSheet, type ColumnDef } from "./outputSheet";

export const HISTORY_TABLE_NAME = "KpiHistory";
export const HISTORY_TABLE_STYLE = "TableStyleMedium2";

/** A sheet's 1,048,576 rows less the header. */
export const MAX_HISTORY_ROWS = 1_048_575;

/**
 * The history rows that fit in the sheet: the latest whole periods (day periods over years make millions
 * of rows). firstPeriod is the oldest period kept when some are left out (labels sort as text).
 */
export function historyInSheet(
  history: readonly HistoryRow[],
  maxRows = MAX_HISTORY_ROWS,
): { rows: readonly HistoryRow[]; leftOut: number; firstPeriod?: string } {
  if (history.length <= maxRows) return { rows: history, leftOut: 0 };
  const perPeriod = new Map<string, number>();
  for (const h of history) perPeriod.set(h.period, (perPeriod.get(h.period) ?? 0) + 1);
  const latestFirst = [...perPeriod.keys()].sort().reverse();
  let kept = 0;
  let firstPeriod: string | undefined;
  for (const period of latestFirst) {
    if (kept + perPeriod.get(period)! > maxRows) break;
    kept += perPeriod.get(period)!;
    firstPeriod = period;
  }
  const rows = firstPeriod === undefined ? [] : history.filter((h) => h.period >= firstPeriod!);
  return { rows, leftOut: history.length - rows.length, firstPeriod: firstPeriod ?? latestFirst[0] };
}

export function historySheet(scorecard: Scorecard, lang: Lang, maxRows = MAX_HISTORY_ROWS): OutputSheet {
  // Actual and target mix units (money, percent, counts) in one column, so they keep "General".
  const defs: ColumnDef[] = [
    { header: HEADERS.entity[lang], kind: "text" },
    { header: HEADERS.level[lang], kind: "text" },
    { header: HEADERS.period[lang], kind: "text" },
    { header: HEADERS.kpi[lang], kind: "text" },
    { header: HEADERS.kpiId[lang], kind: "text" },
    { header: HEADERS.actual[lang], kind: "number" },
    { header: HEADERS.target[lang], kind: "number" },
    { header: HEADERS.attainment[lang], kind: "percent" },
    { header: HEADERS.status[lang], kind: "text" },
    { header: HEADERS.score[lang], kind: "percent" },
  ];
  const kpiNames = new Map(scorecard.kpis.map((k) => [k.id as string, k.names[lang]]));
  const levelNames = new Map<string, string>();
  const history = historyInSheet(scorecard.history, maxRows).rows;
  const rows: CellValue[][] = new Array(history.length);
  for (let i = 0; i < history.length; i++) {
    const h = history[i];
    let level = levelNames.get(h.level);
    if (level === undefined) levelNames.set(h.level, (level = localWord(LEVEL_WORDS, h.level, lang)));
    rows[i] = [
      entityLabel(h.entity, h.level, lang),
      level,
      h.period,
      kpiNames.get(h.kpi) ?? h.kpi,
      h.kpi,
      num(h.actual),
      num(h.target),
      num(h.attainment),
      h.status ? localWord(STATUS_WORDS, h.status, lang) : null,
      num(h.score),
    ];
  }
  return outputSheet("history", lang, defs, rows, { table: { name: HISTORY_TABLE_NAME, style: HISTORY_TABLE_STYLE } });
}
