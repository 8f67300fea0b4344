/** The scorecard sheet: one row per entity; per KPI actual, target, attainment, status; then score and payout. */
import { reasonText, type KpiNameLookup } from "../engine/messages";
import type { KpiCell, Lang, LocalizedText, Scorecard } from "../engine/types";
import type { CellValue, ConditionalRule, OutputSheet } from "./contract";
import { iconSetRule } from "./iconSetRule";
import {
  chartTitle,
  entityLabel,
  HEADERS,
  kpiColumnHeader,
  LEVEL_WORDS,
  localWord,
  parentLabel,
  STATUS_WORDS,
} from "./labels";
import { columnLetter, num, outputSheet, type ColumnDef } from "./outputSheet";

/** Fill of a failed gate row: Excel's "light red fill with dark red text". */
export const FAILED_GATE_FILL = "#FFC7CE";
export const FAILED_GATE_FONT = "#9C0006";
export const SCORE_BAR_COLOR = "#2E75B6";

const FIXED_LEFT = 4; // entity, level, parent, period

/** Status word, or the reason there is no value (e.g. "no receivable in period"), in the sheet's language. */
export function statusText(cell: KpiCell | undefined, lang: Lang, kpiNames?: KpiNameLookup): string | null {
  if (!cell) return null;
  if (cell.status) return localWord(STATUS_WORDS, cell.status, lang);
  return cell.reason === undefined && cell.reasonCode === undefined ? null : reasonText(cell, lang, kpiNames);
}

export function scorecardSheet(scorecard: Scorecard, lang: Lang): OutputSheet {
  const defs: ColumnDef[] = [
    { header: HEADERS.entity[lang], kind: "text" },
    { header: HEADERS.level[lang], kind: "text" },
    { header: HEADERS.parent[lang], kind: "text" },
    { header: HEADERS.period[lang], kind: "text" },
  ];
  const rules: ConditionalRule[] = [];
  for (const kpi of scorecard.kpis) {
    const name = kpi.names[lang];
    const unitKind = kpi.unit; // every KpiUnit is a ColumnKind with its own number format
    defs.push({ header: kpiColumnHeader(name, "actual", lang), kind: unitKind });
    defs.push({ header: kpiColumnHeader(name, "target", lang), kind: unitKind });
    const rule = iconSetRule(defs.length, kpi.bands);
    if (rule) rules.push(rule);
    defs.push({ header: kpiColumnHeader(name, "attainment", lang), kind: "percent" });
    defs.push({ header: kpiColumnHeader(name, "status", lang), kind: "text" });
    // Pace (issue 13 §2) only for a running period: its own columns, apart from attainment and score.
    if (scorecard.pace) {
      defs.push({ header: kpiColumnHeader(name, "expectedToDate", lang), kind: unitKind });
      defs.push({ header: kpiColumnHeader(name, "projected", lang), kind: unitKind });
      defs.push({ header: kpiColumnHeader(name, "projectedAttainment", lang), kind: "percent" });
      defs.push({ header: kpiColumnHeader(name, "paceStatus", lang), kind: "text" });
    }
  }
  const scoreColumn = defs.length;
  defs.push({ header: HEADERS.weightedScore[lang], kind: "percent" });
  defs.push({ header: HEADERS.payout[lang], kind: "percent" });
  // The bonus amount (issue 13 §3) only when the template names a bonus base.
  const bonus = scorecard.rows.some((row) => row.bonus !== undefined);
  if (bonus) defs.push({ header: HEADERS.bonus[lang], kind: "money" });
  const gatesColumn = defs.length;
  defs.push({ header: HEADERS.gatesPassed[lang], kind: "boolean" });
  defs.push({ header: HEADERS.failedGates[lang], kind: "text" });
  // Shown only when a gate's KPI cannot be computed, so scorecards without one keep their columns.
  const notEvaluated = scorecard.rows.some((row) => (row.gatesNotEvaluated?.length ?? 0) > 0);
  if (notEvaluated) defs.push({ header: HEADERS.gatesNotEvaluated[lang], kind: "text" });

  rules.push({ type: "dataBar", column: scoreColumn, color: SCORE_BAR_COLOR });
  // Relative to the first data row (row 2); $ pins the gates column so the whole row is filled.
  rules.push({
    type: "formulaFill",
    fromColumn: 0,
    toColumn: defs.length - 1,
    formula: `=$${columnLetter(gatesColumn)}2=FALSE`,
    fill: FAILED_GATE_FILL,
    fontColor: FAILED_GATE_FONT,
  });

  const kpiNames = new Map<string, LocalizedText>(scorecard.kpis.map((k) => [k.id, k.names]));
  const kpiNameLookup: KpiNameLookup = (id) => kpiNames.get(id);
  const rows: CellValue[][] = scorecard.rows.map((row) => {
    const cells: CellValue[] = new Array(defs.length);
    cells[0] = entityLabel(row.entity, row.level, lang);
    cells[1] = localWord(LEVEL_WORDS, row.level, lang);
    cells[2] = parentLabel(row.parent, lang);
    cells[3] = row.period;
    let c = FIXED_LEFT;
    for (const kpi of scorecard.kpis) {
      const cell = row.kpis[kpi.id];
      cells[c++] = num(cell?.actual);
      cells[c++] = num(cell?.target);
      cells[c++] = num(cell?.attainment);
      cells[c++] = statusText(cell, lang, kpiNameLookup);
      if (scorecard.pace) {
        cells[c++] = num(cell?.pace?.expectedToDate);
        cells[c++] = num(cell?.pace?.projected);
        cells[c++] = num(cell?.pace?.projectedAttainment);
        cells[c++] = cell?.pace?.status ? localWord(STATUS_WORDS, cell.pace.status, lang) : null;
      }
    }
    cells[c++] = num(row.score);
    cells[c++] = num(row.payout);
    if (bonus) cells[c++] = num(row.bonus);
    cells[c++] = row.gatesPassed;
    cells[c++] = row.failedGates.map((id) => kpiNames.get(id)?.[lang] ?? id).join(", ") || null;
    if (notEvaluated)
      cells[c++] = (row.gatesNotEvaluated ?? []).map((id) => kpiNames.get(id)?.[lang] ?? id).join(", ") || null;
    return cells;
  });

  const chartLevel = scorecard.groupBy;
  return outputSheet("scorecard", lang, defs, rows, {
    rules,
    chart: {
      type: "barClustered",
      title: chartTitle(chartLevel, lang),
      categoryColumn: 0,
      valueColumn: scoreColumn,
      seriesName: HEADERS.weightedScore[lang],
      valueFormat: "0%",
    },
  });
}
