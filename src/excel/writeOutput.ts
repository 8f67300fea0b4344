/**
 * Writes a WorkbookOutput with Office.js, all or nothing:
 *  1. one round trip reads the sheet names/ids and which of them the add-in owns (Workbook.settings);
 *  2. every output sheet is written under a temporary name (values in row blocks under the payload
 *     budget, number formats, widths, frozen header, table, rules, chart);
 *  3. one last round trip deletes the old owned sheets, renames the new ones and records them.
 * A failure before step 3 deletes the temporary sheets, so the old output stays as it was. A user's
 * sheet with an output's name is never touched: the output takes "Name (2)".
 */
import type { OutputSheet, ProgressListener, WorkbookOutput, WriteReport } from "../workbook/contract";
import type { CellValue } from "../workbook/contract";
import { needsTextPrefix } from "../workbook/formulaGuard";
import { freeSheetName } from "../workbook/sheetNames";
import { columnName, rectAddress, type CellRect } from "./a1";
import { isPayloadTooLarge } from "./excelErrors";
import type { ExcelHost } from "./excelRunner";
import { bytesPerRow, cellJsonBytes, rowsPerBlock } from "./payload";
import { addRule } from "./ruleWriter";
import { headerRowCount } from "../workbook/outputSheet";
import {
  formatOwnershipMark,
  newOwnershipToken,
  OWNED_SHEET_NAME,
  OWNED_SHEETS_PROPERTY,
  ownedNameFormula,
  ownedSheetNames,
  parseOwnershipMark,
  tokenOfName,
} from "../workbook/ownershipMark";
import { FREEZE_API, GROUP_API, INDENT_API, PROPERTIES_API, RULES_API, SETTING_KEYS } from "./settingKeys";
import { requireMinimumApi } from "./storedSettings";

/** Temporary sheets are named "KPI~tmp~<token><index>"; leftovers of a cut-off run are removed by the next one. */
export const TEMP_SHEET_PREFIX = "KPI~tmp~";
/** Bytes counted for a call that carries no cells (object path, action, small arguments). */
const CALL_BYTES = 256;
/** Excel column width is in points; one character of Calibri 11 is about 5.7 points (8.43 chars = 48 pt). */
const POINTS_PER_CHAR = 5.7;
const MAX_BUDGET_HALVINGS = 6;
/** Excel's Text number format: what is written is kept as text, never parsed as a number or date. */
const TEXT_FORMAT = "@";

/** Queues calls and syncs before a request would pass the budget. */
class RequestBudget {
  private used = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
  ) {}
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) await this.flush();
    this.used += bytes;
  }
  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.context.sync();
    this.syncs++;
    this.used = 0;
  }
}

/** Row as written: text that Excel would take as a formula gets the apostrophe (quote) prefix. */
function textSafeRow(row: CellValue[]): CellValue[] {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "string" && needsTextPrefix(v)) {
      const copy = row.slice();
      for (let k = c; k < copy.length; k++) {
        const w = copy[k];
        if (typeof w === "string" && needsTextPrefix(w)) copy[k] = "'" + w;
      }
      return copy;
    }
  }
  return row;
}

function freeTableName(desired: string, taken: Set<string>): string {
  if (!taken.has(desired.toLowerCase())) return desired;
  for (let n = 2; ; n++) if (!taken.has(`${desired}${n}`.toLowerCase())) return `${desired}${n}`;
}

export async function writeOutput(
  host: ExcelHost,
  output: WorkbookOutput,
  onProgress?: ProgressListener,
): Promise<WriteReport> {
  requireMinimumApi(host);
  let budget = host.budget;
  for (let halvings = 0; ; halvings++) {
    try {
      return await host.run((context) => writeAttempt(context, host, budget, output, onProgress), "the output sheets");
    } catch (error) {
      await removeTemporarySheets(host).catch(() => undefined);
      const tooLarge = isPayloadTooLarge(error) || (error as { code?: string }).code === "payload_too_large";
      if (tooLarge && halvings < MAX_BUDGET_HALVINGS) {
        budget = Math.floor(budget / 2);
        continue;
      }
      throw error;
    }
  }
}

