/** The workbook layer: the contract both writers implement, the shared exporter, and the run. */
export * from "./contract";
export { buildWorkbookOutput, type ExportOptions } from "./exporter";
export { runScorecard, type RunRequest, type RunResult, type RunError, type RunErrorCode } from "./runScorecard";
export { isFormulaLike, needsTextPrefix, asTextEntry } from "./formulaGuard";
export { freeSheetName, legalSheetName, MAX_SHEET_NAME } from "./sheetNames";
export { sourceRules } from "./sourceRules";
export { SHEET_NAMES, HEADERS } from "./labels";
export { NUMBER_FORMATS } from "./numberFormats";
