/** The 1904 date system (older Mac workbooks): serial 0 is 1904-01-01, 1,462 days after the 1900 system's. */
export const DAYS_1900_TO_1904 = 1462;

/** A number format that shows a date: d, m or y outside quoted text, brackets and escapes ("General" aside). */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/general/gi, "");
  return /[dy]/i.test(bare) || /m/i.test(bare.replace(/[hs]\W*m|m\W*s/gi, ""));
}
