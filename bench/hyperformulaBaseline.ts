/**
 * The formula baseline: the workbook a user builds without the add-in, evaluated by HyperFormula
 * (GPL: a dev-only dependency, used only here, never imported from src/).
 *
 * Sheet "Data": the rows (the columns the five figures need), plus helper columns as a user adds them:
 *   I  month key   =YEAR(C2)*100+MONTH(C2)   (numeric, e.g. 202603; shown as "2026-03" when read)
 *   J  first row of this customer in this rep-month, one of two variants:
 *      "countifs": =IF(COUNTIFS($B$2:B2,B2,$A$2:A2,A2,$I$2:I2,I2)=1,1,0)  (expanding ranges: quadratic)
 *      "match":    K =A2&"|"&I2&"|"&B2 and =IF(MATCH(K2,$K$2:$K$N,0)=ROW()-1,1,0)  (exact MATCH)
 * Sheet "Summary": one row per salesperson × month (the list typed in as values, as after a
 * "remove duplicates"), with SUMIFS for each sum and the ratios computed from those sums.
 * Timed: building the workbook and evaluating every formula (HyperFormula does both in buildFromSheets).
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { RawCell } from "../src/engine/types";
import { BASELINE_COLUMNS as C, monthOfKey, monthOfSerial } from "./benchSample";
import { emptyFigures, figureKey, type FigureSet } from "./figures";

export type FormulaVariant = "countifs" | "match";

export interface HyperformulaResult {
  variant: FormulaVariant;
  ms: number;
  formulas: number;
  figures: FigureSet;
}

function cell(value: RawCell): RawCellContent {
  return value === undefined ? null : value;
}

/** A rep name typed into the Summary sheet must stay text even if it looks like a formula or number. */
function literalText(value: string): string {
  return /^[=+\-@']/.test(value) || value.trim() !== value || !Number.isNaN(Number(value)) ? `'${value}` : value;
}

function buildDataSheet(rows: readonly RawCell[][], variant: FormulaVariant): RawCellContent[][] {
  const last = rows.length + 1;
  const sheet: RawCellContent[][] = new Array(rows.length + 1);
  sheet[0] = [
    "Salesperson",
    "Customer",
    "Date",
    "Revenue",
    "Cost",
    "Receivable",
    "Collected",
    "Bad debt",
    "Month",
    "First",
    "Key",
  ];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const r = i + 2;
    const first =
      variant === "countifs"
        ? `=IF(COUNTIFS($B$2:B${r},B${r},$A$2:A${r},A${r},$I$2:I${r},I${r})=1,1,0)`
        : `=IF(MATCH(K${r},$K$2:$K$${last},0)=ROW()-1,1,0)`;
    sheet[i + 1] = [
      typeof row[C.salesperson] === "string" ? literalText(row[C.salesperson] as string) : cell(row[C.salesperson]),
      typeof row[C.customer] === "string" ? literalText(row[C.customer] as string) : cell(row[C.customer]),
      cell(row[C.date]),
      cell(row[C.revenue]),
      cell(row[C.cost]),
      cell(row[C.receivable]),
      cell(row[C.collected]),
      cell(row[C.badDebt]),
      `=YEAR(C${r})*100+MONTH(C${r})`,
      first,
      variant === "match" ? `=A${r}&"|"&I${r}&"|"&B${r}` : null,
    ];
  }
  return sheet;
}

/** The salesperson × month pairs present in the data, as the user would list them. */
function repMonthPairs(rows: readonly RawCell[][]): Array<[string, number]> {
  const seen = new Set<string>();
  const pairs: Array<[string, number]> = [];
  for (const row of rows) {
    const rep = row[C.salesperson];
    const date = row[C.date];
    if (typeof rep !== "string" || typeof date !== "number") continue;
    const [year, month] = monthOfSerial(date).split("-").map(Number);
    const key = year * 100 + month;
    const id = `${rep}\t${key}`;
    if (!seen.has(id)) {
      seen.add(id);
      pairs.push([rep, key]);
    }
  }
  return pairs;
}

function buildSummarySheet(pairs: Array<[string, number]>, dataRows: number): RawCellContent[][] {
  const n = dataRows + 1;
  const col = (letter: string): string => `Data!$${letter}$2:$${letter}$${n}`;
  const sumifs = (letter: string, r: number): string => `SUMIFS(${col(letter)},${col("A")},$A${r},${col("I")},$B${r})`;
  const sheet: RawCellContent[][] = [
    [
      "Salesperson",
      "Month",
      "Net sales",
      "Cost",
      "Gross margin %",
      "Receivable",
      "Collected",
      "Collection rate",
      "Bad debt",
      "Bad-debt rate",
      "Active customers",
    ],
  ];
  pairs.forEach(([rep, month], i) => {
    const r = i + 2;
    sheet.push([
      literalText(rep),
      month,
      `=${sumifs("D", r)}`,
      `=${sumifs("E", r)}`,
      `=(C${r}-D${r})/C${r}`,
      `=${sumifs("F", r)}`,
      `=${sumifs("G", r)}`,
      `=G${r}/F${r}`,
      `=${sumifs("H", r)}`,
      `=I${r}/C${r}`,
      `=${sumifs("J", r)}`,
    ]);
  });
  return sheet;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function runHyperformulaBaseline(rows: readonly RawCell[][], variant: FormulaVariant): HyperformulaResult {
  const start = performance.now();
  const pairs = repMonthPairs(rows);
  const hf = HyperFormula.buildFromSheets(
    { Data: buildDataSheet(rows, variant), Summary: buildSummarySheet(pairs, rows.length) },
    // HyperFormula refuses sheets over 40,000 rows unless told otherwise.
    { licenseKey: "gpl-v3", useColumnIndex: variant === "match", maxRows: Math.max(40000, rows.length + 1) },
  );
  const ms = performance.now() - start;

  const summary = hf.getSheetValues(hf.getSheetId("Summary") as number);
  const figures: FigureSet = {};
  for (let i = 1; i < summary.length; i++) {
    const [rep, month, net, , margin, , , collection, , badDebt, active] = summary[i];
    const f = emptyFigures();
    f.net_sales = numberOrNull(net);
    f.gross_margin_pct = numberOrNull(margin);
    f.collection_rate = numberOrNull(collection);
    f.bad_debt_rate = numberOrNull(badDebt);
    f.active_customers = numberOrNull(active);
    figures[figureKey(String(rep), monthOfKey(Number(month)))] = f;
  }
  const formulas = rows.length * (variant === "match" ? 3 : 2) + pairs.length * 9;
  hf.destroy();
  return { variant, ms, formulas, figures };
}
