import type { CellView } from "../aggregate/cellView";
import type { Measure } from "../aggregate/measures";
import type { KpiValue } from "../types";

export function kpiNumber(value: number): KpiValue {
  return { ok: true, value };
}

export function notAvailable(reason: string): KpiValue {
  return { ok: false, reason };
}

/**
 * A summed amount: 0 when the entity has no rows in the period (nothing sold), not available when it
 * has rows but none carries a value (blank is not zero).
 */
export function amountOf(view: CellView, measure: Measure, what: string): KpiValue {
  if (view.rows === 0) return kpiNumber(0);
  if (view.count(measure) === 0) return notAvailable(`no ${what} in period`);
  return kpiNumber(view.sum(measure));
}

/** numerator / denominator, with the denominator's name in the reason when it is missing or zero. */
export function ratioOf(numerator: KpiValue, denominator: KpiValue, denominatorName: string): KpiValue {
  if (!denominator.ok) return denominator;
  if (denominator.value === 0) return notAvailable(`no ${denominatorName} in period`);
  if (!numerator.ok) return numerator;
  return kpiNumber(numerator.value / denominator.value);
}
