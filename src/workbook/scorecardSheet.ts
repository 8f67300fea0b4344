/** The scorecard sheet: one row per entity; per KPI actual, target, attainment, status; then score and payout. */
import { whyText } from "../engine/drivers";
import { paceBasisName, reasonText, type KpiNameLookup } from "../engine/messages";
import { SCORE_CHART_NAME } from "./chartNames";
import type { KpiCell, Lang, LocalizedText, Scorecard } from "../engine/types";
import { DEFAULT_SCORE_CAP } from "../engine/scoring/attainment";
import type { CellValue, ConditionalRule, HeaderSpan, OutputSheet, RowOutline } from "./contract";
import { iconSetRule } from "./iconSetRule";
import {
  chartTitle,
  entityLabel,
  gateWord,
  HEADERS,
  LEVEL_WORDS,
  localWord,
  parentLabel,
  STATUS_WORDS,
} from "./labels";
import { columnLetter, headerRowCount, num, outputSheet, type ColumnDef } from "./outputSheet";
import { FAILED_GATE_FILL, FAILED_GATE_FONT, SCORE_BAR_COLOR } from "./palette";

const FIXED_LEFT = 4; // entity, level, parent, period

/** Status word, or the reason there is no value (e.g. "no receivable in period"), in the sheet's language. */
export function statusText(cell: KpiCell | undefined, lang: Lang, kpiNames?: KpiNameLookup): string | null {
  if (!cell) return null;
  if (cell.status) return localWord(STATUS_WORDS, cell.status, lang);
  return cell.reason === undefined && cell.reasonCode === undefined ? null : reasonText(cell, lang, kpiNames);
}

/** The highest weighted score: the largest KPI cap (a weighted mean of capped scores cannot pass it). */
export function scoreCap(scorecard: Scorecard): number {
  const caps = scorecard.kpis.map((k) => k.cap ?? DEFAULT_SCORE_CAP);
  return caps.length > 0 ? Math.max(...caps) : DEFAULT_SCORE_CAP;
}

/** The 1-based sheet row of scorecard.rows[index]: under the header (two rows when there are KPIs). */
export function scorecardSheetRow(scorecard: Scorecard, index: number): number {
  return headerRowCount(scorecard.kpis.length > 0 ? { headerBand: [] } : {}) + 1 + index;
}

/** Depth in the roll-up: the total 0, each roll-up level one deeper (rollup[0] is just above group-by), group-by deepest. */
export function rowOutline(level: string, scorecard: Scorecard): RowOutline {
  const deepest = scorecard.rollup.length + 1;
  if (level === "total") return { depth: 0, subtotal: true };
  const at = scorecard.rollup.indexOf(level as (typeof scorecard.rollup)[number]);
  if (at >= 0) return { depth: scorecard.rollup.length - at, subtotal: true };
  return { depth: deepest, subtotal: false };
}

