/**
 * Dates far outside the rest of the data (a typo such as 2205-03-15 among 2025 rows, or a
 * 9999-12-31 placeholder): such rows are left out of every period, with a data note each, so
 * periods cost what the data has, not what a stray date spans, and the default scored period
 * comes from where the data is.
 *
 * Rule: the data's months are grouped into runs where consecutive months with rows are at most
 * MAX_GAP_MONTHS apart. The run holding the most rows is the data. Another run is out of range
 * when it holds less than 1/MIN_SHARE_DIVISOR of the main run's rows, or when it would stretch the
 * data past MAX_SPAN_MONTHS (100 years): a run that size is not a history, it is a mistake.
 */
import { NoteLog } from "../data/noteLog";
import type { DataNote, SalesData } from "../types";
import { serialToMonthIndex, serialToYmd } from "../values/excelSerial";

export const MAX_GAP_MONTHS = 24;
export const MIN_SHARE_DIVISOR = 20;
export const MAX_SPAN_MONTHS = 1200;

export interface DateRange {
  /** First and last month index (y × 12 + m − 1) of the data kept; NaN when no row has a date. */
  firstMonth: number;
  lastMonth: number;
}

export interface DateOutliers extends DateRange {
  /** The data's dates with the out-of-range ones blanked (the input's own array when there are none). */
  dates: Float64Array;
  notes: DataNote[];
  rowsLeftOut: number;
}

function isoDate(serial: number): string {
  const { y, m, d } = serialToYmd(Math.floor(serial));
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function findDateOutliers(data: SalesData): DateOutliers {
  const { dates, length } = data;
  const rowsPerMonth = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const d = dates[i];
    if (d !== d) continue;
    const m = serialToMonthIndex(d);
    rowsPerMonth.set(m, (rowsPerMonth.get(m) ?? 0) + 1);
  }
  const months = [...rowsPerMonth.keys()].sort((a, b) => a - b);
  if (months.length === 0) return { dates, notes: [], rowsLeftOut: 0, firstMonth: NaN, lastMonth: NaN };

  const runs: Array<{ first: number; last: number; rows: number }> = [];
  for (const m of months) {
    const run = runs[runs.length - 1];
    if (run && m - run.last <= MAX_GAP_MONTHS) {
      run.last = m;
      run.rows += rowsPerMonth.get(m)!;
    } else runs.push({ first: m, last: m, rows: rowsPerMonth.get(m)! });
  }
  // Ties go to the later run: the scored period is the latest one.
  const main = runs.reduce((best, run) => (run.rows >= best.rows ? run : best));
  const outOfRange = runs.filter(
    (run) =>
      run !== main &&
      (run.rows * MIN_SHARE_DIVISOR < main.rows ||
        Math.max(run.last, main.last) - Math.min(run.first, main.first) >= MAX_SPAN_MONTHS),
  );
  const kept = runs.filter((run) => !outOfRange.includes(run));
  const firstMonth = Math.min(...kept.map((r) => r.first));
  const lastMonth = Math.max(...kept.map((r) => r.last));
  if (outOfRange.length === 0) return { dates, notes: [], rowsLeftOut: 0, firstMonth, lastMonth };

  const out = dates.slice();
  const log = new NoteLog();
  const column = data.mapping.date !== undefined ? data.headers[data.mapping.date] : undefined;
  const range = `${isoYm(main.first)} to ${isoYm(main.last)}`;
  let rowsLeftOut = 0;
  for (let i = 0; i < length; i++) {
    const d = dates[i];
    if (d !== d) continue;
    const m = serialToMonthIndex(d);
    if (!outOfRange.some((r) => m >= r.first && m <= r.last)) continue;
    out[i] = NaN;
    rowsLeftOut++;
    log.add(
      "date_out_of_range",
      column,
      data.sheetRows[i],
      isoDate(d),
      `the date ${isoDate(d)} is far outside the rest of the data (${range}); row left out`,
    );
  }
  return { dates: out, notes: log.finish(), rowsLeftOut, firstMonth, lastMonth };
}

function isoYm(month: number): string {
  const y = Math.floor(month / 12);
  return `${y}-${String(month - y * 12 + 1).padStart(2, "0")}`;
}

/**
 * Why a period to score cannot be scored with this data (it is so far from the data that the
 * periods between would be a century of empty columns), or null when it can.
 */
export function periodTooFarFromData(
  range: DateRange,
  periodFirstMonth: number,
  periodLastMonth: number,
): string | null {
  if (range.firstMonth !== range.firstMonth) return null;
  const first = Math.min(range.firstMonth, periodFirstMonth);
  const last = Math.max(range.lastMonth, periodLastMonth);
  if (last - first < MAX_SPAN_MONTHS) return null;
  return `it is more than ${MAX_SPAN_MONTHS / 12} years from the data (${isoYm(range.firstMonth)} to ${isoYm(range.lastMonth)})`;
}
