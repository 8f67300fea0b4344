/** A1 addresses: build and parse "'Sheet name'!A1:D10" (pure; used to address ranges without per-row calls). */
import { columnLetter as columnName } from "../workbook/outputSheet";

export { columnName };

export interface CellRect {
  /** 0-based first row and column, and size. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** "A1:D10" for a rectangle (a single cell gives "A1"). */
export function rectAddress(rect: CellRect): string {
  const first = `${columnName(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${columnName(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
}

/** Sheet names with anything but letters, digits and _ are quoted; quotes inside are doubled. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function fullAddress(sheet: string, rect: CellRect): string {
  return `${quoteSheetName(sheet)}!${rectAddress(rect)}`;
}

/** Excel's sheet size: a whole-column address ("A:F") spans every row, a whole-row one ("1:4") every column. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * Parses "Sheet1!A1:D10", "'My sheet'!B2", "A1:D10", and the unbounded forms Excel gives for
 * whole columns and rows ("Sheet1!A:F", "1:4"). Returns null when it is not an A1 range.
 */
export function parseAddress(address: string): { sheet: string | null; rect: CellRect } | null {
  let sheet: string | null = null;
  let ref = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    ref = address.slice(bang + 1);
  }
  ref = ref.toUpperCase();
  const columns = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(ref);
  if (columns) {
    const c1 = columnIndex(columns[1]);
    const c2 = columnIndex(columns[2]);
    return {
      sheet,
      rect: { row: 0, column: Math.min(c1, c2), rowCount: SHEET_ROWS, columnCount: Math.abs(c2 - c1) + 1 },
    };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
  if (rows) {
    const r1 = Number(rows[1]) - 1;
    const r2 = Number(rows[2]) - 1;
    return {
      sheet,
      rect: { row: Math.min(r1, r2), column: 0, rowCount: Math.abs(r2 - r1) + 1, columnCount: SHEET_COLUMNS },
    };
  }
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const c1 = columnIndex(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { sheet, rect: { row, column, rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 } };
}

export function rectContains(outer: CellRect, inner: CellRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}
