/**
 * Reads the source rows of an .xlsx file: a named sheet, a named table, or the first sheet with
 * data. Sheets and tables are streamed from the package (xlsxPackage.ts), so memory holds one row
 * at a time; readLoadedSource reads a workbook ExcelJS has already loaded.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import type { RawCell } from "../engine/types";
import { isBlankRow, toRawCell } from "./cellValue";
import { PackageError, type InflateLimits } from "./zipPackage";
import { XlsxPackage, type PackageSheet } from "./xlsxPackage";
import {
  type FormulaGap,
  headerProblem,
  headerTexts,
  sourceProblem,
  type SourceProblem,
  type SourceReadResult,
  type SourceRowSink,
} from "./sourceRows";

const ZIP_MAGIC = 0x04034b50;

/** An .xlsx is a zip: check the signature first, for a clear message on a renamed text file. */
export function notAWorkbook(file: string): SourceProblem | null {
  if (!fs.existsSync(file)) return sourceProblem("not_found", `${file} does not exist`);
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(4);
    const read = fs.readSync(fd, head, 0, 4, 0);
    if (read < 4 || head.readUInt32LE(0) !== ZIP_MAGIC) {
      return sourceProblem(
        "not_a_workbook",
        `${file} is not an .xlsx workbook (not a zip package): save it from Excel as .xlsx, or pass a .csv`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
  return null;
}

/**
 * Feeds rows one at a time: the first non-empty row is the header; rows after it go to the sink,
 * cut or padded to the header's width, in a reused buffer.
 */
class RowFeeder {
  private width = -1;
  private buffer: RawCell[] = [];
  private headers: string[] = [];
  private headerRow = -1;
  private gaps = new Map<number, { count: number; firstRow: number }>();
  rows = 0;
  problem: string | null = null;

  constructor(
    private readonly sink: SourceRowSink,
    private readonly sheet: string,
    private readonly firstColumn = 1,
    private readonly lastColumn = Infinity,
  ) {}

  get hasHeader(): boolean {
    return this.width >= 0;
  }

  /** A formula cell with no cached value at 1-based `column`, `sheetRow`: counted under its header. */
  formulaWithoutValue(column: number, sheetRow: number): void {
    const index = column - this.firstColumn;
    if (this.headerRow < 0 || sheetRow <= this.headerRow || index < 0) return;
    const gap = this.gaps.get(index) ?? { count: 0, firstRow: sheetRow };
    gap.count++;
    this.gaps.set(index, gap);
  }

  formulaGaps(): FormulaGap[] {
    return [...this.gaps.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, g]) => ({ index, column: this.headers[index] || `column ${index + 1}`, ...g }));
  }

  /** `values` is a 1-based row array (index = column number). Returns false to stop. */
  feed(values: ArrayLike<unknown>, sheetRow: number): boolean {
    const firstColumn = this.firstColumn;
    if (this.width < 0) {
      const last = Math.min(this.lastColumn, values.length - 1);
      const cells: RawCell[] = [];
      for (let c = firstColumn; c <= last; c++) cells.push(toRawCell(values[c]));
      if (isBlankRow(cells)) return true;
      this.problem = headerProblem(cells, this.sheet, sheetRow);
      if (this.problem) return false;
      this.headers = headerTexts(cells);
      this.headerRow = sheetRow;
      this.width = this.headers.length;
      this.buffer = new Array(this.width).fill(null);
      return this.sink.header(this.headers, this.sheet, sheetRow) !== false;
    }
    // Rows may be wider than the first one: a title block above the header is often one cell (issue 14).
    const width = Math.max(this.width, Math.min(this.lastColumn, values.length - 1) - firstColumn + 1);
    const buffer = this.buffer;
    buffer.length = width;
    for (let c = 0; c < width; c++) buffer[c] = toRawCell(values[firstColumn + c]);
    if (isBlankRow(buffer)) return true;
    this.rows++;
    return this.sink.row(buffer, sheetRow) !== false;
  }
}

const quoteList = (names: string[]) => names.map((s) => `"${s}"`).join(", ") || "none";

