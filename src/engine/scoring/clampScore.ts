/**
 * A KPI's score: its attainment clamped to [floor, cap] (template defaults 0 and 1.2), so one KPI far over
 * target cannot carry the weighted score. No attainment → no score.
 * floor > cap is a programming mistake (validateTemplate rejects such templates) and throws.
 */
export function clampScore(attainment: number | null, floor: number, cap: number): number | null {
  if (floor > cap) throw new RangeError(`clampScore: floor ${floor} is above cap ${cap}`);
  if (attainment === null || Number.isNaN(attainment)) return null;
  return Math.min(cap, Math.max(floor, attainment));
}
