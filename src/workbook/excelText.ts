/**
 * The one rule for text written into a cell, used by the exporter so the .xlsx writer and the
 * Office.js writer get the same values (pure).
 *
 * A workbook is XML 1.0: code points XML cannot carry (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF; unpaired surrogates) make the file unreadable, and Excel holds at
 * most 32,767 characters in a cell. Such text is written changed, never dropped: each character XML
 * cannot carry becomes U+FFFD (so the place stays visible), and a longer text is cut at 32,767
 * (never between the two halves of a character). The caller notes every change.
 */

/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_MAX_CHARS = 32_767;

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 cannot carry
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface TextChange {
  /** Characters XML cannot carry, replaced by U+FFFD. */
  replaced: number;
  /** Length before the cut, when the text was longer than a cell holds. */
  cutFrom: number | null;
}

/** The text as a cell can hold it, and what was changed (null when nothing). */
const HAS_NOT_XML = new RegExp(NOT_XML.source);

export function excelText(text: string): { text: string; change: TextChange | null } {
  // Nearly every text is fine: one scan, no copy.
  if (text.length <= EXCEL_CELL_MAX_CHARS && !HAS_NOT_XML.test(text)) return { text, change: null };
  let replaced = 0;
  let out = text.replace(NOT_XML, () => {
    replaced++;
    return "\uFFFD";
  });
  let cutFrom: number | null = null;
  if (out.length > EXCEL_CELL_MAX_CHARS) {
    cutFrom = out.length;
    out = out.slice(0, EXCEL_CELL_MAX_CHARS);
    if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  }
  return { text: out, change: replaced > 0 || cutFrom !== null ? { replaced, cutFrom } : null };
}

/** Words for a change, in English (the note's detail; the note kind carries the translated text). */
export function describeTextChange(change: TextChange): string {
  const parts: string[] = [];
  if (change.replaced > 0)
    parts.push(`${change.replaced} character${change.replaced > 1 ? "s" : ""} Excel cannot store replaced by U+FFFD`);
  if (change.cutFrom !== null)
    parts.push(`shortened from ${change.cutFrom} to ${EXCEL_CELL_MAX_CHARS} characters (Excel's limit for a cell)`);
  return parts.join("; ");
}
