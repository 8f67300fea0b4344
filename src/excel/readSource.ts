/**
 * Reads a source into a SourceTable in whole arrays. The first round trip loads the source's
 * address together with the values of its rows that lie on the sheet's first rows (headRows): a
 * source within them is read in that one round trip. The rest is read in row blocks sized from the
 * measured size of the rows already read, under the payload budget. A block Excel still finds too
 * large, or that comes back null past the cell limit, is halved and read again.
 */
import type { RawCell, SourceTable } from "../engine/types";
import {
  WorkbookError,
  type ProgressListener,
  type SourcePreview,
  type SourceReadOptions,
  type SourceRef,
} from "../workbook/contract";
import { parseAddress, rectAddress, type CellRect } from "./a1";
import { isPayloadTooLarge } from "./excelErrors";
import type { ExcelHost } from "./excelRunner";
import { bytesPerRow, FIRST_GUESS_BYTES_PER_CELL, headRows, rowsPerBlock } from "./payload";
import { describeSource, readableSourceRange } from "./sourceRange";
import { DAYS_1900_TO_1904, isDateFormat } from "./dateSystem";

interface SourceShape {
  sheet: string;
  rect: CellRect;
}

/** What the first round trip returns: the source's address, and its first rows when they came back. */
interface SourceHead {
  address: string;
  rows: RawCell[][] | null;
  /** A table's column names: its header, even when the table hides its header row. */
  headers?: string[];
  /** The workbook counts dates from 1904 (DATE(1904,1,2) = 1). */
  date1904: boolean;
}

/** Sheet rows read past the head when columns are chosen, for a source that starts a few rows down. */
const HEAD_SLACK_ROWS = 32;

export async function readSource(
  host: ExcelHost,
  ref: SourceRef,
  onProgress?: ProgressListener,
  options: SourceReadOptions = {},
): Promise<SourceTable> {
  return (await readRows(host, ref, onProgress, options, false)).table;
}

/** The header and at most `rows` rows under it: the first round trip, and one more only when the source starts low on its sheet. */
export async function previewSource(host: ExcelHost, ref: SourceRef, rows: number): Promise<SourcePreview> {
  return readRows(host, ref, undefined, { headRows: rows }, true);
}

