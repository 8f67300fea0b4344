/**
 * Formula-injection guard (pure). A spreadsheet that receives a string through a "values" write
 * (Office.js Range.values, a user typing) reads it as a formula when it starts with = + - or @,
 * also after leading spaces, tabs or line breaks. A customer named "=HYPERLINK(...)" must stay text.
 */

/** Characters Excel takes as the start of a formula when a value is entered. */
const FORMULA_START = /^[ \t\r\n]*[=+\-@]/;

/** True when `text`, written as a cell value, would be taken as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * True when a values write would not store `text` unchanged: formula-like text, and text that
 * already starts with an apostrophe (Excel would eat it as the text prefix).
 */
export function needsTextPrefix(text: string): boolean {
  return text.charCodeAt(0) === 39 /* ' */ || isFormulaLike(text);
}

/**
 * The value to put in a values write so that `text` is stored as text: Excel treats a leading
 * apostrophe as the "quote prefix", stores the rest as text and does not show the apostrophe.
 */
export function asTextEntry(text: string): string {
  return needsTextPrefix(text) ? "'" + text : text;
}
