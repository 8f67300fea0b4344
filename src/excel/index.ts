/** The Office.js implementation of the workbook contract: the only folder that names Excel or Office. */
export { createExcelWorkbook } from "./createExcelWorkbook";
export type { ExcelRunner, ExcelHostOptions, RequirementCheck } from "./excelRunner";
export { CELL_EDIT_MESSAGE } from "./excelErrors";
