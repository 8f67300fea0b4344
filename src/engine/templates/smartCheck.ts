import { englishSmartDetail } from "../messages";
import type { KpiId, MessageParams, Role, SmartCheckItem, SmartCode, SmartLetter, Template } from "../types";
import { PERIOD_KINDS } from "../types";
import { WEIGHT_SUM, WEIGHT_TOLERANCE } from "./templateRules";

/** What the SMART check needs to know about one KPI of the template, measured against the data. */
export interface SmartInput {
  kpi: KpiId;
  /** The KPI has a definition in the catalogue (a formula the user can read). */
  hasDefinition: boolean;
  requiredRoles: Role[];
  /** Required roles with no column mapped. */
  missingRoles: Role[];
  /** Mapped required roles whose column has no readable value. */
  rolesWithoutValues: Role[];
  /** The target for the period checked; null when there is none. */
  target: number | null;
  /** The KPI's actual values in past periods (non-finite values are ignored). */
  pastActuals: number[];
  weight: number;
}

/**
 * A target is attainable when it lies between half the lowest past actual and one and a half times the
 * highest (for negative actuals the margins widen the same way: 50 % of the magnitude on either side).
 * Wider than normal month-to-month swings, narrow enough to catch a target typed with a zero too many.
 */
export const ATTAINABLE_LOW = 0.5;
export const ATTAINABLE_HIGH = 1.5;

type Check = SmartCheckItem["checks"][SmartLetter];

/** A check's outcome: its code and values (for the user's language) and the English sentence. */
function check(ok: boolean, code: SmartCode, params?: MessageParams): Check {
  const detail = englishSmartDetail(code, params);
  return params ? { ok, detail, code, params } : { ok, detail, code };
}

/**
 * The SMART test of a good KPI (product.md §6), per KPI of the template: Specific, Measurable, Attainable,
 * Relevant, Time-bound. Each check says in a short sentence what is fine or what to fix.
 */
export function smartCheck(items: SmartInput[], template: Template): SmartCheckItem[] {
  const weightSum = template.kpis.reduce((total, kpi) => total + kpi.weight, 0);
  const timeBound = timeBoundCheck(template);
  return items.map((item) => {
    const checks: Record<SmartLetter, Check> = {
      specific: specificCheck(item),
      measurable: measurableCheck(item),
      attainable: attainableCheck(item),
      relevant: relevantCheck(item, template, weightSum),
      timeBound,
    };
    return { kpi: item.kpi, checks };
  });
}

function specificCheck(item: SmartInput): Check {
  return item.hasDefinition
    ? check(true, "specific_ok", { kpi: item.kpi })
    : check(false, "specific_no_definition", { kpi: item.kpi });
}

function measurableCheck(item: SmartInput): Check {
  if (item.missingRoles.length > 0) return check(false, "measurable_unmapped", { roles: item.missingRoles.join(", ") });
  if (item.rolesWithoutValues.length > 0) {
    return check(false, "measurable_no_values", { roles: item.rolesWithoutValues.join(", ") });
  }
  if (item.requiredRoles.length === 0) return check(true, "measurable_no_columns_needed");
  return check(true, "measurable_ok", { roles: item.requiredRoles.join(", ") });
}

function attainableCheck(item: SmartInput): Check {
  if (item.target === null || !Number.isFinite(item.target)) return check(false, "attainable_no_target");
  let lowest = Infinity;
  let highest = -Infinity;
  let periods = 0;
  for (const actual of item.pastActuals) {
    if (!Number.isFinite(actual)) continue;
    periods++;
    if (actual < lowest) lowest = actual;
    if (actual > highest) highest = actual;
  }
  if (periods === 0) return check(false, "attainable_no_past");
  const low = lowest - (1 - ATTAINABLE_LOW) * Math.abs(lowest);
  const high = highest + (ATTAINABLE_HIGH - 1) * Math.abs(highest);
  const params = { target: item.target, low, high, periods, lowest, highest };
  if (item.target < low) return check(false, "attainable_too_low", params);
  if (item.target > high) return check(false, "attainable_too_high", params);
  return check(true, "attainable_ok", params);
}

function relevantCheck(item: SmartInput, template: Template, weightSum: number): Check {
  const sumsTo100 = Math.abs(weightSum - WEIGHT_SUM) <= WEIGHT_TOLERANCE;
  const isGate = template.kpis.some((kpi) => kpi.kpi === item.kpi && kpi.gate === true);
  // A gate with weight 0 still matters: it caps the payout when missed.
  if (!(item.weight > 0) && !isGate) return check(false, "relevant_no_weight", { weight: item.weight });
  if (!sumsTo100) return check(false, "relevant_weights_sum", { sum: weightSum });
  return item.weight > 0 ? check(true, "relevant_ok", { weight: item.weight }) : check(true, "relevant_gate");
}

function timeBoundCheck(template: Template): Check {
  const kind = template.period?.kind;
  if (!(PERIOD_KINDS as readonly string[]).includes(kind)) return check(false, "time_bound_no_period");
  return check(true, "time_bound_ok", { periodKind: kind });
}
