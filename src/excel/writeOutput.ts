/**
 * Writes a WorkbookOutput with Office.js, all or nothing as far as Excel allows:
 *  1. one round trip reads the sheet names/ids and which of them the add-in owns (the mark);
 *  2. every output sheet is written under a temporary name (values in row blocks under the payload
 *     budget, number formats; new sheets also get widths, frozen header, table, rules, chart);
 *  3. one last round trip commits. An owned sheet that is written again is rewritten in place, so
 *     that formulas, PivotTables and charts pointing at it (or at its table) keep working: its
 *     table is resized (Table.resize, ExcelApi 1.13), what lies outside the new content cleared,
 *     the temporary sheet's cells copied in (Range.copyFrom, ExcelApi 1.9) and its rules, widths
 *     and chart set again; the temporary sheet goes. Other old output is deleted and new sheets
 *     are renamed. Without those sets the old sheets are deleted and replaced (with a warning).
 * A failure before step 3 deletes the temporary sheets, so the old output stays as it was. A user's
 * sheet with an output's name is never touched: the output takes "Name (2)".
 */
import { isOwnChartName } from "../workbook/chartNames";
import type {
  BarChartSpec,
  ChartAnchor,
  LineChartSpec,
  OutputSheet,
  ProgressListener,
  WorkbookOutput,
  WriteReport,
} from "../workbook/contract";
import { LINE_COLORS, TARGET_LINE_COLOR } from "../workbook/palette";
import type { CellValue } from "../workbook/contract";
import { needsTextPrefix } from "../workbook/formulaGuard";
import { freeSheetName } from "../workbook/sheetNames";
import { columnName, rectAddress, type CellRect } from "./a1";
import { EXCEL_ERROR, errorCode, isPayloadTooLarge } from "./excelErrors";
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
import {
  CHART_SERIES_API,
  COPY_API,
  FREEZE_API,
  GROUP_API,
  INDENT_API,
  PROPERTIES_API,
  RESIZE_API,
  RULES_API,
  SETTING_KEYS,
} from "./settingKeys";
import { requireMinimumApi } from "./storedSettings";
import { writeWarning } from "./writeWarnings";

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
  /** Freeze-panes calls wait in the queue (some builds refuse them with GeneralException). */
  freezeQueued = false;
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
    this.freezeQueued = false;
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

/** A sync that carried freeze-panes calls failed with GeneralException: write again without them. */
class FreezeRefused extends Error {}

export async function writeOutput(
  host: ExcelHost,
  output: WorkbookOutput,
  onProgress?: ProgressListener,
): Promise<WriteReport> {
  requireMinimumApi(host);
  let budget = host.budget;
  let freeze = true;
  for (let halvings = 0; ;) {
    try {
      const report = await host.run(async (context) => {
        const budgetState = new RequestBudget(context, budget);
        try {
          return await writeAttempt(context, host, budgetState, output, freeze, onProgress);
        } catch (error) {
          if (freeze && budgetState.freezeQueued && errorCode(error) === EXCEL_ERROR.general) throw new FreezeRefused();
          throw error;
        }
      }, "the output sheets");
      if (!freeze) report.warnings.push(writeWarning("freezeRefused", output.lang));
      return report;
    } catch (error) {
      await removeTemporarySheets(host).catch(() => undefined);
      if (error instanceof FreezeRefused) {
        freeze = false;
        continue;
      }
      const tooLarge = isPayloadTooLarge(error) || (error as { code?: string }).code === "payload_too_large";
      if (tooLarge && halvings < MAX_BUDGET_HALVINGS) {
        budget = Math.floor(budget / 2);
        halvings++;
        continue;
      }
      throw error;
    }
  }
}

/** An owned sheet written again, rewritten in place in the commit. */
interface InPlaceTarget {
  id: string;
  /** Its used range before the run (cells outside the new content are cleared). */
  used: { rows: number; columns: number } | null;
  /** The add-in's table on it, resized to the new content (keeps its name and identity). */
  table: Excel.Table | null;
  otherTables: Excel.Table[];
  /** The add-in's charts on it (found by name; a user's chart stays), deleted and made again over the new rows. */
  charts: Excel.Chart[];
}