async function writeAttempt(
  context: Excel.RequestContext,
  host: ExcelHost,
  budgetBytes: number,
  output: WorkbookOutput,
  onProgress?: ProgressListener,
): Promise<WriteReport> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/id");
  workbook.tables.load("items/name");
  // Workbook-scoped names share the tables' namespace: a table cannot take one's name.
  workbook.names.load("items/name");
  // The ownership mark (ownershipMark.ts): the custom property the CLI reads too (ExcelApi 1.7),
  // else the same text in the workbook's settings.
  const canMarkProperty = host.supports(PROPERTIES_API);
  const markProperty = canMarkProperty ? workbook.properties.custom.getItemOrNullObject(OWNED_SHEETS_PROPERTY) : null;
  markProperty?.load("value");
  const markSetting = workbook.settings.getItemOrNullObject(SETTING_KEYS.ownedSheets);
  markSetting.load("value");
  await context.sync();

  const existing = worksheets.items.map((s) => ({ name: s.name, id: s.id }));
  const mark =
    parseOwnershipMark(markProperty && !markProperty.isNullObject ? markProperty.value : null) ??
    parseOwnershipMark(markSetting.isNullObject ? null : markSetting.value);
  // Ours: listed in the mark AND bearing its token in the sheet's own hidden name (sheet ids change
  // on reopen, so they prove nothing). One more round trip, only when there is a mark.
  const listed = mark ? new Set(mark.sheets.map((n) => n.toLowerCase())) : new Set<string>();
  const candidates = existing
    .filter((s) => listed.has(s.name.toLowerCase()))
    .map((s) => {
      const ws = worksheets.getItem(s.id);
      return {
        sheet: s,
        name: ws.names.getItemOrNullObject(OWNED_SHEET_NAME).load("value"),
        tables: ws.tables.load("items/name"),
      };
    });
  if (candidates.length > 0) await context.sync();
  const ownedNames = new Set(
    ownedSheetNames(
      mark,
      candidates.map((c) => ({ name: c.sheet.name, token: c.name.isNullObject ? null : tokenOfName(c.name.value) })),
    ),
  );
  const isTemporary = (name: string) => name.startsWith(TEMP_SHEET_PREFIX);
  const leftovers = existing.filter((s) => isTemporary(s.name));
  const oldOutput = existing.filter((s) => ownedNames.has(s.name) && !isTemporary(s.name));
  const userNames = existing.filter((s) => !ownedNames.has(s.name) && !isTemporary(s.name)).map((s) => s.name);
  const ownedTables = new Set(
    candidates
      .filter((c) => ownedNames.has(c.sheet.name))
      .flatMap((c) => c.tables.items.map((t) => t.name.toLowerCase())),
  );
  const takenTables = new Set([
    ...workbook.tables.items.map((t) => t.name.toLowerCase()).filter((t) => !ownedTables.has(t)),
    ...workbook.names.items.map((n) => n.name.toLowerCase()),
  ]);

  const finalNames: string[] = [];
  for (const sheet of output.sheets) finalNames.push(freeSheetName(sheet.name, [...userNames, ...finalNames]));

  const report: WriteReport = {
    sheets: {},
    rowsWritten: 0,
    rulesWritten: host.supports(RULES_API),
    chartWritten: false,
    warnings: [],
  };
  if (!report.rulesWritten)
    report.warnings.push(
      "This version of Excel has no conditional formatting API (ExcelApi 1.6): the output was written without colour rules.",
    );
  const canFreeze = host.supports(FREEZE_API);
  if (!canFreeze)
    report.warnings.push(
      "This version of Excel cannot freeze panes from an add-in (ExcelApi 1.7): headers are not frozen.",
    );

  const budget = new RequestBudget(context, budgetBytes);
  for (const s of leftovers) worksheets.getItem(s.id).delete();
  const token = Math.random().toString(36).slice(2, 8);
  const ownership = newOwnershipToken();
  const totalRows = output.sheets.reduce((n, s) => n + s.rows.length, 0);
  const progress = { done: 0, total: totalRows };
  const created: Excel.Worksheet[] = [];
  const tables: Array<{ table: Excel.Table; name: string; sheet: number }> = [];
  for (let i = 0; i < output.sheets.length; i++) {
    const sheet = output.sheets[i];
    await budget.reserve(CALL_BYTES);
    const ws = worksheets.add(`${TEMP_SHEET_PREFIX}${token}${i}`);
    ws.load("id");
    created.push(ws);
    // The sheet's own half of the ownership mark: a hidden name local to it, holding the token.
    const mark = ws.names.add(OWNED_SHEET_NAME, `=${ownedNameFormula(ownership)}`);
    mark.visible = false;
    await writeCells(ws, sheet, budget, progress, onProgress);
    onProgress?.({ phase: "formatting", rowsDone: progress.done, rowsTotal: progress.total, detail: finalNames[i] });
    await formatSheet(ws, sheet, budget, canFreeze, report);
    await formatOutline(ws, sheet, budget, host, report);
    if (sheet.table) {
      await budget.reserve(CALL_BYTES * 3);
      const name = freeTableName(sheet.table.name, takenTables);
      takenTables.add(name.toLowerCase());
      const table = ws.tables.add(
        rectAddress({
          row: 0,
          column: 0,
          rowCount: 1 + Math.max(1, sheet.rows.length),
          columnCount: sheet.columns.length,
        }),
        true,
      );
      table.name = `${name}_${token}`;
      table.style = sheet.table.style;
      tables.push({ table, name, sheet: i });
    }
    if (sheet.chart && sheet.rows.length > 0) {
      await budget.reserve(CALL_BYTES * 8);
      addChart(ws, sheet, canFreeze);
      report.chartWritten = true;
    }
    report.rowsWritten += sheet.rows.length;
  }
  await budget.flush();

  // Commit: one round trip replaces the old output.
  for (const s of oldOutput) worksheets.getItem(s.id).delete();
  created.forEach((ws, i) => (ws.name = finalNames[i]));
  for (const t of tables) t.table.name = t.name;
  const record = formatOwnershipMark({ token: ownership, sheets: finalNames });
  if (canMarkProperty) workbook.properties.custom.add(OWNED_SHEETS_PROPERTY, record);
  workbook.settings.add(SETTING_KEYS.ownedSheets, record);
  if (created.length > 0) created[0].activate();
  await context.sync();
  output.sheets.forEach((s, i) => (report.sheets[s.key] = finalNames[i]));
  onProgress?.({ phase: "done", rowsDone: progress.total, rowsTotal: progress.total });
  return report;
}

