/**
 * What a file reader hands on: the header (the first non-empty row) and then each data row,
 * as the engine's cells. Readers stream; the receiver decides what to keep.
 */
import type { RawCell } from "../engine/types";

export interface SourceRowSink {
  /** Called once, with the header row's texts and its 1-based sheet row. */
  header(headers: string[], sheet: string, sheetRow: number): boolean | void;
  /**
   * Called for each non-blank row under the header, with its 1-based sheet row.
   * `cells` is reused between calls: copy it to keep it. Return false to stop reading.
   */
  row(cells: RawCell[], sheetRow: number): boolean | void;
}

/** Why a source could not be read: exit code 3 territory. */
export type SourceProblemKind = "not_found" | "not_a_workbook" | "no_sheet" | "no_table" | "no_data" | "no_header";

export interface SourceProblem {
  ok: false;
  kind: SourceProblemKind;
  message: string;
}

/** Formula cells of a column that hold no cached result (never read as blanks: see readSalesSource). */
export interface FormulaGap {
  /** 0-based index in the header row. */
  index: number;
  column: string;
  count: number;
  /** The first sheet row with one. */
  firstRow: number;
}

/** How a source was read, for the notes and `inspect`. */
export interface SourceReadFacts {
  /** Text files: the encoding used, and why (BOM, detected, --encoding). */
  encoding?: string;
  encodingReason?: string;
  /** Text files: the field delimiter used. */
  delimiter?: string;
  /** .xlsx: the workbook uses the 1904 date system (dates were shifted to the 1900 system). */
  date1904?: boolean;
  formulaGaps?: FormulaGap[];
}

export type SourceReadResult = ({ ok: true; sheet: string; rows: number } & SourceReadFacts) | SourceProblem;

export function sourceProblem(kind: SourceProblemKind, message: string): SourceProblem {
  return { ok: false, kind, message };
}

/**
 * The header check: every non-empty cell of the header row must be text that is not a number or
 * a date serial; otherwise the sheet starts with data and has no header.
 */
export function headerProblem(cells: ArrayLike<RawCell>, sheet: string, sheetRow: number): string | null {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined || c === "") continue;
    if (typeof c !== "string" || /^[\s\d.,%$₫¥()-]+$/.test(c)) {
      return `sheet "${sheet}" row ${sheetRow} holds data (${JSON.stringify(c)} in column ${i + 1}), not column headers: put a header row above the data`;
    }
  }
  return null;
}

export function headerTexts(cells: ArrayLike<RawCell>): string[] {
  let last = cells.length - 1;
  while (last >= 0 && (cells[last] === null || cells[last] === undefined || cells[last] === "")) last--;
  const headers: string[] = [];
  for (let i = 0; i <= last; i++)
    headers.push(cells[i] === null || cells[i] === undefined ? "" : String(cells[i]).trim());
  return headers;
}