/** Data bytes of the calls formatSheet queues (widths, freeze, rules). */
function formatBytes(sheet: OutputSheet): number {
  return CALL_BYTES * (sheet.columns.length + 2 + 4 * sheet.rules.length);
}

async function writeAttempt(
  context: Excel.RequestContext,
  host: ExcelHost,
  budget: RequestBudget,
  output: WorkbookOutput,
  freeze: boolean,
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
        charts: ws.charts.load("items/name"),
        used: ws.getUsedRangeOrNullObject().load("rowIndex,columnIndex,rowCount,columnCount"),
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
  if (!report.rulesWritten) report.warnings.push(writeWarning("noRules", output.lang));
  const canFreeze = freeze && host.supports(FREEZE_API);
  if (!host.supports(FREEZE_API)) report.warnings.push(writeWarning("noFreeze", output.lang));
  const outlineSupport: OutlineSupport = { indent: host.supports(INDENT_API), group: host.supports(GROUP_API) };
  const chartSeriesApi = host.supports(CHART_SERIES_API);
  if (output.sheets.some((s) => s.outline)) {
    if (!outlineSupport.indent) report.warnings.push(writeWarning("noIndent", output.lang));
    if (!outlineSupport.group) report.warnings.push(writeWarning("noGroup", output.lang));
  }

  // Owned sheets written again are rewritten in place where Excel can copy ranges and resize tables.
  const canRewrite = host.supports(COPY_API) && host.supports(RESIZE_API);
  const inPlace: Array<InPlaceTarget | null> = output.sheets.map((sheet, i) => {
    if (!canRewrite) return null;
    const old = oldOutput.find((s) => s.name.toLowerCase() === finalNames[i].toLowerCase());
    const c = old && candidates.find((x) => x.sheet.id === old.id);
    if (!old || !c) return null;
    const tables = c.tables.items;
    const wanted = sheet.table?.name.toLowerCase();
    const table = sheet.table
      ? (tables.find((t) => t.name.toLowerCase() === wanted) ??
        tables.find((t) => t.name.toLowerCase().startsWith(wanted!)) ??
        null)
      : null;
    return {
      id: old.id,
      used: c.used.isNullObject
        ? null
        : { rows: c.used.rowIndex + c.used.rowCount, columns: c.used.columnIndex + c.used.columnCount },
      table,
      otherTables: tables.filter((t) => t !== table),
      charts: c.charts.items.filter((ch) => isOwnChartName(ch.name)),
    };
  });
  if (!canRewrite && oldOutput.length > 0) report.warnings.push(writeWarning("replacedSheets", output.lang));

  for (const s of leftovers) worksheets.getItem(s.id).delete();
  const token = Math.random().toString(36).slice(2, 8);
  // The mark's token is kept: sheets rewritten in place already carry it in their local name.
  const ownership = mark?.token ?? newOwnershipToken();
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
    report.rowsWritten += sheet.rows.length;
    // A sheet rewritten in place gets its table, rules, widths and chart in the commit, on itself.
    if (inPlace[i]) continue;
    onProgress?.({ phase: "formatting", rowsDone: progress.done, rowsTotal: progress.total, detail: finalNames[i] });
    await budget.reserve(formatBytes(sheet) + outlineBytes(sheet));
    formatSheet(ws, sheet, canFreeze, report, budget);
    formatOutline(ws, sheet, outlineSupport, true);
    if (sheet.table) {
      await budget.reserve(CALL_BYTES * 3);
      const name = freeTableName(sheet.table.name, takenTables);
      takenTables.add(name.toLowerCase());
      const table = ws.tables.add(tableAddress(sheet), true);
      table.name = `${name}_${token}`;
      table.style = sheet.table.style;
      tables.push({ table, name, sheet: i });
    }
    if (sheet.charts.length > 0 && sheet.rows.length > 0) {
      // All of a sheet's charts in the same request as its cells: no round trip per chart.
      await budget.reserve(chartBytes(sheet));
      addCharts(ws, sheet, chartSeriesApi);
      report.chartWritten = true;
    }
  }
  await budget.flush();

  // Commit: one round trip replaces the old output (nothing in it is flushed early).
  const rewritten = new Set(inPlace.filter((t): t is InPlaceTarget => t !== null).map((t) => t.id));
  for (const s of oldOutput) if (!rewritten.has(s.id)) worksheets.getItem(s.id).delete();
  const finalSheets: Excel.Worksheet[] = [];
  output.sheets.forEach((sheet, i) => {
    const target = inPlace[i];
    if (!target) {
      created[i].name = finalNames[i];
      finalSheets.push(created[i]);
      return;
    }
    const ws = worksheets.getItem(target.id);
    rewriteInPlace(
      ws,
      created[i],
      sheet,
      target,
      takenTables,
      canFreeze,
      report,
      budget,
      outlineSupport,
      chartSeriesApi,
    );
    created[i].delete();
    finalSheets.push(ws);
  });
  for (const t of tables) t.table.name = t.name;
  const record = formatOwnershipMark({ token: ownership, sheets: finalNames });
  if (canMarkProperty) workbook.properties.custom.add(OWNED_SHEETS_PROPERTY, record);
  workbook.settings.add(SETTING_KEYS.ownedSheets, record);
  if (finalSheets.length > 0) finalSheets[0].activate();
  await context.sync();
  output.sheets.forEach((s, i) => (report.sheets[s.key] = finalNames[i]));
  onProgress?.({ phase: "done", rowsDone: progress.total, rowsTotal: progress.total });
  return report;
}