async function writeCells(
  ws: Excel.Worksheet,
  sheet: OutputSheet,
  budget: RequestBudget,
  progress: { done: number; total: number },
  onProgress?: ProgressListener,
): Promise<void> {
  const width = sheet.columns.length;
  // Budget first, then queue: a sync triggered by reserve() must not carry uncounted calls.
  await budget.reserve(CALL_BYTES * 2 + sheet.columns.reduce((n, c) => n + cellJsonBytes(c.header), 0));
  const top = headerRowCount(sheet);
  if (sheet.headerBand) await writeHeaderBand(ws, sheet, budget);
  const header = ws.getRange(rectAddress({ row: top - 1, column: 0, rowCount: 1, columnCount: width }));
  // Excel parses text written through `values` as if typed ("2026" → 2026, "2026-03" → a date):
  // text cells get the Text format ("@") before their values, so they stay as written.
  header.numberFormat = [sheet.columns.map(() => TEXT_FORMAT)];
  header.values = [textSafeRow(sheet.columns.map((c) => c.header))];
  header.format.font.bold = true;

  const formatRow = sheet.columns.map((c) => (c.kind === "text" ? TEXT_FORMAT : c.numberFormat));
  const formatBytes = formatRow.reduce((n, f) => n + cellJsonBytes(f), 3);
  const rowBytes = bytesPerRow(sheet.rows) + formatBytes;
  const block = rowsPerBlock(rowBytes, width, budget.budget - CALL_BYTES * 2);
  const blocks = Math.ceil(sheet.rows.length / block);
  for (let start = 0, b = 1; start < sheet.rows.length; start += block, b++) {
    const count = Math.min(block, sheet.rows.length - start);
    const rect: CellRect = { row: top + start, column: 0, rowCount: count, columnCount: width };
    await budget.reserve(CALL_BYTES * 2 + Math.ceil(rowBytes * count));
    const range = ws.getRange(rectAddress(rect));
    const values: CellValue[][] = new Array(count);
    for (let i = 0; i < count; i++) values[i] = textSafeRow(sheet.rows[start + i]);
    // Formats first (text columns as "@"), then values: the same format row for every row of the
    // block, one array object referenced `count` times.
    range.numberFormat = new Array(count).fill(formatRow);
    range.values = values;
    progress.done += count;
    onProgress?.({
      phase: "writing",
      rowsDone: progress.done,
      rowsTotal: progress.total,
      ...(blocks > 1 ? { detail: `block ${b} of ${blocks}` } : {}),
    });
  }
}

