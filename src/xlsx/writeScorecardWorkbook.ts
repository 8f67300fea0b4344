/**
 * Writes the output .xlsx: the input package (or the package made from a CSV) with the
 * scorecard, history, details and notes sheets added part by part (addSheetsToPackage.ts), the
 * rule XML fixed for Excel (excelRuleXml.ts), the charts (scoreChart.ts), saved through a temporary file so a failure leaves
 * nothing behind. The input's own parts are copied as they are: no model of its rows is built.
 * Sheets an earlier run wrote (marked in the package, ownedSheetsMark.ts) are replaced, so a
 * re-run keeps the original names; a user's sheet is never touched (see README.md).
 */
import * as fs from "fs";
import { pipeline } from "stream/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WorkbookOutput, WriteReport } from "../workbook/contract";
import { addSheetsToPackage, packageSheetNames } from "./addSheetsToPackage";
import { writeAtomically } from "./atomicWrite";
import { fixWorksheetRules } from "./excelRuleXml";
import { newOwnershipToken } from "../workbook/ownershipMark";
import { writeOwnedSheets } from "./ownedSheetsMark";
import { unescapeXml } from "./packageParts";
import { removeOwnedSheets } from "./removeOwnedSheets";
import { addCharts } from "./scoreChart";
import { addOutputSheets } from "./writeOutputSheets";
import { headerRowCount } from "../workbook/outputSheet";

/**
 * `base` is the .xlsx the sheets are added to (the INPUT file's bytes); it is not modified.
 * `sourceSheet`, the sheet the run read, is never removed whatever the package's mark claims.
 */
export async function writeScorecardWorkbook(
  base: Buffer,
  output: WorkbookOutput,
  file: string,
  sourceSheet?: string,
): Promise<WriteReport> {
  const zip = await JSZip.loadAsync(base);
  await removeOwnedSheets(zip, sourceSheet ? [sourceSheet] : []);
  const scorecardBook = new ExcelJS.Workbook();
  const report = addOutputSheets(scorecardBook, output, await packageSheetNames(zip));
  const added = await JSZip.loadAsync((await scorecardBook.xlsx.writeBuffer()) as ArrayBuffer);
  const sheets = await addSheetsToPackage(zip, added, fixWorksheetRules);
  // ExcelJS 4.4 cannot write charts: they are added as DrawingML parts (scoreChart.ts).
  for (const [i, sheet] of output.sheets.entries()) {
    if (sheet.charts.length === 0 || sheet.rows.length === 0) continue;
    await addCharts(zip, sheets[i].part, sheets[i].escapedName, sheet.charts, sheet.rows.length, headerRowCount(sheet));
    report.chartWritten = true;
  }
  await writeOwnedSheets(zip, {
    token: newOwnershipToken(),
    sheets: sheets.map((s) => unescapeXml(s.escapedName)),
  });
  await writeAtomically(file, (temporary) =>
    pipeline(
      zip.generateNodeStream({
        type: "nodebuffer",
        compression: "DEFLATE",
        compressionOptions: { level: 6 },
        streamFiles: true,
      }),
      fs.createWriteStream(temporary),
    ),
  );
  return report;
}
