import type { StatusBand } from "../types";

/**
 * The status earned by an attainment: the first band (ordered from the highest min to the lowest) whose min
 * is at or below it. An attainment below every band (e.g. negative, from negative net sales) gets the lowest
 * band: the lowest band means "everything below the one above it". No attainment → no status.
 */
export function statusFor(attainment: number | null, bands: StatusBand[]): string | null {
  if (attainment === null || Number.isNaN(attainment) || bands.length === 0) return null;
  for (let i = 0; i < bands.length; i++) {
    if (bands[i].min <= attainment) return bands[i].status;
  }
  return bands[bands.length - 1].status;
}