/** Row 1 of a sheet with a header band: each span's text merged across its columns (Range.merge, ExcelApi 1.2). */
async function writeHeaderBand(ws: Excel.Worksheet, sheet: OutputSheet, budget: RequestBudget): Promise<void> {
  const spans = sheet.headerBand!;
  const width = sheet.columns.length;
  const texts: CellValue[] = sheet.columns.map(() => "");
  for (const span of spans) texts[span.fromColumn] = span.text;
  await budget.reserve(CALL_BYTES * (3 + 2 * spans.length) + texts.reduce((n: number, t) => n + cellJsonBytes(t), 0));
  const band = ws.getRange(rectAddress({ row: 0, column: 0, rowCount: 1, columnCount: width }));
  band.numberFormat = [texts.map(() => TEXT_FORMAT)];
  band.values = [textSafeRow(texts)];
  band.format.font.bold = true;
  for (const span of spans) {
    const cells = ws.getRange(
      rectAddress({ row: 0, column: span.fromColumn, rowCount: 1, columnCount: span.toColumn - span.fromColumn + 1 }),
    );
    cells.merge(false);
    cells.format.horizontalAlignment = "Center";
  }
}

async function formatSheet(
  ws: Excel.Worksheet,
  sheet: OutputSheet,
  budget: RequestBudget,
  canFreeze: boolean,
  report: WriteReport,
): Promise<void> {
  // One call per column (never per row).
  await budget.reserve(CALL_BYTES * (sheet.columns.length + 1));
  sheet.columns.forEach((c, i) => {
    ws.getRange(`${columnName(i)}1`).format.columnWidth = Math.round(c.width * POINTS_PER_CHAR);
  });
  if (canFreeze && sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
  if (report.rulesWritten && sheet.rows.length > 0) {
    await budget.reserve(CALL_BYTES * 4 * sheet.rules.length);
    for (const rule of sheet.rules) {
      const from = rule.type === "formulaFill" ? rule.fromColumn : rule.column;
      const to = rule.type === "formulaFill" ? rule.toColumn : rule.column;
      const rect = {
        row: headerRowCount(sheet),
        column: from,
        rowCount: sheet.rows.length,
        columnCount: to - from + 1,
      };
      addRule(ws.getRange(rectAddress(rect)), rule);
    }
  }
}

/** Runs of consecutive rows for which `within` holds. */
function rowRuns(count: number, within: (row: number) => boolean): Array<{ start: number; count: number }> {
  const runs: Array<{ start: number; count: number }> = [];
  for (let r = 0; r < count; r++) {
    if (!within(r)) continue;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === r) last.count++;
    else runs.push({ start: r, count: 1 });
  }
  return runs;
}

