/**
 * Planning a template KPI for a run: its direction, bands and score limits, and its target at every
 * entity and period (template value, targets table, growth, range, or history where none is given),
 * with where each target came from. What a KPI needs is read from its definition (kpis/), never its id.
 */
import { CellView } from "../aggregate/cellView";
import type { SalesAggregate } from "../aggregate/salesAggregate";
import { DEFAULT_BUDGET_BAND, getKpi, notAvailable, rolesOfKpi } from "../kpis";
import type { KpiDefinition, Unavailable } from "../kpis";
import { resolveLevelTargets, type LevelTargets } from "../kpis/levelTargets";
import type { TargetBook } from "../kpis/targetBook";
import { DEFAULT_BANDS, DEFAULT_SCORE_CAP } from "../scoring";
import type { Direction, KpiValue, Role, SalesData, StatusBand, TargetSource, TemplateKpi } from "../types";
import { dataHasRole } from "./dataRoles";

const DEFAULT_FLOOR = 0;

export type ScoringTarget = number | { min: number; max: number };

/** One template KPI, prepared for evaluation at every entity and period. */
export interface KpiPlan {
  tk: TemplateKpi;
  def: KpiDefinition | undefined;
  missingRoles: Role[];
  direction: Direction;
  bands: StatusBand[];
  floor: number;
  cap: number;
  money: boolean;
  /** Scoring target, or the plan/budget for reference KPIs; min edge for ranges. */
  targets: LevelTargets | null;
  /** Upper edge for range targets. */
  targetMax: LevelTargets | null;
  tierTargets: LevelTargets[];
  /** Where each resolved target came from, by `level:group:period`; absent = summed from children. */
  targetSources: Map<string, TargetSource>;
}

export function planKpi(
  tk: TemplateKpi,
  data: SalesData,
  agg: SalesAggregate,
  book: TargetBook,
  templateBands?: StatusBand[],
): KpiPlan {
  const def = getKpi(tk.kpi);
  const roles: Role[] = def ? ["date", ...rolesOfKpi(def, tk)] : [];
  const plan: KpiPlan = {
    tk,
    def,
    missingRoles: roles.filter((r) => !dataHasRole(data, r)),
    // A range target means "inside this band" unless the template sets the direction itself.
    direction: tk.direction ?? (tk.target.type === "range" ? "band" : (def?.direction ?? "higher")),
    bands: tk.bands ?? templateBands ?? DEFAULT_BANDS,
    floor: tk.floor ?? DEFAULT_FLOOR,
    cap: tk.cap ?? DEFAULT_SCORE_CAP,
    money: def ? (typeof def.money === "function" ? def.money(tk) : def.money) : false,
    targets: null,
    targetMax: null,
    tierTargets: [],
    targetSources: new Map(),
  };
  if (!def) return plan;
  const entity = (l: number, g: number) => agg.hierarchy.levels[l].names[g];
  const label = (p: number) => agg.periodLabels[p];
  const none = () => NaN;
  const sources = plan.targetSources;
  const tracked =
    (source: TargetSource, from: (l: number, g: number, p: number) => number) => (l: number, g: number, p: number) => {
      const v = from(l, g, p);
      if (v === v) sources.set(`${l}:${g}:${p}`, source);
      return v;
    };
  const constant = (v: number) => tracked("template", () => v);
  const fromTable = (column: string) =>
    tracked("table", (l: number, g: number, p: number) => book.lookup(entity(l, g), label(p), column));
  /** A table target's stand-in: the template's own fallback when it sets one, else history. */
  const tableFallback = (fallback: number | undefined, base: (view: CellView) => KpiValue) =>
    fallback !== undefined ? constant(fallback) : fromHistory(agg, plan, base, sources);
  const target = tk.target;
  const compute = (view: CellView) => def.compute(view, { kpi: tk, reference: null, tierTargets: [] });

  if (def.tierTargets) {
    plan.tierTargets = def
      .tierTargets(tk)
      .map((tier) => resolveLevelTargets(agg, fromTable(tier.column), constant(tier.value), tier.additive));
    return plan;
  }
  if (def.referenceAmount) {
    const base = def.referenceAmount;
    if (target.type === "fixed") plan.targets = resolveLevelTargets(agg, none, constant(target.value), true);
    else if (target.type === "table") {
      plan.targets = resolveLevelTargets(
        agg,
        fromTable(target.column ?? tk.kpi),
        tableFallback(target.fallback, base),
        true,
      );
    } else if (target.type === "growth") {
      plan.targets = resolveLevelTargets(agg, tracked("template", grown(agg, plan, base, target.rate)), none, false);
    } else plan.targets = resolveLevelTargets(agg, fromTable(tk.kpi), none, true);
    return plan;
  }
  const additive = def.additiveTarget;
  if (target.type === "fixed") plan.targets = resolveLevelTargets(agg, none, constant(target.value), additive);
  else if (target.type === "table") {
    plan.targets = resolveLevelTargets(
      agg,
      fromTable(target.column ?? tk.kpi),
      tableFallback(target.fallback, compute),
      additive,
    );
  } else if (target.type === "growth") {
    plan.targets = resolveLevelTargets(agg, tracked("template", grown(agg, plan, compute, target.rate)), none, false);
  } else {
    plan.targets = resolveLevelTargets(agg, none, constant(target.min), additive);
    plan.targetMax = resolveLevelTargets(agg, none, constant(target.max), additive);
  }
  return plan;
}

