import type { PayoutCurve } from "../types";

/**
 * The bonus payout (fraction, 1 = 100 %) for a weighted score, from the template's payout curve (product.md §5).
 *
 * - Below curve.threshold nothing is paid (0).
 * - Between two points: linear interpolation.
 * - At or above the threshold but before the first point: the first point's payout (flat).
 * - Beyond the last point: flat at the last point's payout (the curve does not extrapolate; raise the last
 *   point to pay more).
 * - curve.cap, when set, caps the result; a failed gate caps it at gateCap (the beer example: 0.8).
 * No weighted score → no payout. Points are ascending in attainment (validateTemplate checks it).
 */
export function payoutFor(
  weightedScore: number | null,
  curve: PayoutCurve,
  anyGateFailed: boolean,
  gateCap: number,
): number | null {
  if (weightedScore === null || Number.isNaN(weightedScore)) return null;
  if (weightedScore < curve.threshold || curve.points.length === 0) return 0;
  let payout = onCurve(weightedScore, curve.points);
  if (curve.cap !== undefined) payout = Math.min(payout, curve.cap);
  if (anyGateFailed) payout = Math.min(payout, gateCap);
  return payout;
}

function onCurve(score: number, points: PayoutCurve["points"]): number {
  const first = points[0];
  if (score <= first.attainment) return first.payout;
  for (let i = 1; i < points.length; i++) {
    const right = points[i];
    if (score <= right.attainment) {
      const left = points[i - 1];
      const span = right.attainment - left.attainment;
      const t = span > 0 ? (score - left.attainment) / span : 1;
      return left.payout + t * (right.payout - left.payout);
    }
  }
  return points[points.length - 1].payout;
}