/** The sheet's hierarchy (contract SheetOutline): indents, bold subtotal rows with a top border, row groups. */
async function formatOutline(
  ws: Excel.Worksheet,
  sheet: OutputSheet,
  budget: RequestBudget,
  host: ExcelHost,
  report: WriteReport,
): Promise<void> {
  const outline = sheet.outline;
  if (!outline || sheet.rows.length === 0) return;
  const rows = outline.rows;
  const deepest = Math.max(0, ...rows.map((r) => r.depth));
  const top = headerRowCount(sheet);
  const dataRow = (r: number) => r + top + 1; // sheet row (1-based) of data row r
  if (host.supports(INDENT_API)) {
    for (let depth = 1; depth <= deepest; depth++)
      for (const run of rowRuns(rows.length, (r) => rows[r].depth === depth)) {
        await budget.reserve(CALL_BYTES);
        const cells = { row: run.start + top, column: outline.column, rowCount: run.count, columnCount: 1 };
        ws.getRange(rectAddress(cells)).format.indentLevel = depth;
      }
  } else report.warnings.push("This version of Excel cannot indent cells (ExcelApi 1.9): names are not indented.");
  for (let r = 0; r < rows.length; r++) {
    if (!rows[r].subtotal) continue;
    await budget.reserve(CALL_BYTES * 2);
    const row = ws.getRange(rectAddress({ row: r + top, column: 0, rowCount: 1, columnCount: sheet.columns.length }));
    row.format.font.bold = true;
    row.format.borders.getItem("EdgeTop").style = "Continuous";
  }
  if (host.supports(GROUP_API)) {
    // Each group is a run of deeper rows; its subtotal row below it carries the outline button.
    for (let level = 1; level <= Math.min(deepest, 8); level++)
      for (const run of rowRuns(rows.length, (r) => rows[r].depth >= level)) {
        await budget.reserve(CALL_BYTES);
        ws.getRange(`${dataRow(run.start)}:${dataRow(run.start + run.count - 1)}`).group("ByRows");
      }
  } else report.warnings.push("This version of Excel cannot group rows (ExcelApi 1.10): regions cannot be collapsed.");
}

function addChart(ws: Excel.Worksheet, sheet: OutputSheet, canSetCategories: boolean): void {
  const spec = sheet.chart!;
  const n = sheet.rows.length;
  const top = headerRowCount(sheet);
  const left = columnName(sheet.columns.length + 1);
  const right = columnName(sheet.columns.length + 9);
  if (spec.type === "line") {
    // The header row names the lines and the text column left of them gives the categories, as
    // Excel reads a table it charts (ExcelApi 1.1); the category column must be the first column.
    const table = rectAddress({
      row: top - 1,
      column: spec.categoryColumn,
      rowCount: n + 1,
      columnCount: sheet.columns.length - spec.categoryColumn,
    });
    const line = ws.charts.add("Line", ws.getRange(table), "Columns");
    line.name = "KpiTrendChart";
    line.title.text = spec.title;
    line.setPosition(`${left}${top + 1}`, `${right}${top + 20}`);
    return;
  }
  const values = ws.getRange(rectAddress({ row: top - 1, column: spec.valueColumn, rowCount: n + 1, columnCount: 1 }));
  const chart = ws.charts.add("BarClustered", values, "Columns");
  chart.name = "KpiScoreChart";
  chart.title.text = spec.title;
  const series = chart.series.getItemAt(0);
  series.name = spec.seriesName;
  // Categories from a column that is not next to the values need ExcelApi 1.7.
  if (canSetCategories)
    series.setXAxisValues(
      ws.getRange(rectAddress({ row: top, column: spec.categoryColumn, rowCount: n, columnCount: 1 })),
    );
  chart.setPosition(`${left}${top + 1}`, `${right}${Math.max(20, Math.min(n, 60) + top + 1)}`);
}

/** Deletes temporary sheets left by a failed write (its own round trips; best effort). */
async function removeTemporarySheets(host: ExcelHost): Promise<void> {
  await host.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    await context.sync();
    const leftovers = worksheets.items.filter((s) => s.name.startsWith(TEMP_SHEET_PREFIX));
    if (leftovers.length === 0) return;
    for (const s of leftovers) s.delete();
    await context.sync();
  });
}
