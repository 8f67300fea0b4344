/** Sheet-name rules shared by both writers (Excel: ≤ 31 characters, none of []:*?/\, unique ignoring case). */

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A legal sheet name from any text (forbidden characters become "_", cut to 31 characters). */
export function legalSheetName(text: string): string {
  const cleaned = text
    .replace(FORBIDDEN, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME);
}

/**
 * `desired`, or "desired (2)", "desired (3)"... when a sheet the add-in does not own already has
 * the name (compared ignoring case, as Excel does). The base is shortened to keep 31 characters.
 */
export function freeSheetName(desired: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const name of taken) used.add(name.toLowerCase());
  const base = legalSheetName(desired);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
