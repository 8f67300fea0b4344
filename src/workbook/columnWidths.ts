/** Sensible column widths (in characters) from the header and a sample of the cells. */
import type { CellValue, ColumnKind } from "./contract";

const MIN_WIDTH = 8;
const MAX_WIDTH = 45;
/** Widths only need a sample: scanning a million history rows for them would waste time. */
const SAMPLE_ROWS = 500;

/** Characters a value takes once formatted; CJK characters count double, as they display wide. */
function displayLength(value: CellValue, kind: ColumnKind): number {
  if (value === null) return 0;
  if (typeof value === "number") {
    if (kind === "percent") return 7;
    const digits = Math.max(1, Math.floor(Math.log10(Math.abs(value) || 1)) + 1);
    return digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0) + 1;
  }
  if (typeof value === "boolean") return 5;
  let n = 0;
  for (let i = 0; i < value.length; i++) n += value.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return n;
}

export function columnWidth(header: string, kind: ColumnKind, rows: CellValue[][], column: number): number {
  let widest = displayLength(header, "text");
  const end = Math.min(rows.length, SAMPLE_ROWS);
  for (let r = 0; r < end; r++) widest = Math.max(widest, displayLength(rows[r][column], kind));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}
