/**
 * `--targets SHEET`: the targets table, a small sheet of the INPUT workbook (or, for CSV input,
 * a CSV file), read whole into a SourceTable for the engine's readTargets.
 */
import * as fs from "fs";
import type ExcelJS from "exceljs";
import type { RawCell, SourceTable } from "../engine/types";
import { streamCsv } from "../xlsx/readCsvSource";
import { readLoadedSource, streamXlsxSheet } from "../xlsx/readXlsxSource";
import type { SourceRowSink } from "../xlsx/sourceRows";
import { checkInputFile } from "./inputFile";
import { EXIT, fail, type Outcome } from "./outcome";
import { isCsv } from "./readSalesSource";

class TableSink implements SourceRowSink {
  table: SourceTable = { sheet: "", headers: [], rows: [], firstRow: 2 };
  header(headers: string[], sheet: string, sheetRow: number): void {
    this.table = { sheet, headers, rows: [], firstRow: sheetRow + 1 };
  }
  row(cells: RawCell[], sheetRow: number): void {
    // Keep row numbers true for notes: pad skipped (blank) rows.
    while (this.table.firstRow + this.table.rows.length < sheetRow) this.table.rows.push([]);
    this.table.rows.push(cells.slice());
  }
}

export async function readTargetsTable(
  inputFile: string,
  targets: string,
  workbook: ExcelJS.Workbook | null,
): Promise<Outcome<{ table: SourceTable }>> {
  const sink = new TableSink();
  let read;
  if (isCsv(inputFile) || isCsv(targets)) {
    if (!fs.existsSync(targets))
      return fail(
        EXIT.badArguments,
        `--targets ${targets}: with CSV input, --targets names a CSV file, and this one does not exist`,
      );
    const file = checkInputFile(targets, "--targets");
    if (!file.ok) return file;
    read = await streamCsv(targets, sink, targets);
  } else if (workbook) {
    read = readLoadedSource(workbook, inputFile, { sheet: targets }, sink);
  } else {
    read = await streamXlsxSheet(inputFile, targets, sink);
  }
  if (!read.ok) return fail(EXIT.unreadableInput, `targets: ${read.message}`);
  return { ok: true, table: sink.table };
}