export function scorecardSheet(scorecard: Scorecard, lang: Lang): OutputSheet {
  const defs: ColumnDef[] = [
    { header: HEADERS.entity[lang], kind: "text" },
    { header: HEADERS.level[lang], kind: "text" },
    { header: HEADERS.parent[lang], kind: "text" },
    { header: HEADERS.period[lang], kind: "text" },
  ];
  const rules: ConditionalRule[] = [];
  // Two header rows: the KPI's name merged over its columns, their own short names below.
  const band: HeaderSpan[] = [];
  // A why column per KPI when the run broke the changes down (issue 13 §1).
  const withWhy = scorecard.rows.some((row) => Object.values(row.kpis).some((cell) => cell?.drivers));
  // The pace's basis (last year's curve or working days) for the KPIs whose expected value accrues.
  const withPaceBasis = new Set(
    scorecard.kpis.filter((k) => scorecard.rows.some((row) => row.kpis[k.id]?.pace?.basis)).map((k) => k.id),
  );
  for (const kpi of scorecard.kpis) {
    const unitKind = kpi.unit; // every KpiUnit is a ColumnKind with its own number format
    const fromColumn = defs.length;
    defs.push({ header: HEADERS.actual[lang], kind: unitKind });
    defs.push({ header: HEADERS.target[lang], kind: unitKind });
    const rule = iconSetRule(defs.length, kpi.bands);
    if (rule) rules.push(rule);
    defs.push({ header: HEADERS.attainment[lang], kind: "percent" });
    defs.push({ header: HEADERS.status[lang], kind: "text" });
    if (withWhy) defs.push({ header: HEADERS.why[lang], kind: "text" });
    // Pace (issue 13 §2) only for a running period: its own columns, apart from attainment and score.
    if (scorecard.pace) {
      defs.push({ header: HEADERS.expectedToDate[lang], kind: unitKind });
      defs.push({ header: HEADERS.projected[lang], kind: unitKind });
      defs.push({ header: HEADERS.projectedAttainment[lang], kind: "percent" });
      defs.push({ header: HEADERS.paceStatus[lang], kind: "text" });
      if (withPaceBasis.has(kpi.id)) defs.push({ header: HEADERS.paceBasis[lang], kind: "text" });
    }
    band.push({ text: kpi.names[lang], fromColumn, toColumn: defs.length - 1 });
  }
  const scoreColumn = defs.length;
  defs.push({ header: HEADERS.weightedScore[lang], kind: "percent" });
  defs.push({ header: HEADERS.payout[lang], kind: "percent" });
  const payoutColumn = defs.length - 1;
  // The bonus amount (issue 13 §3) only when the template names a bonus base.
  const bonus = scorecard.rows.some((row) => row.bonus !== undefined);
  if (bonus) defs.push({ header: HEADERS.bonus[lang], kind: "money" });
  defs.push({ header: HEADERS.gatesPassed[lang], kind: "text" });
  const failedGatesColumn = defs.length;
  defs.push({ header: HEADERS.failedGates[lang], kind: "text" });
  // Shown only when a gate's KPI cannot be computed, so scorecards without one keep their columns.
  const notEvaluated = scorecard.rows.some((row) => (row.gatesNotEvaluated?.length ?? 0) > 0);
  if (notEvaluated) defs.push({ header: HEADERS.gatesNotEvaluated[lang], kind: "text" });

  // One scale for every row: 0 .. the highest score a KPI can give, so bar lengths compare across rows.
  rules.push({
    type: "dataBar",
    column: scoreColumn,
    color: SCORE_BAR_COLOR,
    scale: { min: 0, max: scoreCap(scorecard) },
  });
  // Only the payout and gate cells of a failed-gate row (a failed gate is named in its column);
  // relative to the first data row (row 3, under the two header rows), $ pins the failed-gates column.
  rules.push({
    type: "formulaFill",
    fromColumn: payoutColumn,
    toColumn: failedGatesColumn,
    formula: `=$${columnLetter(failedGatesColumn)}${1 + headerRowCount(band.length > 0 ? { headerBand: band } : {})}<>""`,
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
      if (withWhy) cells[c++] = whyText(cell?.drivers, kpi.unit, lang);
      if (scorecard.pace) {
        cells[c++] = num(cell?.pace?.expectedToDate);
        cells[c++] = num(cell?.pace?.projected);
        cells[c++] = num(cell?.pace?.projectedAttainment);
        cells[c++] = cell?.pace?.status ? localWord(STATUS_WORDS, cell.pace.status, lang) : null;
        if (withPaceBasis.has(kpi.id)) cells[c++] = paceBasisName(cell?.pace, lang);
      }
    }
    cells[c++] = num(row.score);
    cells[c++] = num(row.payout);
    if (bonus) cells[c++] = num(row.bonus);
    cells[c++] = gateWord(row.gatesPassed, lang);
    cells[c++] = row.failedGates.map((id) => kpiNames.get(id)?.[lang] ?? id).join(", ") || null;
    if (notEvaluated)
      cells[c++] = (row.gatesNotEvaluated ?? []).map((id) => kpiNames.get(id)?.[lang] ?? id).join(", ") || null;
    return cells;
  });

  const chartLevel = scorecard.groupBy;
  return outputSheet("scorecard", lang, defs, rows, {
    rules,
    outline: { column: 0, rows: scorecard.rows.map((row) => rowOutline(row.level, scorecard)) },
    ...(band.length > 0 ? { headerBand: band } : {}),
    charts: [
      {
        type: "barClustered",
        name: SCORE_CHART_NAME,
        title: chartTitle(chartLevel, lang),
        categoryColumn: 0,
        valueColumn: scoreColumn,
        seriesName: HEADERS.weightedScore[lang],
        valueFormat: "0%",
      },
    ],
  });
}
