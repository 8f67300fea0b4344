/**
 * The target review's thresholds (issue 13 §4, SMARTER's "evaluate and re-evaluate"), in one place:
 * the review, its texts and its tests read them from here.
 */
import type { Direction } from "../types";

/** A period is met when its attainment reaches 100 %. */
export const MET_ATTAINMENT = 1;
/** "Beaten by far": the actual is better than the target by more than 30 % of the target. */
export const BEATEN_MARGIN = 0.3;
/** Set too low: beaten by far in more than this share of the periods counted ("most periods"). */
export const TOO_LOW_SHARE = 0.5;
/** Fewer periods with a target than this: too few to judge, and too few actuals to suggest from. */
export const MIN_REVIEW_PERIODS = 3;
/** The suggestion reads the actuals of the last twelve periods. */
export const SUGGESTION_WINDOW = 12;
/** Percentile of those actuals suggested: a little above the middle where higher is better, below it where lower is. */
export const SUGGESTION_PERCENTILE: Record<"higher" | "lower", number> = { higher: 0.6, lower: 0.4 };

/**
 * Whether an actual beat its target by more than BEATEN_MARGIN: higher is better, above target × 1.3;
 * lower is better, below target × 0.7 (an actual of 0 against a positive target counts, which a capped
 * attainment would hide). A band is never "beaten": inside it is simply met.
 */
export function beatenByFar(actual: number, target: number, direction: Direction): boolean {
  if (direction === "higher") return target > 0 && actual > target * (1 + BEATEN_MARGIN);
  if (direction === "lower") return target > 0 && actual < target * (1 - BEATEN_MARGIN);
  return false;
}

/** Excel's PERCENTILE.INC of ascending values (p in [0, 1]): linear between the closest ranks. */
export function percentileInc(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
}
