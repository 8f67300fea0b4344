/**
 * For CSV input, the output workbook starts with the CSV's data as its first sheet. This sink
 * copies each row into that sheet (of ExcelJS's streaming writer, committed row by row) while
 * passing it on, so the CSV is read once and never held in memory.
 * Plain decimal numbers become numbers; everything else stays text as the CSV has it.
 */
import type ExcelJS from "exceljs";
import type { RawCell } from "../engine/types";
import type { SourceRowSink } from "./sourceRows";

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function copyCell(value: RawCell): RawCell {
  if (typeof value === "string" && PLAIN_NUMBER.test(value) && value.length < 16) return Number(value);
  return value ?? null;
}

export class CsvCopySink implements SourceRowSink {
  constructor(
    private readonly worksheet: ExcelJS.Worksheet,
    private readonly next: SourceRowSink,
  ) {}

  header(headers: string[], sheet: string, sheetRow: number): boolean | void {
    const row = this.worksheet.getRow(sheetRow);
    row.values = headers;
    row.font = { bold: true };
    row.commit();
    return this.next.header(headers, sheet, sheetRow);
  }

  row(cells: RawCell[], sheetRow: number): boolean | void {
    const row = this.worksheet.getRow(sheetRow);
    row.values = cells.map(copyCell) as ExcelJS.CellValue[];
    row.commit();
    return this.next.row(cells, sheetRow);
  }
}