/** Same period last year's value × (1 + rate), at the entity's own level; NaN when last year has none. */
function grown(agg: SalesAggregate, plan: KpiPlan, base: (view: CellView) => KpiValue, rate: number) {
  return (l: number, g: number, p: number): number => {
    const lastYear = new CellView(agg, l, g, p).lastYear();
    if (!lastYear.inData || (plan.money && lastYear.currencies().length > 1)) return NaN;
    const value = base(lastYear);
    return value.ok ? value.value * (1 + rate) : NaN;
  };
}

/**
 * A missing target taken from history: the entity's actual in the same period last year where the data
 * has it, otherwise the mean of its actuals in the (up to) three previous periods inside the data.
 * NaN when neither exists (the first period of the data): then there is no target, and the cell says so.
 */
function fromHistory(
  agg: SalesAggregate,
  plan: KpiPlan,
  base: (view: CellView) => KpiValue,
  sources: Map<string, TargetSource>,
) {
  const valueAt = (view: CellView): number => {
    if (!view.inData || (plan.money && view.currencies().length > 1)) return NaN;
    const value = base(view);
    return value.ok && Number.isFinite(value.value) ? value.value : NaN;
  };
  return (l: number, g: number, p: number): number => {
    // Before an entity's first period it did not exist yet: its zero there is no history.
    const first = agg.grid.levels[l].firstPeriod[g];
    const here = new CellView(agg, l, g, p);
    const lastYearView = here.lastYear();
    const lastYear = lastYearView.period >= first ? valueAt(lastYearView) : NaN;
    if (lastYear === lastYear) {
      sources.set(`${l}:${g}:${p}`, "last_year");
      return lastYear;
    }
    let sum = 0;
    let n = 0;
    for (let back = 1; back <= 3 && p - back >= first; back++) {
      const v = valueAt(new CellView(agg, l, g, p - back));
      if (v === v) {
        sum += v;
        n++;
      }
    }
    if (n === 0) return NaN;
    sources.set(`${l}:${g}:${p}`, "previous_periods");
    return sum / n;
  };
}

/** Where the target of a cell came from; a resolved target without a recorded source was summed from children. */
export function targetSourceAt(plan: KpiPlan, view: CellView): TargetSource | undefined {
  if (plan.def?.tierTargets || plan.def?.referenceAmount) {
    // Scored against 100 % of tier or plan targets; the plan amount's own source is what matters.
    const recorded = plan.targetSources.get(`${view.level}:${view.group}:${view.period}`);
    return recorded ?? (plan.targets ? undefined : "template");
  }
  return plan.targetSources.get(`${view.level}:${view.group}:${view.period}`) ?? "children";
}

/** Tier targets of a listed entity-period (`at` = its listed slot, -1 = not listed). */
export function tierTargetsAt(plan: KpiPlan, level: number, at: number): Array<number | null> {
  return plan.tierTargets.map((t) => {
    const v = at >= 0 ? t[level][at] : NaN;
    return v === v ? v : null;
  });
}

export function scoringTarget(plan: KpiPlan, level: number, at: number): ScoringTarget | null {
  const { tk, def } = plan;
  const target = tk.target;
  if (def?.tierTargets) {
    // The value is an attainment of the tier targets.
    if (target.type === "fixed") return target.value;
    if (target.type === "range") return { min: target.min, max: target.max };
    return 1;
  }
  if (def?.referenceAmount) {
    if (target.type === "range") return { min: target.min, max: target.max };
    return plan.direction === "band" ? (def.referenceBand ?? DEFAULT_BUDGET_BAND) : 1;
  }
  const min = plan.targets && at >= 0 ? plan.targets[level][at] : NaN;
  if (min !== min) return null;
  if (!plan.targetMax) return min;
  const max = plan.targetMax[level][at];
  return max === max ? { min, max } : null;
}

/** A range shows its lower edge as "the target", the level to reach; a band around 1 (plan, budget) shows 1. */
export function shownTarget(plan: KpiPlan, target: ScoringTarget | null): number | null {
  if (target === null) return null;
  if (typeof target === "number") return target;
  return plan.def?.referenceAmount && plan.tk.target.type !== "range" ? 1 : target.min;
}

export function missingTargetReason(plan: KpiPlan, view: CellView): Unavailable {
  return plan.tk.target.type === "growth"
    ? notAvailable("no_growth_base", { kpi: plan.tk.kpi, period: view.lastYear().periodLabel })
    : notAvailable("no_target", { entity: view.entity, period: view.periodLabel });
}
