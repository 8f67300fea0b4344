/**
 * A1 addresses as Excel prints and parses them, written for the fake alone (it must not share the
 * adapter's parser, or a parser bug would hide itself). A range spanning every row prints as
 * "A:F" and one spanning every column as "1:4", as Range.address does for whole columns and rows
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-address-member).
 */
export interface CellRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function rectText(rect: CellRect): string {
  const lastColumn = rect.column + rect.columnCount - 1;
  const lastRow = rect.row + rect.rowCount;
  if (rect.row === 0 && rect.rowCount === SHEET_ROWS && !(rect.column === 0 && rect.columnCount === SHEET_COLUMNS))
    return `${columnLetters(rect.column)}:${columnLetters(lastColumn)}`;
  if (rect.column === 0 && rect.columnCount === SHEET_COLUMNS) return `${rect.row + 1}:${lastRow}`;
  const first = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${columnLetters(lastColumn)}${lastRow}`;
}

/** Excel quotes a sheet name unless it is letters, digits and _ (e.g. 'Q1 Sales'!A1, 'A!B'!A1). */
export function sheetText(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function addressText(sheet: string, rect: CellRect): string {
  return `${sheetText(sheet)}!${rectText(rect)}`;
}

/** "A1", "A1:D10", "A:F", "1:4", optionally after "Sheet!" or "'It''s'!". */
export function parseA1(address: string): { sheet: string | null; rect: CellRect } | null {
  let sheet: string | null = null;
  let ref = address;
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(address);
  if (quoted) {
    sheet = quoted[1].replace(/''/g, "'");
    ref = quoted[2];
  } else {
    const bang = address.indexOf("!");
    if (bang >= 0) {
      sheet = address.slice(0, bang);
      ref = address.slice(bang + 1);
    }
  }
  ref = ref.toUpperCase().replace(/\$/g, "");
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
  if (m) {
    const c1 = columnNumber(m[1]);
    const r1 = Number(m[2]) - 1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    return {
      sheet,
      rect: {
        row: Math.min(r1, r2),
        column: Math.min(c1, c2),
        rowCount: Math.abs(r2 - r1) + 1,
        columnCount: Math.abs(c2 - c1) + 1,
      },
    };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(ref);
  if (m) {
    const c1 = columnNumber(m[1]);
    const c2 = columnNumber(m[2]);
    const column = Math.min(c1, c2);
    return { sheet, rect: { row: 0, column, rowCount: SHEET_ROWS, columnCount: Math.abs(c2 - c1) + 1 } };
  }
  m = /^(\d+):(\d+)$/.exec(ref);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return {
      sheet,
      rect: { row: Math.min(r1, r2), column: 0, rowCount: Math.abs(r2 - r1) + 1, columnCount: SHEET_COLUMNS },
    };
  }
  return null;
}