async function readRows(
  host: ExcelHost,
  ref: SourceRef,
  onProgress: ProgressListener | undefined,
  options: SourceReadOptions,
  headOnly: boolean,
): Promise<SourcePreview> {
  const what = describeSource(ref);
  const choose = options.columns;
  // Choosing columns (or a preview) reads the header and the first rows whole; else as many rows as the budget allows.
  const headLimit = choose || headOnly ? Math.max(1, (options.headRows ?? 200) + 1) : headRows(host.budget);
  // A source a few rows down its sheet still gets its whole head in the first round trip (a preview reads no more).
  const headSheetRows = choose && !headOnly ? headLimit + HEAD_SLACK_ROWS : headLimit;
  const head = await host.run((context) => readHead(context, ref, host, headSheetRows), what);
  const shape = parseAddress(head.address);
  if (!shape || !shape.sheet)
    throw new WorkbookError("empty_source", `${capitalize(what)} is empty: there is no header row to read.`);
  const source: SourceShape = { sheet: shape.sheet, rect: shape.rect };
  const sourceRows = source.rect.rowCount;
  const total = headOnly ? Math.min(sourceRows, headLimit) : sourceRows;
  const columns = source.rect.columnCount;

  // Rows land here by reference, as Excel returns them (no copy per row) when every column is read.
  const grid: RawCell[][] = new Array(total);
  let done = 0;
  let blocksRead = 0;
  let block = rowsPerBlock(columns * FIRST_GUESS_BYTES_PER_CELL, columns, host.budget);
  const report = () => {
    const remainingBlocks = Math.ceil((total - done) / block);
    onProgress?.({
      phase: "reading",
      rowsDone: done,
      rowsTotal: total,
      ...(blocksRead > 0 && (blocksRead > 1 || remainingBlocks > 0)
        ? { detail: `block ${blocksRead} of ${blocksRead + remainingBlocks}` }
        : {}),
    });
  };
  if (head.rows) {
    done = Math.min(head.rows.length, total);
    for (let i = 0; i < done; i++) grid[i] = head.rows[i];
    blocksRead = 1;
    block = rowsPerBlock(bytesPerRow(head.rows, 0, done), columns, host.budget);
  }
  report();

  /** Reads rows done..until in row blocks, in the given source columns (all when null). */
  const readBlocks = (until: number, wanted: readonly number[] | null) =>
    // Progress lives outside the batch, so a retry after cell-edit mode resumes where it stopped.
    host.run(async (context) => {
      const runs = wanted ? columnRuns(wanted) : [{ from: 0, count: columns }];
      const width = wanted ? wanted.length : columns;
      while (done < until) {
        // The sheet is looked up per block: a block refused by Excel must not leave a stale object behind.
        const sheet = context.workbook.worksheets.getItem(source.sheet);
        const count = Math.min(block, until - done);
        // One range per contiguous run of columns; the address without the sheet (a sheet name may contain "!").
        const ranges = runs.map((run) =>
          sheet
            .getRange(
              rectAddress({
                row: source.rect.row + done,
                column: source.rect.column + run.from,
                rowCount: count,
                columnCount: run.count,
              }),
            )
            .load("values"),
        );
        try {
          // One sync per block is the point: each block stays under Excel's 5 MB response limit.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (error) {
          if (!isPayloadTooLarge(error) || count === 1) throw error;
          block = Math.max(1, Math.floor(count / 2));
          continue;
        }
        const values = ranges.map((range) => range.values as RawCell[][] | null);
        if (values.some((v) => v === null)) {
          // Past Excel's cell limit a read comes back null: read smaller blocks.
          if (count === 1)
            throw new WorkbookError("payload_too_large", `${capitalize(what)} has rows too wide to read.`);
          block = Math.max(1, Math.floor(count / 2));
          continue;
        }
        const read = values as RawCell[][][];
        if (!wanted) for (let i = 0; i < count; i++) grid[done + i] = read[0][i];
        else for (let i = 0; i < count; i++) grid[done + i] = spreadRow(read, runs, i, columns);
        done += count;
        blocksRead++;
        // Size the next blocks from the rows just read.
        block = rowsPerBlock(
          read.reduce((bytes, v) => bytes + bytesPerRow(v), 0),
          width,
          host.budget,
        );
        report();
      }
    }, what);

  let wanted: readonly number[] | null = null;
  if (choose && !headOnly) {
    const headEnd = Math.min(total, headLimit);
    if (done < headEnd) await readBlocks(headEnd, null);
    if (done < total) wanted = chosenColumns(choose, grid.slice(0, done), source, what, head.headers, columns);
    if (wanted && wanted.length === 0) {
      // No column is needed past the head: the rest of the rows are blank to the caller, without a read.
      for (; done < total; done++) grid[done] = new Array(columns).fill("");
    } else if (wanted) {
      // Size the blocks from the chosen columns of the rows already read.
      const cells = wanted;
      const rowBytes = bytesPerRow(grid.slice(0, done).map((row) => cells.map((c) => row[c])));
      block = rowsPerBlock(rowBytes, cells.length, host.budget);
    }
  }
  if (done < total) await readBlocks(total, wanted);
  const table = await finish(host, toSourceTable(grid, source, what, head.headers), source, head, what);
  return { table, rowCount: source.rect.row + sourceRows - table.firstRow + 1 };
}

/** The caller's columns for the head read so far, sorted and within the source; null: every column. */
function chosenColumns(
  choose: (head: SourceTable) => readonly number[] | null,
  headRows: RawCell[][],
  source: SourceShape,
  what: string,
  headers: string[] | undefined,
  columns: number,
): number[] | null {
  let head: SourceTable;
  try {
    head = toSourceTable(headRows, source, what, headers);
  } catch (error) {
    // No header in the first rows: read everything, and let the run say what it finds.
    if (error instanceof WorkbookError) return null;
    throw error;
  }
  const picked = choose(head);
  if (!picked) return null;
  const wanted = [...new Set(picked)].filter((c) => Number.isInteger(c) && c >= 0 && c < columns).sort((a, b) => a - b);
  return wanted.length === columns ? null : wanted;
}

/** Contiguous runs of sorted column indexes: [0,1,2,5] → from 0 count 3, from 5 count 1. */
function columnRuns(wanted: readonly number[]): { from: number; count: number }[] {
  const runs: { from: number; count: number }[] = [];
  for (const c of wanted) {
    const last = runs.at(-1);
    if (last && last.from + last.count === c) last.count++;
    else runs.push({ from: c, count: 1 });
  }
  return runs;
}

/** Row i of the runs' values at its columns' places; the columns not read are blank, as Excel gives an empty cell. */
function spreadRow(
  read: RawCell[][][],
  runs: { from: number; count: number }[],
  i: number,
  columns: number,
): RawCell[] {
  const row: RawCell[] = new Array(columns).fill("");
  for (let k = 0; k < runs.length; k++) {
    const cells = read[k][i];
    for (let j = 0; j < runs[k].count; j++) row[runs[k].from + j] = cells[j];
  }
  return row;
}

