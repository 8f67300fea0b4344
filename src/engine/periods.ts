/**
 * Periods as integer keys (consecutive periods differ by 1) and their labels (product.md §9).
 *
 * - month: key = y × 12 + (m − 1); labelled by the calendar month ("2026-03") whatever the
 *   fiscal start.
 * - quarter: quarters are counted from the fiscal year start; key = ⌊(monthIndex − (start − 1)) / 3⌋.
 *   Labelled "2026-Q1" for calendar years, "FY2026-Q1" (fiscal quarter number) otherwise.
 * - year: key = fiscal year index; labelled "2026" for calendar years, otherwise "FY" + the
 *   calendar year in which the fiscal year ends (start month 4: FY2026 = Apr 2025 – Mar 2026).
 */
import type { PeriodSpec } from "./types";
import { daysInMonth, serialToMonthIndex, ymdToSerial } from "./values/excelSerial";

export function periodKey(serial: number, spec: PeriodSpec): number {
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

/** Key of a label in the spec's form ("2026-03", "2026-Q1" / "FY2026-Q1", "2026" / "FY2026"); null if it is not one. */
export function parsePeriodLabel(label: string, spec: PeriodSpec): number | null {
  const text = label.trim();
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

export function samePeriodLastYear(key: number, spec: PeriodSpec): number {
  return key - (spec.kind === "month" ? 12 : spec.kind === "quarter" ? 4 : 1);
}

/** First and last serial day of the period, inclusive. */
export function periodBounds(key: number, spec: PeriodSpec): { start: number; end: number } {
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
