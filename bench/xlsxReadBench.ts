/**
 * The reference for the file path: ExcelJS (the xlsx library the CLI uses) reading the same file
 * and nothing else, both ways it can: loading the whole workbook (what copying a workbook needs)
 * and streaming the rows (what reading a sheet needs).
 */
import ExcelJS from "exceljs";
import { peakRssMb } from "./peakRss";
import { round1 } from "./stats";

export type XlsxReadMode = "load" | "stream";

export interface XlsxReadResult {
  mode: XlsxReadMode;
  ms: number;
  rows: number;
  peakRssMb: number;
}

export async function runXlsxRead(file: string, mode: XlsxReadMode): Promise<XlsxReadResult> {
  const start = performance.now();
  let rows = 0;
  if (mode === "load") {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const sheet of workbook.worksheets) rows += sheet.actualRowCount;
  } else {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      styles: "ignore",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    for await (const worksheet of reader) {
      for await (const row of worksheet) if (row.number > 0) rows++;
    }
  }
  return { mode, ms: round1(performance.now() - start), rows, peakRssMb: round1(peakRssMb()) };
}
