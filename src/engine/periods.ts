/**
 * Periods as integer keys (consecutive periods differ by 1) and their labels (product.md §9).
 *
 * - month: key = y × 12 + (m − 1); labelled by the calendar month ("2026-03") whatever the
 *   fiscal start.
 * - quarter: quarters are counted from the fiscal year start; key = ⌊(monthIndex − (start − 1)) / 3⌋.
 *   Labelled "2026-Q1" for calendar years, "FY2026-Q1" (fiscal quarter number) otherwise.
 * - year: key = fiscal year index; labelled "2026" for calendar years, otherwise "FY" + the
 *   calendar year in which the fiscal year ends (start month 4: FY2026 = Apr 2025 – Mar 2026).
 * - week: weeks start on `weekStart` (ISO weekday, default 1 = Monday: ISO 8601 weeks); key = weeks since
 *   the week holding 1900-01-01's weekday `weekStart`. Labelled "2026-W09" by its week-numbering year:
 *   a week belongs to the year holding its fourth day (for Monday weeks its Thursday, as ISO 8601 says;
 *   for Sunday weeks its Wednesday), so week 1 is the first week with at least four days in January
 *   and 2024-12-30 (a Monday) is in 2025-W01. Week-years have 52 or 53 weeks.
 * - day: key = the Excel serial; labelled by the ISO date "2026-03-05".
 * Fiscal year start applies to months, quarters and years only; week start to weeks only.
 */
import type { PeriodKind, PeriodSpec, Template } from "./types";
import {
  daysInMonth,
  isValidYmd,
  serialIsoDate,
  serialToMonthIndex,
  serialToYmd,
  ymdToSerial,
} from "./values/excelSerial";

/** The period spec of a template's period settings, with the run's period kind instead of its own when given. */
export function periodSpecFor(
  period: Template["period"],
  kind?: PeriodKind,
  fiscalYearStartMonth?: number,
): PeriodSpec {
  const spec: PeriodSpec = {
    kind: kind ?? period.kind,
    fiscalYearStartMonth: fiscalYearStartMonth ?? period.fiscalYearStartMonth,
  };
  if (spec.kind === "week") spec.weekStart = period.weekStart ?? 1;
  return spec;
}

// ---------- Weeks ----------

/**
 * Days since 1899-12-30 of a serial (serials from 61 on already are; Excel's serials 1..59 are one day
 * short, and its fake 1900-02-29, serial 60, counts as 28 February).
 */
function dayOfSerial(serial: number): number {
  return serial >= 60 ? serial : serial + 1;
}
/** First serial of day `day` (28 February 1900 is serial 59) … */
function firstSerialOfDay(day: number): number {
  return day >= 61 ? day : day - 1;
}
/** … and its last (28 February 1900 ends with the fake 29th, serial 60). */
function lastSerialOfDay(day: number): number {
  return day >= 60 ? day : day - 1;
}

/** Day 2 is 1900-01-01, a Monday: the epoch week of weekStart w starts on day 2 + (w − 1). */
function weekEpoch(spec: PeriodSpec): number {
  return 2 + (spec.weekStart ?? 1) - 1;
}

function weekOfDay(day: number, spec: PeriodSpec): number {
  return Math.floor((day - weekEpoch(spec)) / 7);
}

/** First day (since 1899-12-30) of week `key`. */
function weekStartDay(key: number, spec: PeriodSpec): number {
  return weekEpoch(spec) + key * 7;
}

/** Key of week 1 of week-year `year`: the week holding 4 January. */
function firstWeekOf(year: number, spec: PeriodSpec): number {
  return weekOfDay(dayOfSerial(ymdToSerial(year, 1, 4)), spec);
}

/** Week-numbering year and week number of week `key`. */
function weekYearAndNumber(key: number, spec: PeriodSpec): { year: number; week: number } {
  const fourthDay = weekStartDay(key, spec) + 3;
  const year = serialToYmd(firstSerialOfDay(fourthDay)).y;
  return { year, week: key - firstWeekOf(year, spec) + 1 };
}

function weeksIn(year: number, spec: PeriodSpec): number {
  return firstWeekOf(year + 1, spec) - firstWeekOf(year, spec);
}

// ---------- All kinds ----------

export function periodKey(serial: number, spec: PeriodSpec): number {
  if (spec.kind === "day") return Math.floor(serial);
  if (spec.kind === "week") return weekOfDay(dayOfSerial(Math.floor(serial)), spec);
  const month = serialToMonthIndex(serial);
  if (spec.kind === "month") return month;
  const fiscalMonth = month - (spec.fiscalYearStartMonth - 1);
  return Math.floor(fiscalMonth / (spec.kind === "quarter" ? 3 : 12));
}

/** Calendar year in which fiscal year `index` ends (index = the calendar year it starts in). */
function fiscalLabelYear(index: number, spec: PeriodSpec): number {
  return spec.fiscalYearStartMonth > 1 ? index + 1 : index;
}

function yearPrefix(spec: PeriodSpec): string {
  return spec.fiscalYearStartMonth > 1 ? "FY" : "";
}

