/**
 * Excel 1900 date system. Serial 1 = 1900-01-01. Excel also counts the non-existent
 * 1900-02-29 as serial 60 (a Lotus 1-2-3 compatibility bug), so serials from 61 on are
 * days since 1899-12-30 and serials 1..59 are days since 1899-12-31.
 * Computed with integer civil-calendar arithmetic (no Date objects in hot loops).
 */

export const MIN_SERIAL = 1;
/** 9999-12-31, the last date Excel accepts. */
export const MAX_SERIAL = 2958465;

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 1899-12-30 is day -25569 from 1970-01-01. */
const EPOCH_OFFSET = 25569;

export function ymdToSerial(y: number, m: number, d: number): number {
  if (y === 1900 && m === 2 && d === 29) return 60;
  const serial = daysFromCivil(y, m, d) + EPOCH_OFFSET;
  return serial < 61 ? serial - 1 : serial;
}

export function serialToYmd(serial: number): { y: number; m: number; d: number } {
  const s = Math.floor(serial);
  if (s === 60) return { y: 1900, m: 2, d: 29 };
  const days = (s < 60 ? s + 1 : s) - EPOCH_OFFSET;
  // Inverse of daysFromCivil (Hinnant's civil_from_days).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** Month index since year 0 (y × 12 + m − 1) of a serial, without allocating. */
export function serialToMonthIndex(serial: number): number {
  const s = Math.floor(serial);
  if (s === 60) return 1900 * 12 + 1;
  const z = (s < 60 ? s + 1 : s) - EPOCH_OFFSET + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (era * 400 + yoe + (m <= 2 ? 1 : 0)) * 12 + m - 1;
}

/** True for a real calendar date Excel can hold (plus Excel's 1900-02-29). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  if (y === 1900 && m === 2 && d === 29) return true;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The serial of the day `now` falls on (UTC). */
export function todaySerial(now: Date): number {
  return Math.floor(now.getTime() / 86_400_000) + EPOCH_OFFSET;
}

/** The serial of a YYYY-MM-DD date, or null when the text is not a real calendar date. */
export function isoDateSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? ymdToSerial(y, mo, d) : null;
}

/** YYYY-MM-DD of a serial. */
export function serialIsoDate(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
