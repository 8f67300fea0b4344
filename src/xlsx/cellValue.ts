/**
 * An ExcelJS cell value as the engine's RawCell: Excel hands over numbers, text, booleans, errors
 * as text ("#N/A") and dates as 1900-system serials, so this gives the same.
 */
import type { RawCell } from "../engine/types";

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH_OFFSET = 25569; // days from 1899-12-30 to 1970-01-01

/** ExcelJS reads date-formatted cells as UTC Dates; back to the serial Excel stores. */
export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

export function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return dateToSerial(value);
  const v = value as {
    result?: unknown;
    richText?: Array<{ text: string }>;
    error?: string;
    text?: unknown;
    formula?: string;
    sharedFormula?: string;
  };
  if (v.richText) return v.richText.map((r) => r.text).join("");
  if (v.error !== undefined) return v.error;
  // A formula cell: its cached result is what Excel would hand over.
  if (v.formula !== undefined || v.sharedFormula !== undefined) return toRawCell(v.result);
  if (v.text !== undefined) return toRawCell(v.text); // hyperlink
  return null;
}

/** True when the row has no value other than blanks and empty text. */
export function isBlankRow(cells: ArrayLike<RawCell>): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c !== null && c !== undefined && !(typeof c === "string" && c.trim() === "")) return false;
  }
  return true;
}