/**
 * In a 1904 workbook a date cell holds days since 1904-01-01; the engine reads serials of the 1900
 * system, so the numbers of date-formatted columns are moved by 1,462 days. The formats are read
 * from the first data rows (one more round trip, only in 1904 workbooks).
 */
async function finish(
  host: ExcelHost,
  table: SourceTable,
  source: SourceShape,
  head: SourceHead,
  what: string,
): Promise<SourceTable> {
  if (!head.date1904 || table.rows.length === 0) return table;
  const sample = Math.min(table.rows.length, 20);
  const formats = await host.run(async (context) => {
    const rect = {
      row: table.firstRow - 1,
      column: source.rect.column,
      rowCount: sample,
      columnCount: source.rect.columnCount,
    };
    const range = context.workbook.worksheets.getItem(source.sheet).getRange(rectAddress(rect)).load("numberFormat");
    await context.sync();
    return range.numberFormat as string[][];
  }, what);
  const dateColumns: number[] = [];
  for (let c = 0; c < source.rect.columnCount; c++)
    if (formats.some((row) => isDateFormat(String(row[c] ?? "")))) dateColumns.push(c);
  if (dateColumns.length === 0) return table;
  for (const row of table.rows)
    for (const c of dateColumns) {
      const v = row[c];
      if (typeof v === "number") row[c] = v + DAYS_1900_TO_1904;
    }
  return table;
}

/**
 * One round trip: the source's address and the values of its part on sheet rows 1..rowCount. If
 * Excel refuses that as too large, the whole batch fails, so a second round trip learns the address
 * alone; past the cell limit the values come back null and the address is still known.
 */
async function readHead(
  context: Excel.RequestContext,
  ref: SourceRef,
  host: ExcelHost,
  rowCount: number,
): Promise<SourceHead> {
  const range = readableSourceRange(context, ref).load("address");
  const headArea = rectAddress({ row: 0, column: 0, rowCount, columnCount: 16_384 });
  const head = range.getIntersectionOrNullObject(headArea).load("values");
  const facts = queueFacts(context, ref, host);
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    const alone = readableSourceRange(context, ref).load("address");
    const again = queueFacts(context, ref, host);
    await context.sync();
    return { address: alone.address, rows: null, ...again() };
  }
  const rows = head.isNullObject ? null : (head.values as RawCell[][] | null);
  return { address: range.address, rows, ...facts() };
}

/** Loads what the read needs besides values: a table's column names and the workbook's date system. */
function queueFacts(
  context: Excel.RequestContext,
  ref: SourceRef,
  host: ExcelHost,
): () => Pick<SourceHead, "headers" | "date1904"> {
  // A table's header is its column names (its header row may be hidden; its totals row is never read).
  const columns = ref.kind === "table" ? context.workbook.tables.getItem(ref.name).columns.load("items/name") : null;
  // No date-system flag in the released API: DATE(1904,1,2) is 1 in a 1904 workbook, 1463 otherwise.
  const probe = host.supports(2) ? context.workbook.functions.date(1904, 1, 2).load("value") : null;
  return () => ({
    ...(columns ? { headers: columns.items.map((c) => c.name) } : {}),
    date1904: probe !== null && probe.value === 1,
  });
}

/**
 * A table: its column names over its data body. Otherwise the first non-empty row is the header;
 * the rest are data rows numbered by their sheet row.
 */
function toSourceTable(grid: RawCell[][], source: SourceShape, what: string, tableHeaders?: string[]): SourceTable {
  if (tableHeaders)
    return {
      sheet: source.sheet,
      headers: tableHeaders.map((h) => h.trim()),
      rows: grid,
      firstRow: source.rect.row + 1,
    };
  let headerAt = 0;
  while (headerAt < grid.length && grid[headerAt].every((c) => c === "" || c === null || c === undefined)) headerAt++;
  if (headerAt >= grid.length)
    throw new WorkbookError("empty_source", `${capitalize(what)} is empty: there is no header row to read.`);
  const headers = grid[headerAt].map((c) => (c === null || c === undefined ? "" : String(c).trim()));
  return {
    sheet: source.sheet,
    headers,
    rows: headerAt === 0 ? (grid.shift(), grid) : grid.slice(headerAt + 1),
    firstRow: source.rect.row + headerAt + 2,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
