/**
 * The trends sheet over the last twelve periods up to the period scored:
 *  - the total's attainment of every KPI, one column per KPI, and an overview line chart with one
 *    line per KPI (attainment puts money, percent and counts on one scale, where 100 % is the target);
 *  - per KPI, a block of columns in the KPI's own number format: the total's actual, its target
 *    (when the data has targets) and the actual of each entity of the level the run scores at (at
 *    most MAX_TREND_ENTITIES; the rest are named in a data note), with a line chart of the block.
 * The charts sit in a grid under the data, two side by side, so none covers another or a cell.
 */
import type { DataNote, Lang, PeriodKind, Scorecard, ScorecardKpiInfo } from "../engine/types";
import { kpiTrendChartName, TREND_CHART_NAME } from "./chartNames";
import type { CellValue, ChartAnchor, ChartSpec, HeaderSpan, LineChartSpec, OutputSheet } from "./contract";
import { entityLabel, HEADERS, LEVEL_WORDS, localWord, trendTitle, totalTargetHeader } from "./labels";
import { NUMBER_FORMATS } from "./numberFormats";
import { headerRowCount, num, outputSheet, type ColumnDef } from "./outputSheet";

export const TREND_PERIODS = 12;
/** Lines per KPI chart besides the total and its target: more are hard to tell apart. */
export const MAX_TREND_ENTITIES = 8;
/** Chart size in the grid: about 70 characters of column width by 18 rows; two charts a row. */
const CHART_WIDTH_CHARS = 70;
const CHART_ROWS = 18;
const CHARTS_PER_ROW = 2;
/** Excel's default column width, in characters, for columns past the data. */
const DEFAULT_WIDTH = 8.43;

/** Periods on the trend: a year of months (and twelve quarters or years), a quarter of weeks, four weeks of days. */
export function trendPeriods(kind: PeriodKind): number {
  return kind === "week" ? 13 : kind === "day" ? 28 : TREND_PERIODS;
}

export interface TrendSheet {
  sheet: OutputSheet;
  /** Entities of the scored level left out of the KPI charts (over MAX_TREND_ENTITIES), as a data note. */
  notes: DataNote[];
}

