/**
 * Payload planning: Excel on the web limits a request and a response to 5 MB, and a range read to
 * 5 million cells. Reads and writes are split into row blocks sized from the JSON size of the cells.
 */

export const MAX_CELLS_PER_READ = 5_000_000;
/** Used before any row is seen: a generous guess so that the first block rarely needs halving. */
export const FIRST_GUESS_BYTES_PER_CELL = 32;
const SAMPLE_ROWS = 256;

/** JSON bytes of one cell, as Office.js serialises it (UTF-8; quotes; the comma). */
export function cellJsonBytes(cell: unknown): number {
  // Callers sample rows, so formatting a number here costs little.
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell).length + 1 : 5;
  if (typeof cell === "string") {
    let bytes = cell.length + 3;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c >= 0x80) bytes += c >= 0x800 ? 2 : 1;
      else if (c === 34 || c === 92 || c < 32) bytes += 1;
    }
    return bytes;
  }
  if (typeof cell === "boolean") return cell ? 5 : 6;
  return 5; // null, ""
}

/** Average JSON bytes of a row, from up to 256 rows spread over the block. */
export function bytesPerRow(rows: ArrayLike<ArrayLike<unknown>>, from = 0, to = rows.length): number {
  const count = to - from;
  if (count <= 0) return 0;
  const step = Math.max(1, Math.floor(count / SAMPLE_ROWS));
  let bytes = 0;
  let sampled = 0;
  for (let r = from; r < to; r += step) {
    const row = rows[r];
    bytes += 3;
    for (let c = 0; c < row.length; c++) bytes += cellJsonBytes(row[c]);
    sampled++;
  }
  return bytes / sampled;
}

/** Rows per block so that rowBytes × rows stays under the budget and cells under the read limit. */
export function rowsPerBlock(rowBytes: number, columns: number, budgetBytes: number): number {
  const byBytes = Math.floor(budgetBytes / Math.max(1, rowBytes));
  const byCells = Math.floor((MAX_CELLS_PER_READ * 0.9) / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}

/**
 * Bytes a row is assumed to take in the first read, made before the source's size is known: 256
 * bytes is about 30 columns of sales data, so the head rarely passes the budget.
 */
export const HEAD_BYTES_PER_ROW = 256;
const SHEET_ROWS = 1_048_576;

/** Sheet rows 1..n read with the source's address in its first round trip (16,384 at 4 MB). */
export function headRows(budgetBytes: number): number {
  return Math.max(1, Math.min(SHEET_ROWS, Math.floor(budgetBytes / HEAD_BYTES_PER_ROW)));
}
