/**
 * Writes a generated sample to .xlsx with ExcelJS's streaming writer (a million rows never sit in
 * memory). Document dates are fixed so the same seed gives the same file content.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeAtomically } from "../xlsx/atomicWrite";
import { eachSalesRow, salesHeaders, type SampleOptions } from "./generateSales";
import { SAMPLE_COLUMNS, SAMPLE_VOCABULARY, type SampleColumn } from "./sampleVocabulary";

const FIXED_DOC_DATE = new Date(Date.UTC(2026, 0, 1));
/** Re-packing holds the package in memory, so only files up to this size are made byte-identical. */
const REPACK_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * The zip writer stamps each entry with the current time; re-pack small files with fixed entry
 * dates so the same seed gives the same bytes (the bundled samples stay unchanged in git).
 */
async function repackWithFixedDates(file: string): Promise<void> {
  if (fs.statSync(file).size > REPACK_LIMIT_BYTES) return;
  const zip = await JSZip.loadAsync(await fs.promises.readFile(file));
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (!entry.dir) fixed.file(name, await entry.async("uint8array"), { date: FIXED_DOC_DATE, createFolders: false });
  }
  await fs.promises.writeFile(
    file,
    await fixed.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }),
  );
}

const COLUMN_FORMAT: Partial<Record<SampleColumn, string>> = {
  date: "yyyy-mm-dd",
  quantity: "#,##0",
};
const MONEY_COLUMNS: SampleColumn[] = [
  "unit_price",
  "revenue",
  "cost",
  "receivable",
  "collected",
  "bad_debt",
  "expense",
];

export async function writeSampleWorkbook(
  file: string,
  options: SampleOptions,
  onRows?: (done: number) => void,
): Promise<void> {
  const words = SAMPLE_VOCABULARY[options.lang];
  const moneyFormat = words.priceStep >= 1 ? "#,##0" : "#,##0.00";
  await writeAtomically(file, async (temporary) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temporary,
      useStyles: true,
      useSharedStrings: true,
    });
    workbook.creator = "kpi-scorecard sample";
    workbook.created = FIXED_DOC_DATE;
    workbook.modified = FIXED_DOC_DATE;
    const sales = workbook.addWorksheet(words.salesSheet, { views: [{ state: "frozen", ySplit: 1 }] });
    const targetsSheet = workbook.addWorksheet(words.targetsSheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sales.columns = SAMPLE_COLUMNS.map((column) => ({
      key: column,
      width: column === "customer" || column === "product" || column === "salesperson" ? 22 : 13,
      style: { numFmt: MONEY_COLUMNS.includes(column) ? moneyFormat : COLUMN_FORMAT[column] },
    }));
    const header = sales.addRow(salesHeaders(options.lang));
    header.font = { bold: true };
    header.commit();
    let done = 0;
    const targets = eachSalesRow(options, (row) => {
      sales.addRow(row).commit();
      done++;
      if (onRows && done % 5000 === 0) onRows(done);
    });
    sales.commit();
    targetsSheet.columns = targets.headers.map((_header, i) => ({
      width: i === 0 ? 22 : 14,
      style: { numFmt: i === 2 ? moneyFormat : i === 3 ? "0%" : undefined },
    }));
    targetsSheet.addRow(targets.headers).font = { bold: true };
    for (const row of targets.rows) targetsSheet.addRow(row).commit();
    targetsSheet.commit();
    await workbook.commit();
    await repackWithFixedDates(temporary);
  });
}
