/**
 * Reads the source rows of an .xlsx file: a named sheet, a named table, or the first sheet with
 * data. Sheets are streamed (ExcelJS WorkbookReader), so memory holds one row at a time; a table
 * needs the workbook loaded, because ExcelJS's streaming reader does not read table parts.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import type { RawCell } from "../engine/types";
import { isBlankRow, toRawCell } from "./cellValue";
import {
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
  rows = 0;
  problem: string | null = null;

  constructor(
    private readonly sink: SourceRowSink,
    private readonly sheet: string,
  ) {}

  get hasHeader(): boolean {
    return this.width >= 0;
  }

  /** `values` is ExcelJS's 1-based row array starting at column `firstColumn`. Returns false to stop. */
  feed(values: ArrayLike<unknown>, sheetRow: number, firstColumn = 1, lastColumn = values.length - 1): boolean {
    if (this.width < 0) {
      const cells: RawCell[] = [];
      for (let c = firstColumn; c <= lastColumn; c++) cells.push(toRawCell(values[c]));
      if (isBlankRow(cells)) return true;
      this.problem = headerProblem(cells, this.sheet, sheetRow);
      if (this.problem) return false;
      const headers = headerTexts(cells);
      this.width = headers.length;
      this.buffer = new Array(this.width).fill(null);
      return this.sink.header(headers, this.sheet, sheetRow) !== false;
    }
    // Rows may be wider than the first one: a title block above the header is often one cell (issue 14).
    const width = Math.max(this.width, lastColumn - firstColumn + 1);
    const buffer = this.buffer;
    buffer.length = width;
    for (let c = 0; c < width; c++) buffer[c] = toRawCell(values[firstColumn + c]);
    if (isBlankRow(buffer)) return true;
    this.rows++;
    return this.sink.row(buffer, sheetRow) !== false;
  }
}

/** Streams one sheet (by name, or the first with data) into the sink. */
export async function streamXlsxSheet(
  file: string,
  sheetName: string | undefined,
  sink: SourceRowSink,
): Promise<SourceReadResult> {
  const bad = notAWorkbook(file);
  if (bad) return bad;
  const seen: string[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      styles: "ignore",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      if (sheetName !== undefined && name !== sheetName) {
        // Drain it: ExcelJS may hold it in a temporary file that is deleted as soon as the
        // reader moves on, and a never-read stream then fails later with ENOENT.
        for await (const _row of worksheet);
        continue;
      }
      const feeder = new RowFeeder(sink, name);
      for await (const row of worksheet) {
        if (!feeder.feed(row.values as unknown[], row.number)) break;
      }
      if (feeder.problem) return sourceProblem("no_header", feeder.problem);
      if (feeder.hasHeader) return { ok: true, sheet: name, rows: feeder.rows };
      if (sheetName !== undefined)
        return sourceProblem("no_data", `sheet "${name}" in ${file} is empty: it needs a header row and sales rows`);
    }
  } catch (error) {
    return sourceProblem(
      "not_a_workbook",
      `${file} could not be read as an .xlsx workbook (${(error as Error).message})`,
    );
  }
  if (sheetName !== undefined) {
    return sourceProblem(
      "no_sheet",
      `no sheet named "${sheetName}" in ${file}; sheets: ${seen.map((s) => `"${s}"`).join(", ") || "none"}`,
    );
  }
  return sourceProblem(
    "no_data",
    `${file} has no sheet with data${seen.length ? ` (sheets: ${seen.map((s) => `"${s}"`).join(", ")})` : ""}: it needs a header row and sales rows`,
  );
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
  const feeder = new RowFeeder(sink, worksheet.name);
  let stopped = false;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (stopped || (box && (rowNumber < box.top || rowNumber > box.bottom))) return;
    const values = row.values as unknown[];
    const ok = box ? feeder.feed(values, rowNumber, box.left, box.right) : feeder.feed(values, rowNumber);
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
