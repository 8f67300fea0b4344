/**
 * Which period a scorecard is for. asOf default: the latest complete period. A period is complete when
 * the clock (`now`) is past its last day, or the data has rows after it. When the data only covers one,
 * still open, period, that period.
 */
import { periodBounds, periodKey, periodLabel, parsePeriodLabel } from "../periods";
import type { PeriodSpec, SalesData } from "../types";
import { serialToMonthIndex, todaySerial } from "../values/excelSerial";

/** First and last month index of a period. */
export function periodMonths(key: number, spec: PeriodSpec): [number, number] {
  const { start, end } = periodBounds(key, spec);
  return [serialToMonthIndex(start), serialToMonthIndex(end)];
}

/** Parses a period label in the spec's form; a caller passing something else is a programming mistake. */
export function requirePeriod(label: string, spec: PeriodSpec): number {
  const key = parsePeriodLabel(label, spec);
  if (key === null) {
    throw new RangeError(
      `asOf "${label}" is not a ${spec.kind} label like ${periodLabel(periodKey(46082, spec), spec)}`,
    );
  }
  return key;
}

export function defaultAsOfKey(data: SalesData, spec: PeriodSpec, now: Date): number {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const d = data.dates[i];
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const today = todaySerial(now);
  if (!(first <= last)) return periodKey(today, spec) - 1;
  const lastKey = periodKey(Math.floor(last), spec);
  if (today > periodBounds(lastKey, spec).end) return lastKey;
  return periodKey(Math.floor(first), spec) < lastKey ? lastKey - 1 : lastKey;
}
