/** Error strings Excel puts in Range.values (and writes as text into CSV exports). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** The Excel error in `text` (already trimmed), upper-cased, or null. */
export function excelError(text: string): string | null {
  if (text.charCodeAt(0) !== 35 /* # */) return null;
  const upper = text.toUpperCase();
  return EXCEL_ERRORS.has(upper) ? upper : null;
}
