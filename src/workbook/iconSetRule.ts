/** An icon-set rule whose thresholds are a KPI's status bands. */
import type { StatusBand } from "../engine/types";
import type { IconSetRule } from "./contract";

const ICON_SETS = { 2: "3TrafficLights1", 3: "4TrafficLights", 4: "5Arrows" } as const;

/**
 * Bands are ordered by min; the lowest band is "everything below", so its min is not a threshold.
 * n bands give n-1 thresholds and n icons. Excel icon sets have 3 to 5 icons: two bands repeat
 * their one threshold (the middle icon never shows), more than five keep the five highest bands.
 * Returns null for fewer than two bands (nothing to distinguish).
 */
export function iconSetRule(column: number, bands: StatusBand[]): IconSetRule | null {
  if (bands.length < 2) return null;
  const mins = bands.map((b) => b.min).sort((a, b) => a - b);
  let thresholds = mins.slice(1);
  if (thresholds.length === 1) thresholds = [thresholds[0], thresholds[0]];
  if (thresholds.length > 4) thresholds = thresholds.slice(thresholds.length - 4);
  const iconSet = ICON_SETS[thresholds.length as 2 | 3 | 4];
  return { type: "iconSet", column, iconSet, thresholds };
}
