/**
 * Reads a date cell into an Excel serial day (1900 date system, integer part; time dropped).
 *
 * Accepted:
 * - numbers: Excel serials 1..2958465 (1900-01-01..9999-12-31), including Excel's fake
 *   1900-02-29 = 60; the same as digits in text ("46096");
 * - ISO `2026-03-15`, with a time `2026-03-15T10:00:00`, `2026-03-15 10:00`; `yyyy/m/d`, `yyyy.m.d`;
 *   `yyyymmdd`;
 * - `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`: read DAY FIRST, as Vietnamese (and most
 *   non-US) sheets write them. Only when the day-first reading is impossible and the month-first
 *   one is valid (`03/25/2026`) is it read month-first, and the result then carries
 *   `monthFirst: true` so callers can report it. Two-digit years follow Excel (00–29 → 20xx,
 *   30–99 → 19xx);
 * - Chinese `2026年3月15日` (also 号/號), `2026年3月` (the 1st of the month);
 * - Vietnamese `Ngày 15 tháng 3 năm 2026`, `15 tháng 3 năm 2026`, `tháng 3 năm 2026`, `tháng 3/2026`.
 * A time part (`10:00`, `10:00:00 PM`) after any of these is ignored.
 * Impossible calendar dates (`2026-02-30`) and anything else → error "not_a_date".
 */
import type { RawCell } from "../types";
import { BLANK, cellError, type CellRead } from "./cellRead";
import { excelError } from "./excelErrors";
import { MAX_SERIAL, MIN_SERIAL, isValidYmd, ymdToSerial } from "./excelSerial";
import { stripDiacritics } from "./normalizeText";

const TIME_SUFFIX = /(?:[T\s]+|(?<=\d)T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:z|[+-]\d{2}:?\d{2})?$/i;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d+(?:\.\d+)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号號])?$/;
const VIETNAMESE = /^(?:ngay\s+(\d{1,2})\s+|(\d{1,2})\s+)?thang\s+(\d{1,2})\s*(?:,?\s*nam\s+|[/-])(\d{4})$/;

const NOT_A_DATE = "not a date";

export function parseDate(raw: RawCell): CellRead<number> {
  if (typeof raw === "number") return serialRead(raw);
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "boolean") return cellError("not_a_date", "TRUE/FALSE in a date column");
  const trimmed = raw.trim();
  if (trimmed === "") return BLANK;
  const error = excelError(trimmed);
  if (error) return cellError("error_value", `Excel error ${error}`);
  return parseDateText(trimmed.normalize("NFKC"));
}

function serialRead(serial: number): CellRead<number> {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL + 1) {
    return cellError("not_a_date", "not a date (serial out of range)");
  }
  return { kind: "value", value: Math.floor(serial) };
}

function ymdRead(y: number, m: number, d: number): CellRead<number> {
  return isValidYmd(y, m, d) ? { kind: "value", value: ymdToSerial(y, m, d) } : cellError("not_a_date", "no such date");
}

function parseDateText(text: string): CellRead<number> {
  if (SERIAL_TEXT.test(text)) {
    const compact = COMPACT.exec(text);
    if (compact) return ymdRead(+compact[1], +compact[2], +compact[3]);
    return serialRead(Number(text));
  }
  const s = text.replace(TIME_SUFFIX, "").trim();
  let m = YEAR_FIRST.exec(s);
  if (m) return ymdRead(+m[1], +m[3], +m[4]);
  m = DAY_FIRST.exec(s);
  if (m) {
    const year = m[4].length === 2 ? twoDigitYear(+m[4]) : +m[4];
    const first = +m[1];
    const second = +m[3];
    if (isValidYmd(year, second, first)) return { kind: "value", value: ymdToSerial(year, second, first) };
    if (isValidYmd(year, first, second))
      return { kind: "value", value: ymdToSerial(year, first, second), monthFirst: true };
    return cellError("not_a_date", "no such date");
  }
  m = CHINESE.exec(s);
  if (m) return ymdRead(+m[1], +m[2], m[3] === undefined ? 1 : +m[3]);
  m = VIETNAMESE.exec(stripDiacritics(s.toLowerCase()).replace(/\s+/g, " "));
  if (m) return ymdRead(+m[4], +m[3], +(m[1] ?? m[2] ?? 1));
  return cellError("not_a_date", NOT_A_DATE);
}

/** Excel's two-digit-year window: 00–29 → 2000s, 30–99 → 1900s. */
function twoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}
