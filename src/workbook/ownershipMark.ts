/**
 * The one ownership mark the add-in and the command line both read and write, so a workbook scored
 * by one and re-scored by the other replaces its own sheets (no "(2)" copies):
 *  - the workbook custom property `KpiScorecard.OwnedSheets` (docProps/custom.xml; Office.js
 *    workbook.properties.custom, ExcelApi 1.7) holds `{"v":2,"token":"…","sheets":["name",…]}`;
 *  - every sheet we wrote carries a hidden name local to it, `KpiScorecard.Owned`, whose value is
 *    the same token (a sheet-scoped defined name: <definedName localSheetId> in the file,
 *    worksheet.names in Office.js, ExcelApi 1.4).
 * A sheet is ours only when both agree: its name is listed AND its own local name holds the token.
 * Neither survives as a claim alone: a copied property or a user's sheet made with an output's name
 * never makes us delete it. Sheet ids are not used: Excel does not keep them from one opening to
 * the next (and on Mac may give a deleted sheet's id to a new one).
 */
export const OWNED_SHEETS_PROPERTY = "KpiScorecard.OwnedSheets";
export const OWNED_SHEET_NAME = "KpiScorecard.Owned";

export interface OwnershipMark {
  token: string;
  /** The names the sheets were given when written. */
  sheets: string[];
}

/** Custom property values are at most 255 characters; four 31-character names fit. */
export function formatOwnershipMark(mark: OwnershipMark): string {
  return JSON.stringify({ v: 2, token: mark.token, sheets: mark.sheets });
}

/** The mark, or null when absent or not in the expected shape (then nothing is ours). */
export function parseOwnershipMark(text: unknown): OwnershipMark | null {
  if (typeof text !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const v = value as { v?: unknown; token?: unknown; sheets?: unknown } | null;
  if (!v || v.v !== 2 || typeof v.token !== "string" || !/^[A-Za-z0-9]{6,40}$/.test(v.token)) return null;
  if (!Array.isArray(v.sheets) || !v.sheets.every((s) => typeof s === "string")) return null;
  return { token: v.token, sheets: v.sheets as string[] };
}

export function newOwnershipToken(): string {
  let token = "";
  while (token.length < 16) token += Math.random().toString(36).slice(2);
  return token.slice(0, 16);
}

/** The formula of the sheet-local name: a text constant. */
export function ownedNameFormula(token: string): string {
  return `"${token}"`;
}

/** The token a local name's value/formula holds ("abc", ="abc" or "abc" all read as abc). */
export function tokenOfName(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^=?"?([A-Za-z0-9]+)"?$/.exec(value.trim());
  return m ? m[1] : null;
}

/**
 * The sheets that are ours: listed in the mark, bearing the mark's token in their own local name,
 * and never a sheet the run reads from.
 */
export function ownedSheetNames(
  mark: OwnershipMark | null,
  sheets: Array<{ name: string; token: string | null }>,
  keep: string[] = [],
): string[] {
  if (!mark) return [];
  const listed = new Set(mark.sheets.map((s) => s.toLowerCase()));
  const kept = new Set(keep.map((s) => s.toLowerCase()));
  return sheets
    .filter((s) => listed.has(s.name.toLowerCase()) && s.token === mark.token && !kept.has(s.name.toLowerCase()))
    .map((s) => s.name);
}
