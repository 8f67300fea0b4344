import type { Direction } from "../types";

/** A target range, as TargetSpec "range" gives it. */
export interface TargetRange {
  min: number;
  max: number;
}

/** The attainment cap used when an attainment is unbounded (lower-better with an actual of 0). */
export const DEFAULT_SCORE_CAP = 1.2;

/**
 * Attainment (a fraction, 1 = on target) of an actual against its target (product.md §5).
 *
 * - higher: actual / target. A target ≤ 0 has no meaningful ratio → null.
 * - lower: target / actual. Actual 0 with target > 0 → `cap` (cannot do better).
 *   Target 0 ("no bad debt at all"): actual 0 → 1, any actual above 0 → 0.
 *   A negative target or actual → null.
 * - band: 1 inside [min, max]; outside it falls off linearly by the distance relative to the nearer edge,
 *   1 − (min − actual) / min below, 1 − (actual − max) / max above, never below 0. An edge ≤ 0 gives no
 *   relative distance → null when the actual lies beyond it.
 *
 * A single number with direction "band" is the band [target, target]. A range with direction "higher" is
 * measured against its lower edge (reaching min is on target), with "lower" against its upper edge.
 * Non-finite inputs → null. Data problems are values: this never throws.
 */
export function attainment(
  actual: number,
  target: number | TargetRange,
  direction: Direction,
  cap: number = DEFAULT_SCORE_CAP,
): number | null {
  if (!Number.isFinite(actual)) return null;
  const min = typeof target === "number" ? target : target.min;
  const max = typeof target === "number" ? target : target.max;
  if (!Number.isFinite(min) || !Number.isFinite(max)) return null;
  switch (direction) {
    case "higher":
      return higherBetter(actual, min);
    case "lower":
      return lowerBetter(actual, max, cap);
    case "band":
      return withinBand(actual, min, max);
  }
}

function higherBetter(actual: number, target: number): number | null {
  return target > 0 ? actual / target : null;
}

function lowerBetter(actual: number, target: number, cap: number): number | null {
  if (target < 0 || actual < 0) return null;
  if (target === 0) return actual === 0 ? 1 : 0;
  return actual === 0 ? cap : target / actual;
}

function withinBand(actual: number, min: number, max: number): number | null {
  if (actual < min) {
    if (min <= 0) return null;
    return Math.max(0, 1 - (min - actual) / min);
  }
  if (actual > max) {
    if (max <= 0) return null;
    return Math.max(0, 1 - (actual - max) / max);
  }
  return 1;
}