export function periodLabel(key: number, spec: PeriodSpec): string {
  if (spec.kind === "day") return serialIsoDate(key);
  if (spec.kind === "week") {
    const { year, week } = weekYearAndNumber(key, spec);
    return `${year}-W${String(week).padStart(2, "0")}`;
  }
  if (spec.kind === "month") {
    const y = Math.floor(key / 12);
    return `${y}-${String(key - y * 12 + 1).padStart(2, "0")}`;
  }
  if (spec.kind === "quarter") {
    const yearIndex = Math.floor(key / 4);
    return `${yearPrefix(spec)}${fiscalLabelYear(yearIndex, spec)}-Q${key - yearIndex * 4 + 1}`;
  }
  return `${yearPrefix(spec)}${fiscalLabelYear(key, spec)}`;
}

const MONTH_LABEL = /^(\d{4})[-/.](\d{1,2})$/;
const QUARTER_LABEL = /^(?:FY)?\s*(\d{4})\s*[-/ ]?\s*Q([1-4])$/i;
const QUARTER_FIRST = /^Q([1-4])\s*[-/ ]?\s*(?:FY)?\s*(\d{4})$/i;
const YEAR_LABEL = /^(?:FY)?\s*(\d{4})$/i;
/** "2026-W09", "2026W09", "2026-W9", "2026 W09". */
const WEEK_LABEL = /^(\d{4})\s*-?\s*W(\d{1,2})$/i;
/** "2026-03-05" (also 2026-3-5, 2026/03/05, 2026.03.05). */
const DAY_LABEL = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;

/**
 * Key of a label in the spec's form ("2026-03", "2026-Q1" / "FY2026-Q1", "2026" / "FY2026", "2026-W09",
 * "2026-03-05"); null if it is not one (a week number past the week-year's last week, a date that does
 * not exist).
 */
export function parsePeriodLabel(label: string, spec: PeriodSpec): number | null {
  const text = label.trim();
  if (spec.kind === "day") {
    const m = DAY_LABEL.exec(text);
    return m && isValidYmd(+m[1], +m[3], +m[4]) ? ymdToSerial(+m[1], +m[3], +m[4]) : null;
  }
  if (spec.kind === "week") {
    const m = WEEK_LABEL.exec(text);
    if (!m || +m[2] < 1 || +m[2] > weeksIn(+m[1], spec)) return null;
    return firstWeekOf(+m[1], spec) + +m[2] - 1;
  }
  const offset = spec.fiscalYearStartMonth > 1 ? 1 : 0;
  if (spec.kind === "month") {
    const m = MONTH_LABEL.exec(text);
    if (!m || +m[2] < 1 || +m[2] > 12) return null;
    return +m[1] * 12 + +m[2] - 1;
  }
  if (spec.kind === "quarter") {
    const m = QUARTER_LABEL.exec(text);
    const first = m ? null : QUARTER_FIRST.exec(text);
    if (!m && !first) return null;
    const year = m ? +m[1] : +first![2];
    const quarter = m ? +m[2] : +first![1];
    return (year - offset) * 4 + quarter - 1;
  }
  const m = YEAR_LABEL.exec(text);
  return m ? +m[1] - offset : null;
}

/**
 * The same period one year earlier. Weeks: the same week number of the previous week-year, W53 → W52
 * when that year has 52 weeks. Days: the same month and day, 29 February → 28 February.
 */
export function samePeriodLastYear(key: number, spec: PeriodSpec): number {
  if (spec.kind === "day") {
    const { y, m, d } = serialToYmd(key);
    return ymdToSerial(y - 1, m, Math.min(d, daysInMonth(y - 1, m)));
  }
  if (spec.kind === "week") {
    const { year, week } = weekYearAndNumber(key, spec);
    return firstWeekOf(year - 1, spec) + Math.min(week, weeksIn(year - 1, spec)) - 1;
  }
  return key - (spec.kind === "month" ? 12 : spec.kind === "quarter" ? 4 : 1);
}

/** First and last serial day of the period, inclusive. */
export function periodBounds(key: number, spec: PeriodSpec): { start: number; end: number } {
  if (spec.kind === "day") return { start: key, end: key };
  if (spec.kind === "week") {
    const first = weekStartDay(key, spec);
    return { start: firstSerialOfDay(first), end: lastSerialOfDay(first + 6) };
  }
  const months = spec.kind === "month" ? 1 : spec.kind === "quarter" ? 3 : 12;
  const firstMonth = spec.kind === "month" ? key : key * months + spec.fiscalYearStartMonth - 1;
  const lastMonth = firstMonth + months - 1;
  const lastY = Math.floor(lastMonth / 12);
  const lastM = lastMonth - lastY * 12 + 1;
  const firstY = Math.floor(firstMonth / 12);
  return {
    start: ymdToSerial(firstY, firstMonth - firstY * 12 + 1, 1),
    end: ymdToSerial(lastY, lastM, lastY === 1900 && lastM === 2 ? 29 : daysInMonth(lastY, lastM)),
  };
}
