/** Numbers, percentages and dates in the pane's language, through Intl (no hand-made separators). */
import type { Lang } from "../engine/types";
import { numberFormat } from "../engine/messages";
import { LANG_LOCALE } from "./index";

/** 1234567.5 → "1,234,567.5" (en) / "1.234.567,5" (vi). */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return numberFormat(lang, `pane:n${maximumFractionDigits}`, { maximumFractionDigits }).format(value);
}

/** A fraction as a percentage: 0.953 → "95.3%" (en) / "95,3%" (vi). */
export function formatPercent(fraction: number, lang: Lang, maximumFractionDigits = 1): string {
  return numberFormat(lang, `pane:p${maximumFractionDigits}`, { style: "percent", maximumFractionDigits }).format(
    fraction,
  );
}

/** A date (or ISO text) as a short date and time in the pane's language. */
export function formatDateTime(value: Date | string, lang: Lang): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LANG_LOCALE[lang], { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** Month name for the fiscal-year-start choice: 1 → "January" / "Tháng 1" / "一月". */
export function formatMonthName(month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LANG_LOCALE[lang], { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2026, month - 1, 1)),
  );
}

/** Weekday name for the week-start choice: 1 → "Monday" / "Thứ Hai" / "星期一" (ISO: 1 = Monday … 7 = Sunday). */
export function formatWeekdayName(isoWeekday: number, lang: Lang): string {
  // 2 March 2026 is a Monday.
  return new Intl.DateTimeFormat(LANG_LOCALE[lang], { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2026, 2, 1 + isoWeekday)),
  );
}

/** Days between Excel's 1900-system day 0 and 1970-01-01 (serial 25569 is 1970-01-01). */
const EXCEL_EPOCH_OFFSET = 25569;

/** An Excel date serial as a date in the pane's language: 46023 → "1/1/2026" / "1/1/2026" / "2026/1/1". */
export function formatExcelDate(serial: number, lang: Lang): string {
  const date = new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * 86400000));
  return new Intl.DateTimeFormat(LANG_LOCALE[lang], {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    timeZone: "UTC",
  }).format(date);
}
