/** Brings a sheet to the front and selects one of its rows (the pane's scorecard table → the sheet). */
import { WorkbookError } from "../workbook/contract";
import type { ExcelHost } from "./excelRunner";

/**
 * Worksheet.activate and Range.select (ExcelApi 1.1). Excel selects reliably only on the active
 * sheet, so it is activated first; a hidden sheet can be neither (said as such, not as a host error).
 */
export async function selectRow(host: ExcelHost, sheetName: string, row: number): Promise<void> {
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.load("visibility");
    await context.sync();
    if (sheet.visibility !== "Visible")
      throw new WorkbookError("sheet_hidden", `The sheet "${sheetName}" is hidden: unhide it to go to its rows.`);
    sheet.activate();
    sheet.getRange(`${row}:${row}`).select();
    await context.sync();
  }, `the sheet "${sheetName}"`);
}