async function openPackage(file: string, limits?: InflateLimits): Promise<XlsxPackage | SourceProblem> {
  const bad = notAWorkbook(file);
  if (bad) return bad;
  try {
    return await XlsxPackage.open(file, limits);
  } catch (error) {
    return packageProblem(file, error);
  }
}

function packageProblem(file: string, error: unknown): SourceProblem {
  if (error instanceof PackageError) return sourceProblem("not_a_workbook", error.message);
  return sourceProblem(
    "not_a_workbook",
    `${file} could not be read as an .xlsx workbook (${String((error as Error).message ?? error)
      .split("\n")[0]
      .slice(0, 200)})`,
  );
}

/** Streams one sheet into a feeder; the result carries the facts the notes need. */
async function feedSheet(pkg: XlsxPackage, sheet: PackageSheet, feeder: RowFeeder, box?: CellBox): Promise<void> {
  await pkg.streamRows(
    sheet,
    (values, sheetRow) => {
      if (box && sheetRow < box.top) return true;
      if (box && sheetRow > box.bottom) return false;
      return feeder.feed(values, sheetRow);
    },
    (column, sheetRow) => feeder.formulaWithoutValue(column, sheetRow),
  );
}

function done(pkg: XlsxPackage, sheet: string, feeder: RowFeeder): SourceReadResult {
  const gaps = feeder.formulaGaps();
  return {
    ok: true,
    sheet,
    rows: feeder.rows,
    date1904: pkg.date1904,
    ...(gaps.length > 0 ? { formulaGaps: gaps } : {}),
  };
}

/**
 * Streams one sheet (by name, or the first sheet with data, in the workbook's order) into the
 * sink. Sheet names come from workbook.xml, read first whatever the order of the zip's parts.
 */
export async function streamXlsxSheet(
  file: string,
  sheetName: string | undefined,
  sink: SourceRowSink,
  limits?: InflateLimits,
): Promise<SourceReadResult> {
  const pkg = await openPackage(file, limits);
  if ("ok" in pkg) return pkg;
  try {
    const names = pkg.sheets.map((s) => s.name);
    // Without --sheet: the first visible sheet with data (a hidden sheet is not what the user sees).
    const candidates =
      sheetName !== undefined
        ? pkg.sheets.filter((s) => s.name === sheetName)
        : [...pkg.sheets.filter((s) => s.state === "visible"), ...pkg.sheets.filter((s) => s.state !== "visible")];
    if (sheetName !== undefined && candidates.length === 0)
      return sourceProblem("no_sheet", `no sheet named "${sheetName}" in ${file}; sheets: ${quoteList(names)}`);
    for (const sheet of candidates) {
      const feeder = new RowFeeder(sink, sheet.name);
      await feedSheet(pkg, sheet, feeder);
      if (feeder.problem) return sourceProblem("no_header", feeder.problem);
      if (feeder.hasHeader) return done(pkg, sheet.name, feeder);
      if (sheetName !== undefined)
        return sourceProblem(
          "no_data",
          `sheet "${sheet.name}" in ${file} is empty: it needs a header row and sales rows`,
        );
    }
    return sourceProblem(
      "no_data",
      `${file} has no sheet with data${names.length ? ` (sheets: ${quoteList(names)})` : ""}: it needs a header row and sales rows`,
    );
  } catch (error) {
    return packageProblem(file, error);
  } finally {
    pkg.close();
  }
}

/** Streams the body of a named Excel table (header row plus data, never its totals row). */
export async function streamXlsxTable(
  file: string,
  tableName: string,
  sink: SourceRowSink,
  limits?: InflateLimits,
): Promise<SourceReadResult> {
  const pkg = await openPackage(file, limits);
  if ("ok" in pkg) return pkg;
  try {
    const tables = await pkg.tables();
    const table = tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (!table)
      return sourceProblem(
        "no_table",
        `no table named "${tableName}" in ${file}; tables: ${quoteList(tables.map((t) => t.name))}`,
      );
    const box = decodeRef(table.ref);
    if (!box) return sourceProblem("no_table", `table "${table.name}" in ${file} has no readable range`);
    box.bottom -= table.totalsRows;
    const feeder = new RowFeeder(sink, table.sheet.name, box.left, box.right);
    await feedSheet(pkg, table.sheet, feeder, box);
    if (feeder.problem) return sourceProblem("no_header", feeder.problem);
    if (!feeder.hasHeader) return sourceProblem("no_data", `table "${table.name}" in ${file} is empty`);
    return done(pkg, table.sheet.name, feeder);
  } catch (error) {
    return packageProblem(file, error);
  } finally {
    pkg.close();
  }
}

