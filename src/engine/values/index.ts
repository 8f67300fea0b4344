/** Reading single cells: numbers, dates, flags, statuses, and Excel serial days. */
export type { CellRead } from "./cellRead";
export { cellText } from "./cellText";
export { parseNumber } from "./parseNumber";
export { parseDate } from "./parseDate";
export { parseFlag } from "./parseFlag";
export { parseStatus, DEAL_STATUS_WORDS } from "./parseStatus";
export { serialToYmd, ymdToSerial, isValidYmd, MAX_SERIAL, MIN_SERIAL } from "./excelSerial";
export { excelError, EXCEL_ERRORS } from "./excelErrors";
export { foldText, stripDiacritics } from "./normalizeText";
