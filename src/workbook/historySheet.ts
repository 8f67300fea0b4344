/** The history sheet: long form (entity × period × KPI), an Excel table ready for a PivotTable. */
import type { Lang, Scorecard } from "../engine/types";
import type { CellValue, OutputSheet } from "./contract";
import { entityLabel, HEADERS, LEVEL_WORDS, localWord, STATUS_WORDS } from "./labels";
import { num, outputSheet, type ColumnDef } from "./outputSheet";

export const HISTORY_TABLE_NAME = "KpiHistory";
export const HISTORY_TABLE_STYLE = "TableStyleMedium2";

export function historySheet(scorecard: Scorecard, lang: Lang): OutputSheet {
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
  const rows: CellValue[][] = new Array(scorecard.history.length);
  for (let i = 0; i < scorecard.history.length; i++) {
    const h = scorecard.history[i];
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