/** Loads the whole workbook (needed to copy it, or to find a table). */
export async function loadWorkbook(file: string): Promise<{ ok: true; workbook: ExcelJS.Workbook } | SourceProblem> {
  const bad = notAWorkbook(file);
  if (bad) return bad;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    return sourceProblem(
      "not_a_workbook",
      `${file} could not be read as an .xlsx workbook (${(error as Error).message})`,
    );
  }
  return { ok: true, workbook };
}

interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decodeRef(ref: string): CellBox | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

function feedWorksheet(worksheet: ExcelJS.Worksheet, box: CellBox | null, sink: SourceRowSink): { feeder: RowFeeder } {
  const feeder = box ? new RowFeeder(sink, worksheet.name, box.left, box.right) : new RowFeeder(sink, worksheet.name);
  let stopped = false;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (stopped || (box && (rowNumber < box.top || rowNumber > box.bottom))) return;
    const values = row.values as unknown[];
    const ok = feeder.feed(values, rowNumber);
    if (!ok) stopped = true;
  });
  return { feeder };
}

/** Reads a sheet, a table or the first sheet with data from a loaded workbook. */
export function readLoadedSource(
  workbook: ExcelJS.Workbook,
  file: string,
  ref: { sheet?: string; table?: string },
  sink: SourceRowSink,
): SourceReadResult {
  const sheetNames = workbook.worksheets.map((w) => `"${w.name}"`).join(", ") || "none";
  if (ref.table !== undefined) {
    const tableNames: string[] = [];
    for (const worksheet of workbook.worksheets) {
      for (const table of worksheet.getTables() as unknown as Array<{
        name?: string;
        table?: { name: string; ref?: string; tableRef?: string };
      }>) {
        const name = table.table?.name ?? table.name ?? "";
        tableNames.push(name);
        if (name.toLowerCase() !== ref.table.toLowerCase()) continue;
        const box = decodeRef(table.table?.tableRef ?? table.table?.ref ?? "");
        if (!box) return sourceProblem("no_table", `table "${name}" in ${file} has no readable range`);
        const { feeder } = feedWorksheet(worksheet, box, sink);
        if (feeder.problem) return sourceProblem("no_header", feeder.problem);
        if (!feeder.hasHeader) return sourceProblem("no_data", `table "${name}" in ${file} is empty`);
        return { ok: true, sheet: worksheet.name, rows: feeder.rows };
      }
    }
    return sourceProblem(
      "no_table",
      `no table named "${ref.table}" in ${file}; tables: ${tableNames.map((t) => `"${t}"`).join(", ") || "none"}`,
    );
  }
  const candidates =
    ref.sheet !== undefined ? workbook.worksheets.filter((w) => w.name === ref.sheet) : workbook.worksheets;
  if (ref.sheet !== undefined && candidates.length === 0) {
    return sourceProblem("no_sheet", `no sheet named "${ref.sheet}" in ${file}; sheets: ${sheetNames}`);
  }
  for (const worksheet of candidates) {
    const { feeder } = feedWorksheet(worksheet, null, sink);
    if (feeder.problem) return sourceProblem("no_header", feeder.problem);
    if (feeder.hasHeader) return { ok: true, sheet: worksheet.name, rows: feeder.rows };
  }
  return sourceProblem(
    "no_data",
    `${file} has no ${ref.sheet !== undefined ? `data in sheet "${ref.sheet}"` : "sheet with data"} (sheets: ${sheetNames}): it needs a header row and sales rows`,
  );
}
