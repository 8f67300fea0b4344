import type { CellView } from "../aggregate/cellView";
import type { Measure } from "../aggregate/measures";
import { englishReason, type AmountName } from "../messages";
import type { KpiValue, MessageParams, ReasonCode } from "../types";

export function kpiNumber(value: number): KpiValue {
  return { ok: true, value };
}

/** A KpiValue without a value. */
export type Unavailable = Extract<KpiValue, { ok: false }>;

/** No value, and why: a code (for the user's language) and its English sentence (for the JSON). */
export function notAvailable(code: ReasonCode, params?: MessageParams): Unavailable {
  return params
    ? { ok: false, reason: englishReason(code, params), reasonCode: code, reasonParams: params }
    : { ok: false, reason: englishReason(code), reasonCode: code };
}

/**
 * A summed amount: 0 when the entity has no rows in the period (nothing sold), not available when it
 * has rows but none carries a value (blank is not zero).
 */
export function amountOf(view: CellView, measure: Measure, amount: AmountName): KpiValue {
  if (view.rows === 0) return kpiNumber(0);
  if (view.count(measure) === 0) return notAvailable("no_amount_in_period", { amount });
  return kpiNumber(view.sum(measure));
}

/** numerator / denominator, with the denominator's name in the reason when it is missing or zero. */
export function ratioOf(numerator: KpiValue, denominator: KpiValue, denominatorName: AmountName): KpiValue {
  if (!denominator.ok) return denominator;
  if (denominator.value === 0) return notAvailable("no_amount_in_period", { amount: denominatorName });
  if (!numerator.ok) return numerator;
  return kpiNumber(numerator.value / denominator.value);
}
