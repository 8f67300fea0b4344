/**
 * Applies the detected (or chosen) layout to a source table: the header moves to the row that
 * looks like one, a two-row header becomes one, and the title rows above it are noted. The task
 * pane, the Excel adapter and the command line's streaming reader all come through here.
 */
import type { DataNote, RawCell, SourceTable } from "../types";
import { detectLayout, HEADER_SCAN_ROWS } from "./detectLayout";

/** What the layout step decided, in sheet rows (1-based), for notes and `inspect`. */
export interface TableLayout {
  /** Sheet row of the header (its first row for a two-row header). */
  headerRow: number;
  headerRows: number;
  chosenBy: "detected" | "user";
  /** Title rows skipped above the header, with their text. */
  titleRows: { row: number; text: string }[];
}

/** Rows a streaming reader must hold before the layout can be decided. */
export const LAYOUT_ROWS = HEADER_SCAN_ROWS + 8;

function rowText(row: readonly RawCell[]): string {
  return row
    .filter((c) => c !== null && c !== undefined && String(c).trim() !== "")
    .map((c) => String(c).trim())
    .join(" | ");
}

export type LaidOut = {
  ok: true;
  table: SourceTable;
  layout: TableLayout;
  notes: DataNote[];
  /** How many of the given rows went into the header and title block (the data starts after them). */
  skipped: number;
};

/**
 * `headerRow`: the user's 1-based sheet row for the header, else detected. The table's own header
 * row is the first candidate; rows under it are the others. `sheetRowOf(i)`: the sheet row of
 * table.rows[i], when the rows are not consecutive (a streaming reader drops blank rows). Returns
 * the table as the engine should read it (unchanged when the header is where the reader put it),
 * or an error naming the rows.
 */
export function layoutTable(
  table: SourceTable,
  headerRow?: number,
  sheetRowOf: (i: number) => number = (i) => table.firstRow + i,
): LaidOut | { ok: false; error: string } {
  const candidates: RawCell[][] = [table.headers, ...table.rows.slice(0, LAYOUT_ROWS)];
  const rowOf = (k: number): number => (k === 0 ? table.firstRow - 1 : sheetRowOf(k - 1));
  let headerIndex: number | undefined;
  if (headerRow !== undefined) {
    for (let k = 0; k < candidates.length - 1 && headerIndex === undefined; k++)
      if (rowOf(k) === headerRow) headerIndex = k;
    if (headerIndex === undefined)
      return {
        ok: false,
        error: `Header row ${headerRow} is not a row of sheet "${table.sheet}" with rows under it: choose a non-empty row from ${rowOf(0)} to ${rowOf(candidates.length - 2)}.`,
      };
  }
  const found = detectLayout(candidates, { headerIndex });
  const layout: TableLayout = {
    headerRow: rowOf(found.headerIndex),
    headerRows: found.headerRows,
    chosenBy: found.chosenBy,
    titleRows: found.titleRows.map((i) => ({ row: rowOf(i), text: rowText(candidates[i]) })),
  };
  if (found.headerIndex === 0 && found.headerRows === 1) return { ok: true, table, layout, notes: [], skipped: 0 };
  const notes: DataNote[] = layout.titleRows.map(({ row, text }) => ({
    kind: "title_row",
    row,
    value: text.slice(0, 200),
    problem: `title row above the header (sheet row ${layout.headerRow}); skipped`,
  }));
  notes.push({
    kind: "header_row",
    row: layout.headerRow,
    value: found.headers.join(" | ").slice(0, 200),
    problem:
      (found.headerRows > 1
        ? `sheet rows ${layout.headerRow}–${rowOf(found.headerIndex + 1)} read as one two-row header`
        : `header taken from sheet row ${layout.headerRow}`) +
      (found.chosenBy === "user" ? " (as chosen)" : " (found by the layout rules; another row can be chosen)"),
  });
  return {
    ok: true,
    table: {
      sheet: table.sheet,
      headers: found.headers,
      rows: table.rows.slice(found.dataStart - 1),
      firstRow: sheetRowOf(found.dataStart - 1),
    },
    layout,
    notes,
    skipped: found.dataStart - 1,
  };
}