/** Header band (if any), header and data rows (at least one, as a table needs) over the sheet's columns. */
function contentRect(sheet: OutputSheet): CellRect {
  return {
    row: 0,
    column: 0,
    rowCount: headerRowCount(sheet) + Math.max(1, sheet.rows.length),
    columnCount: sheet.columns.length,
  };
}

/** The table: the header row and the data rows, under the header band if there is one. */
function tableRect(sheet: OutputSheet): CellRect {
  const top = headerRowCount(sheet) - 1;
  return { row: top, column: 0, rowCount: 1 + Math.max(1, sheet.rows.length), columnCount: sheet.columns.length };
}

function tableAddress(sheet: OutputSheet): string {
  return rectAddress(tableRect(sheet));
}

/**
 * Queues the rewrite of an owned sheet from its temporary copy, keeping the sheet and its table
 * (their names and identities, hence the references users made to them). Order matters: the
 * table is resized before the cells outside the new content are cleared, so no clear touches it.
 */
function rewriteInPlace(
  ws: Excel.Worksheet,
  temp: Excel.Worksheet,
  sheet: OutputSheet,
  target: InPlaceTarget,
  takenTables: Set<string>,
  canFreeze: boolean,
  report: WriteReport,
  budget: RequestBudget,
  outlineSupport: OutlineSupport,
  chartSeriesApi: boolean,
): void {
  const content = contentRect(sheet);
  for (const chart of target.charts) chart.delete();
  for (const table of target.otherTables) table.delete();
  if (target.table) {
    if (sheet.table) {
      target.table.resize(ws.getRange(tableAddress(sheet)));
      target.table.style = sheet.table.style;
    } else target.table.delete();
  }
  if (report.rulesWritten) ws.getRange().conditionalFormats.clearAll();
  const used = target.used;
  if (used && used.rows > content.rowCount)
    ws.getRange(
      rectAddress({
        row: content.rowCount,
        column: 0,
        rowCount: used.rows - content.rowCount,
        columnCount: Math.max(used.columns, content.columnCount),
      }),
    ).clear("All");
  if (used && used.columns > content.columnCount)
    ws.getRange(
      rectAddress({
        row: 0,
        column: content.columnCount,
        rowCount: content.rowCount,
        columnCount: used.columns - content.columnCount,
      }),
    ).clear("All");
  // The old header band's merges go first: its spans may differ from the new ones.
  if (sheet.headerBand)
    ws.getRange(rectAddress({ row: 0, column: 0, rowCount: 1, columnCount: content.columnCount })).clear("All");
  // Cells (blanks too), number formats and bold, as Paste does.
  ws.getRange("A1").copyFrom(temp.getRange(rectAddress(content)), "All");
  if (sheet.headerBand) mergeHeaderBand(ws, sheet);
  formatSheet(ws, sheet, canFreeze, report, budget);
  formatOutline(ws, sheet, outlineSupport, false);
  if (sheet.table && !target.table) {
    const name = freeTableName(sheet.table.name, takenTables);
    takenTables.add(name.toLowerCase());
    const table = ws.tables.add(tableAddress(sheet), true);
    table.name = name;
    table.style = sheet.table.style;
  }
  if (sheet.charts.length > 0 && sheet.rows.length > 0) {
    addCharts(ws, sheet, chartSeriesApi);
    report.chartWritten = true;
  }
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
  mergeHeaderBand(ws, sheet);
}