export function trendSheet(scorecard: Scorecard, lang: Lang): TrendSheet {
  const shown = scorecard.history.filter((h) => h.period <= scorecard.asOf);
  const totals = shown.filter((h) => h.level === "total");
  // Period labels sort as text within one period kind ("2025-11" < "2026-03", "2025-Q4" < "2026-Q1",
  // "2025-W52" < "2026-W01", "2026-02-28" < "2026-03-01").
  const periods = [...new Set(totals.map((h) => h.period))].sort().slice(-trendPeriods(scorecard.period));
  const inPeriods = new Set(periods);
  const level = scorecard.groupBy;
  const levelRows = shown.filter((h) => h.level === level && inPeriods.has(h.period));
  const entities = trendEntities(
    scorecard,
    levelRows.map((h) => h.entity),
  );
  const drawn = entities.slice(0, MAX_TREND_ENTITIES);
  const leftOut = entities.slice(MAX_TREND_ENTITIES);

  const key = (entity: string, period: string, kpi: string) => `${entity}\u0000${period}\u0000${kpi}`;
  const total = new Map(totals.map((h) => [key("", h.period, h.kpi), h]));
  const byEntity = new Map(levelRows.map((h) => [key(h.entity, h.period, h.kpi), h]));

  const defs: ColumnDef[] = [
    { header: HEADERS.period[lang], kind: "text" },
    ...scorecard.kpis.map((k): ColumnDef => ({ header: k.names[lang], kind: "percent" })),
  ];
  const band: HeaderSpan[] = [];
  if (scorecard.kpis.length > 0)
    band.push({ text: trendTitle(periods.length, lang), fromColumn: 1, toColumn: scorecard.kpis.length });
  // One block of value columns per KPI: total, its target (when any period has one), each entity.
  const blocks = scorecard.kpis.map((kpi) => {
    const withTarget = periods.some((p) => num(total.get(key("", p, kpi.id))?.target) !== null);
    const kind = kpi.unit;
    const first = defs.length;
    defs.push({ header: entityLabel("", "total", lang), kind });
    if (withTarget) defs.push({ header: totalTargetHeader(lang), kind });
    for (const e of drawn) defs.push({ header: entityLabel(e, level, lang), kind });
    band.push({ text: kpi.names[lang], fromColumn: first, toColumn: defs.length - 1 });
    return { kpi, first, withTarget };
  });

  const rows: CellValue[][] = periods.map((p) => {
    const cells: CellValue[] = [p, ...scorecard.kpis.map((k) => num(total.get(key("", p, k.id))?.attainment))];
    for (const { kpi, withTarget } of blocks) {
      const t = total.get(key("", p, kpi.id));
      cells.push(num(t?.actual));
      if (withTarget) cells.push(num(t?.target));
      for (const e of drawn) cells.push(num(byEntity.get(key(e, p, kpi.id))?.actual));
    }
    return cells;
  });

  const sheet = outputSheet("trends", lang, defs, rows, band.length > 0 ? { headerBand: band } : {});
  const taken = new Set([TREND_CHART_NAME.toLowerCase()]);
  const specs: LineChartSpec[] = [];
  if (scorecard.kpis.length > 0)
    specs.push({
      type: "line",
      name: TREND_CHART_NAME,
      title: trendTitle(periods.length, lang),
      categoryColumn: 0,
      firstValueColumn: 1,
      lastValueColumn: scorecard.kpis.length,
      dashedColumns: [],
      valueFormat: "0%",
    });
  for (const { kpi, first, withTarget } of blocks) {
    const name = kpiTrendChartName(kpi.id, taken);
    taken.add(name.toLowerCase());
    specs.push({
      type: "line",
      name,
      title: kpi.names[lang],
      categoryColumn: 0,
      firstValueColumn: first,
      lastValueColumn: first + (withTarget ? 1 : 0) + drawn.length,
      dashedColumns: withTarget ? [first + 1] : [],
      valueFormat: valueFormat(kpi),
    });
  }
  sheet.charts = placeInGrid(specs, sheet);

  const notes: DataNote[] = leftOut.length
    ? [
        {
          kind: "trend_lines_left_out",
          value: leftOut.join(", "),
          problem:
            `sheet "${sheet.name}": the KPI charts draw the total and the first ${MAX_TREND_ENTITIES} of ` +
            `${entities.length} ${localWord(LEVEL_WORDS, level, "en")} entities (in scorecard order); ` +
            `${leftOut.length} left out, their values are on the KPI History sheet`,
        },
      ]
    : [];
  return { sheet, notes };
}

/** Entities of the scored level in the scorecard's row order, then any others the history has, by name. */
function trendEntities(scorecard: Scorecard, inHistory: string[]): string[] {
  const present = new Set(inHistory);
  const ordered = scorecard.rows
    .filter((r) => r.level === scorecard.groupBy && present.has(r.entity))
    .map((r) => r.entity);
  const seen = new Set(ordered);
  const rest = [...present].filter((e) => !seen.has(e)).sort();
  return [...new Set(ordered), ...rest];
}

function valueFormat(kpi: ScorecardKpiInfo): string {
  return NUMBER_FORMATS[kpi.unit];
}

/**
 * Anchors for the charts: a grid under the data (one blank row between), CHARTS_PER_ROW charts a
 * row with a blank column between them, each about CHART_WIDTH_CHARS wide by the sheet's own widths.
 */
function placeInGrid(specs: ChartSpec[], sheet: OutputSheet): ChartSpec[] {
  const width = (c: number) => (c < sheet.columns.length ? sheet.columns[c].width : DEFAULT_WIDTH);
  const spans: Array<{ from: number; to: number }> = [];
  for (let from = 0, i = 0; i < CHARTS_PER_ROW; i++) {
    let to = from;
    for (let w = width(from); w < CHART_WIDTH_CHARS;) w += width(++to);
    spans.push({ from, to });
    from = to + 2;
  }
  const top = headerRowCount(sheet) + sheet.rows.length + 1;
  return specs.map((spec, i): ChartSpec => {
    const span = spans[i % CHARTS_PER_ROW];
    const fromRow = top + Math.floor(i / CHARTS_PER_ROW) * (CHART_ROWS + 1);
    const anchor: ChartAnchor = { fromColumn: span.from, fromRow, toColumn: span.to, toRow: fromRow + CHART_ROWS - 1 };
    return { ...spec, anchor };
  });
}
