import { periodKey } from "../periods";
import type { PeriodSpec } from "../types";

/**
 * Every dated row placed on a run of consecutive periods. Period index 0 is `baseKey`; a row without a
 * readable date gets -1 and takes part in no period KPI (the data layer has already noted it).
 */
export interface PeriodGrid {
  spec: PeriodSpec;
  baseKey: number;
  nPeriods: number;
  rowPeriod: Int32Array;
  /** First and last period index holding rows; -1 when no row has a date. */
  firstDataPeriod: number;
  lastDataPeriod: number;
}

/** Day spans wider than this are not cached by serial (a cache this size is 4 MB). */
const MAX_DAY_CACHE = 1 << 20;

export function buildPeriodGrid(
  dates: Float64Array,
  length: number,
  spec: PeriodSpec,
  extraKeys: number[] = [],
): PeriodGrid {
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < length; i++) {
    const d = dates[i];
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const rowKey = new Float64Array(length);
  let minKey = Infinity;
  let maxKey = -Infinity;
  if (minDay <= maxDay) {
    // periodKey is called once per distinct day, not once per row: a million rows span a few hundred days.
    const span = Math.floor(maxDay) - Math.floor(minDay) + 1;
    const cache = span <= MAX_DAY_CACHE ? new Float64Array(span).fill(NaN) : null;
    const first = Math.floor(minDay);
    for (let i = 0; i < length; i++) {
      const d = dates[i];
      if (d !== d) {
        rowKey[i] = NaN;
        continue;
      }
      let key: number;
      if (cache) {
        const slot = Math.floor(d) - first;
        key = cache[slot];
        if (key !== key) key = cache[slot] = periodKey(Math.floor(d), spec);
      } else {
        key = periodKey(Math.floor(d), spec);
      }
      rowKey[i] = key;
      if (key < minKey) minKey = key;
      if (key > maxKey) maxKey = key;
    }
  } else {
    rowKey.fill(NaN);
  }
  const hasData = minKey <= maxKey;
  let lo = minKey;
  let hi = maxKey;
  for (const k of extraKeys) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (!(lo <= hi)) {
    lo = 0;
    hi = -1;
  }
  const rowPeriod = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const k = rowKey[i];
    rowPeriod[i] = k === k ? k - lo : -1;
  }
  return {
    spec,
    baseKey: lo,
    nPeriods: hi - lo + 1,
    rowPeriod,
    firstDataPeriod: hasData ? minKey - lo : -1,
    lastDataPeriod: hasData ? maxKey - lo : -1,
  };
}