/** Each span of the header band merged across its columns and centred (Range.merge, ExcelApi 1.2). */
function mergeHeaderBand(ws: Excel.Worksheet, sheet: OutputSheet): void {
  for (const span of sheet.headerBand ?? []) {
    const cells = ws.getRange(
      rectAddress({ row: 0, column: span.fromColumn, rowCount: 1, columnCount: span.toColumn - span.fromColumn + 1 }),
    );
    cells.merge(false);
    cells.format.horizontalAlignment = "Center";
  }
}

/** Widths (one call per column, never per row), frozen header, rules. The caller reserves formatBytes(sheet). */
function formatSheet(
  ws: Excel.Worksheet,
  sheet: OutputSheet,
  canFreeze: boolean,
  report: WriteReport,
  budget: RequestBudget,
): void {
  sheet.columns.forEach((c, i) => {
    ws.getRange(`${columnName(i)}1`).format.columnWidth = Math.round(c.width * POINTS_PER_CHAR);
  });
  if (canFreeze && sheet.freezeRows > 0) {
    ws.freezePanes.freezeRows(sheet.freezeRows);
    budget.freezeQueued = true;
  }
  if (report.rulesWritten && sheet.rows.length > 0) {
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

/** Which outline calls the host has: Format.indentLevel (ExcelApi 1.9), Range.group (1.10). */
interface OutlineSupport {
  indent: boolean;
  group: boolean;
}

/** What formatOutline queues, for the caller to reserve. */
function outlineBytes(sheet: OutputSheet): number {
  const rows = sheet.outline?.rows ?? [];
  return CALL_BYTES * (3 * rows.length + 8);
}

/**
 * The sheet's hierarchy (contract SheetOutline): indents, bold subtotal rows with a top border and,
 * when `group`, row groups. A sheet rewritten in place keeps the groups of its first run: Excel's API
 * cannot read a row's outline level, and grouping again would nest the old groups one level deeper.
 * The caller reserves outlineBytes(sheet).
 */
function formatOutline(ws: Excel.Worksheet, sheet: OutputSheet, support: OutlineSupport, group: boolean): void {
  const outline = sheet.outline;
  if (!outline || sheet.rows.length === 0) return;
  const rows = outline.rows;
  const deepest = Math.max(0, ...rows.map((r) => r.depth));
  const top = headerRowCount(sheet);
  const dataRow = (r: number) => r + top + 1; // sheet row (1-based) of data row r
  if (support.indent)
    for (let depth = 1; depth <= deepest; depth++)
      for (const run of rowRuns(rows.length, (r) => rows[r].depth === depth)) {
        const cells = { row: run.start + top, column: outline.column, rowCount: run.count, columnCount: 1 };
        ws.getRange(rectAddress(cells)).format.indentLevel = depth;
      }
  for (let r = 0; r < rows.length; r++) {
    if (!rows[r].subtotal) continue;
    const row = ws.getRange(rectAddress({ row: r + top, column: 0, rowCount: 1, columnCount: sheet.columns.length }));
    row.format.font.bold = true;
    row.format.borders.getItem("EdgeTop").style = "Continuous";
  }
  if (support.group && group)
    // Each group is a run of deeper rows; its subtotal row below it carries the outline button.
    for (let level = 1; level <= Math.min(deepest, 8); level++)
      for (const run of rowRuns(rows.length, (r) => rows[r].depth >= level))
        ws.getRange(`${dataRow(run.start)}:${dataRow(run.start + run.count - 1)}`).group("ByRows");
}

/** What addCharts queues for a sheet: a few calls per chart and per line. */
function chartBytes(sheet: OutputSheet): number {
  return sheet.charts.reduce(
    (n, spec) =>
      n + CALL_BYTES * (8 + (spec.type === "line" ? 4 * (spec.lastValueColumn - spec.firstValueColumn + 1) : 2)),
    0,
  );
}

/**
 * The sheet's charts, each named as its spec says (a rewrite finds ours by name). `seriesApi`
 * (ExcelApi 1.7): categories from a column apart from the values, dashed target lines.
 */
function addCharts(ws: Excel.Worksheet, sheet: OutputSheet, seriesApi: boolean): void {
  for (const spec of sheet.charts) {
    if (spec.type === "line") addLineChart(ws, sheet, spec, seriesApi);
    else addBarChart(ws, sheet, spec, seriesApi);
  }
}

/** Top-left and bottom-right cells of an anchor, for Chart.setPosition (the end cell is covered whole). */
function placeChart(chart: Excel.Chart, anchor: ChartAnchor): void {
  chart.setPosition(
    `${columnName(anchor.fromColumn)}${anchor.fromRow + 1}`,
    `${columnName(anchor.toColumn)}${anchor.toRow + 1}`,
  );
}

function addLineChart(ws: Excel.Worksheet, sheet: OutputSheet, spec: LineChartSpec, seriesApi: boolean): void {
  const n = sheet.rows.length;
  const top = headerRowCount(sheet);
  // The header row names the lines; a text column just left of them gives the categories, as Excel
  // reads a table it charts (ExcelApi 1.1). A category column elsewhere is set on each line (1.7).
  const adjacent = spec.categoryColumn === spec.firstValueColumn - 1;
  const from = adjacent ? spec.categoryColumn : spec.firstValueColumn;
  const source = rectAddress({
    row: top - 1,
    column: from,
    rowCount: n + 1,
    columnCount: spec.lastValueColumn - from + 1,
  });
  const chart = ws.charts.add("Line", ws.getRange(source), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  const categories = ws.getRange(rectAddress({ row: top, column: spec.categoryColumn, rowCount: n, columnCount: 1 }));
  let colour = 0;
  for (let col = spec.firstValueColumn; col <= spec.lastValueColumn; col++) {
    const series = chart.series.getItemAt(col - spec.firstValueColumn);
    const dashed = spec.dashedColumns.includes(col);
    series.format.line.color = dashed ? TARGET_LINE_COLOR : LINE_COLORS[colour++ % LINE_COLORS.length];
    if (!seriesApi) continue;
    if (dashed) series.format.line.lineStyle = "Dash";
    if (!adjacent) series.setXAxisValues(categories);
  }
  if (spec.anchor) placeChart(chart, spec.anchor);
  else {
    const left = columnName(sheet.columns.length + 1);
    chart.setPosition(`${left}${top + 1}`, `${columnName(sheet.columns.length + 9)}${top + 20}`);
  }
}

function addBarChart(ws: Excel.Worksheet, sheet: OutputSheet, spec: BarChartSpec, seriesApi: boolean): void {
  const n = sheet.rows.length;
  const top = headerRowCount(sheet);
  const values = ws.getRange(rectAddress({ row: top - 1, column: spec.valueColumn, rowCount: n + 1, columnCount: 1 }));
  const chart = ws.charts.add("BarClustered", values, "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  const series = chart.series.getItemAt(0);
  series.name = spec.seriesName;
  // Categories from a column that is not next to the values need ExcelApi 1.7.
  if (seriesApi)
    series.setXAxisValues(
      ws.getRange(rectAddress({ row: top, column: spec.categoryColumn, rowCount: n, columnCount: 1 })),
    );
  if (spec.anchor) placeChart(chart, spec.anchor);
  else {
    const left = columnName(sheet.columns.length + 1);
    const right = columnName(sheet.columns.length + 9);
    chart.setPosition(`${left}${top + 1}`, `${right}${Math.max(20, Math.min(n, 60) + top + 1)}`);
  }
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
