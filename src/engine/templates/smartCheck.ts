import type { KpiId, Role, SmartCheckItem, SmartLetter, Template } from "../types";
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

type Check = { ok: boolean; detail: string };

/**
 * The SMART test of a good KPI (product.md §6), per KPI of the template: Specific, Measurable, Attainable,
 * Relevant, Time-bound. Each check says in a short English sentence what is fine or what to fix.
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
    ? { ok: true, detail: `${item.kpi} is named and has a definition.` }
    : { ok: false, detail: `${item.kpi} has no definition: describe how it is calculated.` };
}

function measurableCheck(item: SmartInput): Check {
  if (item.missingRoles.length > 0) {
    return { ok: false, detail: `Map a column for: ${item.missingRoles.join(", ")}.` };
  }
  if (item.rolesWithoutValues.length > 0) {
    return { ok: false, detail: `No values in the columns for: ${item.rolesWithoutValues.join(", ")}.` };
  }
  const roles = item.requiredRoles.length > 0 ? item.requiredRoles.join(", ") : "no columns needed";
  return { ok: true, detail: `Columns mapped and filled (${roles}).` };
}

function attainableCheck(item: SmartInput): Check {
  if (item.target === null || !Number.isFinite(item.target)) {
    return { ok: false, detail: "No target: set one in the template or the targets table." };
  }
  let lowest = Infinity;
  let highest = -Infinity;
  let periods = 0;
  for (const actual of item.pastActuals) {
    if (!Number.isFinite(actual)) continue;
    periods++;
    if (actual < lowest) lowest = actual;
    if (actual > highest) highest = actual;
  }
  if (periods === 0) {
    return { ok: false, detail: "No past periods in the data to compare the target with." };
  }
  const low = lowest - (1 - ATTAINABLE_LOW) * Math.abs(lowest);
  const high = highest + (ATTAINABLE_HIGH - 1) * Math.abs(highest);
  const target = formatNumber(item.target);
  const past = `past ${periods} period${periods === 1 ? "" : "s"}: ${formatNumber(lowest)} to ${formatNumber(highest)}`;
  if (item.target < low) {
    return { ok: false, detail: `Target ${target} is below 50% of the lowest past actual (${past}); raise it to at least ${formatNumber(low)}.` };
  }
  if (item.target > high) {
    return { ok: false, detail: `Target ${target} is above 150% of the highest past actual (${past}); lower it to at most ${formatNumber(high)}.` };
  }
  return { ok: true, detail: `Target ${target} is within ${formatNumber(low)} to ${formatNumber(high)} (${past}).` };
}

function relevantCheck(item: SmartInput, template: Template, weightSum: number): Check {
  const sumsTo100 = Math.abs(weightSum - WEIGHT_SUM) <= WEIGHT_TOLERANCE;
  const isGate = template.kpis.some((kpi) => kpi.kpi === item.kpi && kpi.gate === true);
  // A gate with weight 0 still matters: it caps the payout when missed.
  if (!(item.weight > 0) && !isGate) {
    return { ok: false, detail: `Weight is ${formatNumber(item.weight)}: give it a weight or remove it.` };
  }
  if (!sumsTo100) {
    return { ok: false, detail: `Template weights sum to ${formatNumber(weightSum)}, not 100.` };
  }
  return item.weight > 0
    ? { ok: true, detail: `Weight ${formatNumber(item.weight)}% of 100%.` }
    : { ok: true, detail: "Weight 0%, but it is a gate on the payout." };
}

function timeBoundCheck(template: Template): Check {
  const kind = template.period?.kind;
  if (kind !== "month" && kind !== "quarter" && kind !== "year") {
    return { ok: false, detail: "No period: choose month, quarter or year." };
  }
  return { ok: true, detail: `Measured per ${kind}.` };
}

/** 1234567.5 → "1,234,567.5"; 0.95 → "0.95". */
function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 4 });
}
