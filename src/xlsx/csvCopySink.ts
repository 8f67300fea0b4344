/**
 * For CSV input, the output workbook starts with the CSV's data as its first sheet. This sink
 * copies each row into that sheet (of ExcelJS's streaming writer, committed row by row) while
 * passing it on, so the CSV is read once and never held in memory.
 * Plain decimal numbers become numbers; everything else stays text as the CSV has it, as far as a
 * cell can hold it (excelText: the one rule both writers use); each text changed is a data note.
 */
import type ExcelJS from "exceljs";
import type { DataNote, RawCell } from "../engine/types";
import { describeTextChange, excelText } from "../workbook/excelText";
import type { SourceRowSink } from "./sourceRows";

/** Changed cells noted one by one; past this, the count is in one last note. */
const MAX_CHANGE_NOTES = 100;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function copyCell(value: RawCell): RawCell {
  if (typeof value === "string" && PLAIN_NUMBER.test(value) && value.length < 16) return Number(value);
  return value ?? null;
}

export class CsvCopySink implements SourceRowSink {
  /** Cells of the copy that differ from the CSV (text Excel cannot hold), for the notes sheet. */
  readonly changes: DataNote[] = [];
  private changed = 0;
  private headers: string[] = [];
  private sheet = "";

  constructor(
    private readonly worksheet: ExcelJS.Worksheet,
    private readonly next: SourceRowSink,
  ) {}

  header(headers: string[], sheet: string, sheetRow: number): boolean | void {
    this.headers = headers;
    this.sheet = sheet;
    const row = this.worksheet.getRow(sheetRow);
    row.values = headers.map((h, c) => this.cellText(h, sheetRow, c));
    row.font = { bold: true };
    row.commit();
    return this.next.header(headers, sheet, sheetRow);
  }

  row(cells: RawCell[], sheetRow: number): boolean | void {
    const row = this.worksheet.getRow(sheetRow);
    row.values = cells.map((cell, c) => {
      const value = copyCell(cell);
      return typeof value === "string" ? this.cellText(value, sheetRow, c) : value;
    }) as ExcelJS.CellValue[];
    row.commit();
    return this.next.row(cells, sheetRow);
  }

  private cellText(value: string, sheetRow: number, column: number): string {
    const { text, change } = excelText(value);
    if (!change) return text;
    this.changed++;
    if (this.changed <= MAX_CHANGE_NOTES) {
      this.changes.push({
        kind: "text_changed",
        row: sheetRow,
        column: excelText(this.headers[column] ?? `#${column + 1}`).text,
        value: excelText(text.length > 60 ? text.slice(0, 60) + "…" : text).text,
        problem: `the copy of ${this.sheet} in the output: ${describeTextChange(change)}`,
      });
    } else if (this.changed === MAX_CHANGE_NOTES + 1) {
      this.changes.push({
        kind: "text_changed",
        problem: `more cells of ${this.sheet} were changed the same way (the first ${MAX_CHANGE_NOTES} are listed)`,
      });
    }
    return text;
  }
}
