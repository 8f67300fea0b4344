/**
 * computeScorecard: sales rows + template (+ targets) → the scorecard of product.md §9.
 *
 * Choices this file makes (documented in src/engine/kpis/README.md too):
 * - asOf default: the latest complete period. A period is complete when the clock (`now`) is past its last
 *   day, or the data has rows after it. When the data only covers one, still open, period, that period.
 * - Entities: each entity is listed in every period from its first period with rows on (a rep with no
 *   sale in the asOf month is shown with zero sales and a missed target, not left out); before its
 *   first row it did not exist yet.
 * - Row order: depth first, children sorted by name and each parent's subtotal row right after its
 *   children (the way a sales manager reads a report with subtotals); the total last.
 * - Gates: a gate KPI passes when its attainment is at least 1 (100 %); a gate without a value fails,
 *   since nothing shows it was met.
 * - Margin-mix details are given for the asOf period.
 */
import { listedSlot } from "./aggregate/cellGrid";
import { findDateOutliers, periodTooFarFromData } from "./aggregate/dateOutliers";
import { serialToMonthIndex } from "./values/excelSerial";
import { tierKey } from "./roles/tierSynonyms";
import { aggregateSales } from "./aggregate/salesAggregate";
import { CellView } from "./aggregate/cellView";
import type { MeasureOptions } from "./aggregate/measures";
import type { SalesAggregate } from "./aggregate/salesAggregate";
import {
  DEFAULT_BUDGET_BAND,
  DEFAULT_PREMIUM_TIERS,
  getKpi,
  marginMixBreakdown,
  notAvailable,
  rolesOfKpi,
} from "./kpis";
import type { KpiDefinition, Unavailable } from "./kpis";
import { resolveLevelTargets, type LevelTargets } from "./kpis/levelTargets";
import { TargetBook } from "./kpis/targetBook";
import { periodBounds, periodKey, periodLabel, parsePeriodLabel } from "./periods";
import {
  attainment,
  clampScore,
  DEFAULT_BANDS,
  DEFAULT_SCORE_CAP,
  payoutFor,
  statusFor,
  weightedScore,
} from "./scoring";
import { smartCheck, type SmartInput } from "./templates";
import type {
  ColumnMapping,
  DataNote,
  Direction,
  HistoryRow,
  KpiCell,
  KpiId,
  KpiValue,
  MarginMixDetail,
  PeriodSpec,
  Role,
  SalesData,
  TargetSource,
  Scorecard,
  ScorecardInput,
  ScorecardKpiInfo,
  ScorecardRow,
  StatusBand,
  TemplateKpi,
} from "./types";

const DEFAULT_FLOOR = 0;
/** Excel serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

type ScoringTarget = number | { min: number; max: number };

/** One template KPI, prepared for evaluation at every entity and period. */
interface KpiPlan {
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

export function computeScorecard(input: ScorecardInput): Scorecard {
  const { template } = input;
  const now = input.now ?? new Date();
  const groupBy = input.groupBy ?? template.groupBy;
  const rollup = template.rollup.filter((role, i) => role !== groupBy && template.rollup.indexOf(role) === i);
  const spec: PeriodSpec = {
    kind: input.period ?? template.period.kind,
    fiscalYearStartMonth: input.fiscalYearStartMonth ?? template.period.fiscalYearStartMonth,
  };
  // Rows dated far outside the rest of the data are left out (with a note): a typo year must not
  // make a century of periods nor decide which period is scored.
  const outliers = findDateOutliers(input.data);
  const data: SalesData = outliers.rowsLeftOut > 0 ? { ...input.data, dates: outliers.dates } : input.data;
  const asOfKey = input.asOf !== undefined ? requirePeriod(input.asOf, spec) : defaultAsOfKey(data, spec, now);
  const tooFar = periodTooFarFromData(outliers, ...periodMonths(asOfKey, spec));
  if (tooFar) throw new RangeError(`asOf "${input.asOf}" cannot be scored: ${tooFar}`);

  const marginKpi = template.kpis.find((k) => k.kpi === "margin_mix" && k.marginMix);
  const premiumKpi = template.kpis.find((k) => k.kpi === "premium_share");
  const uses = (...ids: KpiId[]) => template.kpis.some((k) => ids.includes(k.kpi));
  const agg = aggregateSales(data, {
    spec,
    groupBy,
    rollup,
    extraKeys: [asOfKey],
    measures: measureOptions(data, marginKpi, premiumKpi),
    customers: uses("new_customers", "active_customers", "customer_retention"),
    orders: uses("avg_order_value", "conversion_rate", "failure_rate"),
  });
  const asOf = asOfKey - agg.periods.baseKey;
  const book = new TargetBook(input.targets);
  const plans = template.kpis.map((tk) => planKpi(tk, data, agg, book, template.bands));
  const notes: DataNote[] = [...data.notes, ...outliers.notes, ...agg.hierarchy.notes];
  const mixedNoted = new Set<string>();
  const targetNoted = new Set<KpiId>();

  const evaluate = (plan: KpiPlan, view: CellView): KpiCell => {
    const { tk, def } = plan;
    if (!def) return withReason({ actual: null }, notAvailable("unknown_kpi", { kpi: tk.kpi }));
    if (plan.missingRoles.length > 0) {
      return withReason({ actual: null }, notAvailable("column_not_mapped", { role: plan.missingRoles[0] }));
    }
    if (plan.money) {
      const currencies = view.currencies();
      if (currencies.length > 1) {
        noteMixedCurrency(view, currencies);
        return withReason({ actual: null }, notAvailable("mixed_currencies", { currencies: currencies.join(", ") }));
      }
    }
    const at = listedSlot(agg.grid.levels[view.level], view.group, view.period, agg.periods.nPeriods);
    const resolved = plan.targets && at >= 0 ? plan.targets[view.level][at] : NaN;
    const reference = def.referenceAmount && resolved === resolved ? resolved : null;
    const tierTargets = tierTargetsAt(plan, view.level, at);
    const computed = def.compute(view, { kpi: tk, reference, tierTargets });
    // Sums past the largest double (two revenues of 9e307) are Infinity, and ratios of them NaN:
    // a reason and a note, never a silent null in the JSON.
    const actual = computed.ok && !Number.isFinite(computed.value) ? overflow(tk.kpi, view) : computed;
    const target = scoringTarget(plan, view.level, at);
    if (def.referenceAmount ? reference === null : target === null) noteMissingTarget(plan, view);
    const cell: KpiCell = { actual: actual.ok ? actual.value : null, target: shownTarget(target) };
    const source = target === null ? undefined : targetSourceAt(plan, view);
    if (source !== undefined) cell.targetSource = source;
    if (source === "last_year" || source === "previous_periods") noteHistoryTarget(plan);
    if (!actual.ok) withReason(cell, actual);
    else if (target === null) withReason(cell, missingTargetReason(plan, view));
    const reached = actual.ok && target !== null ? attainment(actual.value, target, plan.direction, plan.cap) : null;
    cell.attainment = reached;
    cell.status = statusFor(reached, plan.bands);
    cell.score = clampScore(reached, plan.floor, plan.cap);
    return cell;
  };

  const overflowNoted = new Set<KpiId>();
  const overflow = (kpi: KpiId, view: CellView): Unavailable => {
    if (!overflowNoted.has(kpi)) {
      overflowNoted.add(kpi);
      notes.push({
        kind: "sum_overflow",
        value: kpi,
        problem: `${view.entity} (${agg.hierarchy.levels[view.level].level}) ${view.periodLabel}: the amounts for ${kpi} are too large to add up; ${kpi} is not computed where they are summed (other entities and periods may be affected too)`,
      });
    }
    return notAvailable("sum_overflow", { kpi });
  };
  const noteMixedCurrency = (view: CellView, currencies: string[]) => {
    const key = `${view.level}:${view.group}:${view.period}`;
    if (mixedNoted.has(key)) return;
    mixedNoted.add(key);
    notes.push({
      kind: "mixed_currency",
      value: view.entity,
      problem: `${view.entity} (${agg.hierarchy.levels[view.level].level}) ${view.periodLabel}: mixed currencies (${currencies.join(", ")}); money KPIs are not computed`,
    });
  };
  const noteMissingTarget = (plan: KpiPlan, view: CellView) => {
    if (plan.tk.target.type !== "table" || targetNoted.has(plan.tk.kpi)) return;
    targetNoted.add(plan.tk.kpi);
    notes.push({
      kind: "target_missing",
      value: plan.tk.kpi,
      problem: `${missingTargetReason(plan, view).reason} (${plan.tk.kpi}); other entities or periods may lack one too`,
    });
  };

  const historyNoted = new Set<KpiId>();
  const noteHistoryTarget = (plan: KpiPlan) => {
    if (historyNoted.has(plan.tk.kpi)) return;
    historyNoted.add(plan.tk.kpi);
    notes.push({
      kind: "target_from_history",
      value: plan.tk.kpi,
      problem: `${plan.tk.kpi}: no target in the template or the targets table for some entities or periods; their target is the same period last year's actual, or else the mean of the three previous periods (see each cell's target source)`,
    });
  };
  for (const plan of plans) {
    if (plan.def && plan.missingRoles.length > 0) {
      notes.push({
        kind: "kpi_not_available",
        value: plan.tk.kpi,
        problem: `${plan.tk.kpi} is not available: no ${plan.missingRoles.join(", ")} column; its weight is shared among the KPIs with a value${plan.tk.gate ? "; its gate is not evaluated" : ""}`,
      });
    }
  }

  const levels = agg.hierarchy.levels;
  const totalLevel = levels.length - 1;
  /** The total's actuals before asOf, per template KPI, for the SMART "attainable" check. */
  const pastActuals: number[][] = plans.map(() => []);
  const rows: ScorecardRow[] = [];
  const history: HistoryRow[] = [];
  const marginMix: MarginMixDetail[] = [];
  const rowAt = new Map<string, ScorecardRow>();
  for (let l = 0; l < levels.length; l++) {
    const cells = agg.grid.levels[l];
    const level = levels[l];
    for (let g = 0; g < level.names.length; g++) {
      for (let p = cells.firstPeriod[g]; p >= 0 && p < agg.periods.nPeriods; p++) {
        const view = new CellView(agg, l, g, p);
        const evaluated = plans.map((plan) => evaluate(plan, view));
        evaluated.forEach((cell, k) => history.push(historyRow(view, plans[k].tk.kpi, cell)));
        if (l === totalLevel && p < asOf) {
          evaluated.forEach((cell, k) => cell.actual !== null && pastActuals[k].push(cell.actual));
        }
        if (p !== asOf) continue;
        rowAt.set(`${l}:${g}`, scorecardRow(view, plans, evaluated, template.gateCap, template.payout));
        if (marginKpi) {
          const k = plans.findIndex((plan) => plan.tk === marginKpi);
          marginMix.push(mixDetail(view, plans[k], evaluated[k]));
        }
      }
    }
  }
  if (!rowAt.has(`${totalLevel}:0`)) {
    // No row at all in the asOf period: the total is still shown, with what can be said about it.
    const view = new CellView(agg, totalLevel, 0, asOf);
    rowAt.set(
      `${totalLevel}:0`,
      scorecardRow(
        view,
        plans,
        plans.map((plan) => evaluate(plan, view)),
        template.gateCap,
        template.payout,
      ),
    );
  }
  appendInReadingOrder(agg, rowAt, rows);
  if (agg.newCustomers && agg.newCustomers.unprovable > 0 && uses("new_customers")) {
    const first = periodLabel(agg.periods.baseKey + agg.periods.firstDataPeriod, spec);
    notes.push({
      kind: "no_history_for_new_customers",
      value: first,
      problem: `${agg.newCustomers.unprovable} customers first appear in ${first}, the first period of the data; with no earlier history they cannot be shown to be new, so new customers for ${first} is not available`,
    });
  }

  const hasValues = new Map<Role, boolean>();
  const roleHasValuesOnce = (role: Role) => {
    if (!hasValues.has(role)) hasValues.set(role, roleHasValues(data, role));
    return hasValues.get(role)!;
  };
  const totalRow = rowAt.get(`${totalLevel}:0`);
  const smart = smartCheck(
    plans.map((plan, k) => smartInput(plan, totalRow, pastActuals[k], roleHasValuesOnce)),
    template,
  );
  return {
    version: 1,
    template: template.id,
    templateVersion: template.version,
    groupBy,
    rollup,
    period: spec.kind,
    fiscalYearStartMonth: spec.fiscalYearStartMonth,
    asOf: periodLabel(asOfKey, spec),
    mapping: headerMapping(data.headers, input.mapping ?? data.mapping),
    kpis: plans.map(kpiInfo),
    rows,
    history,
    marginMix,
    notes,
    smart,
    generatedAt: now.toISOString(),
    rowsRead: data.rowsRead,
    rowsUsed: countDated(agg),
  };
}

/** First and last month index of a period. */
function periodMonths(key: number, spec: PeriodSpec): [number, number] {
  const { start, end } = periodBounds(key, spec);
  return [serialToMonthIndex(start), serialToMonthIndex(end)];
}

/**
 * Why `asOf` cannot be scored with this data (null when it can): a period so far from the data
 * that the periods between would cost more than the data has. The CLI reports it as a bad argument.
 */
export function asOfProblem(data: SalesData, asOf: string, spec: PeriodSpec): string | null {
  const key = parsePeriodLabel(asOf, spec);
  if (key === null) return null;
  const tooFar = periodTooFarFromData(findDateOutliers(data), ...periodMonths(key, spec));
  return tooFar ? `--as-of ${asOf} cannot be scored: ${tooFar}` : null;
}

/** Parses a period label in the spec's form; a caller passing something else is a programming mistake. */
function requirePeriod(label: string, spec: PeriodSpec): number {
  const key = parsePeriodLabel(label, spec);
  if (key === null) {
    throw new RangeError(
      `asOf "${label}" is not a ${spec.kind} label like ${periodLabel(periodKey(46082, spec), spec)}`,
    );
  }
  return key;
}

function defaultAsOfKey(data: SalesData, spec: PeriodSpec, now: Date): number {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const d = data.dates[i];
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const today = Math.floor(now.getTime() / 86_400_000) + UNIX_EPOCH_SERIAL;
  if (!(first <= last)) return periodKey(today, spec) - 1;
  const lastKey = periodKey(Math.floor(last), spec);
  if (today > periodBounds(lastKey, spec).end) return lastKey;
  return periodKey(Math.floor(first), spec) < lastKey ? lastKey - 1 : lastKey;
}

function measureOptions(
  data: SalesData,
  marginKpi: TemplateKpi | undefined,
  premiumKpi: TemplateKpi | undefined,
): MeasureOptions {
  const tierLabels = data.labels.margin_tier?.values ?? [];
  // Tier labels compare in any of the four languages: "premium" in a template matches "Cao cấp" or "高端".
  const folded = tierLabels.map(tierKey);
  const premium = new Set((premiumKpi?.premiumTiers ?? DEFAULT_PREMIUM_TIERS).map(tierKey));
  const tiers = marginKpi?.marginMix?.tiers ?? [];
  const slotOf = new Map(tiers.map((t, s) => [tierKey(t.tier), s]));
  return {
    premiumCodes: premiumKpi ? Uint8Array.from(folded, (t) => (premium.has(t) ? 1 : 0)) : null,
    tierSlotOfCode: tiers.length > 0 ? Int32Array.from(folded, (t) => slotOf.get(t) ?? -1) : null,
    tierSlots: tiers.length,
    mixBasis: marginKpi?.marginMix?.basis ?? "quantity",
  };
}

/** Whether the data carries a role: mapped, or derived by the data layer (revenue from quantity × price). */
export function dataHasRole(data: SalesData, role: Role): boolean {
  if (role === "date") return data.mapping.date !== undefined;
  if (role === "new_product") return data.newProduct !== undefined;
  if (role === "status") return data.status !== undefined;
  if (role in data.numbers) return data.numbers[role as keyof SalesData["numbers"]] !== undefined;
  if (role in data.labels) return data.labels[role as keyof SalesData["labels"]] !== undefined;
  return data.mapping[role] !== undefined;
}

function planKpi(
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

  if (tk.kpi === "margin_mix") {
    plan.tierTargets = (tk.marginMix?.tiers ?? []).map((tier) =>
      resolveLevelTargets(
        agg,
        fromTable(`margin_mix:${tier.tier}`),
        constant(tier.target),
        tier.targetKind === "amount",
      ),
    );
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
function targetSourceAt(plan: KpiPlan, view: CellView): TargetSource | undefined {
  if (plan.tk.kpi === "margin_mix" || plan.def?.referenceAmount) {
    // Scored against 100 % of tier or plan targets; the plan amount's own source is what matters.
    const recorded = plan.targetSources.get(`${view.level}:${view.group}:${view.period}`);
    return recorded ?? (plan.targets ? undefined : "template");
  }
  return plan.targetSources.get(`${view.level}:${view.group}:${view.period}`) ?? "children";
}

/** Tier targets of a listed entity-period (`at` = its listed slot, -1 = not listed). */
function tierTargetsAt(plan: KpiPlan, level: number, at: number): Array<number | null> {
  return plan.tierTargets.map((t) => {
    const v = at >= 0 ? t[level][at] : NaN;
    return v === v ? v : null;
  });
}

function scoringTarget(plan: KpiPlan, level: number, at: number): ScoringTarget | null {
  const { tk, def } = plan;
  const target = tk.target;
  if (tk.kpi === "margin_mix") {
    if (target.type === "fixed") return target.value;
    if (target.type === "range") return { min: target.min, max: target.max };
    return 1;
  }
  if (def?.referenceAmount) {
    if (target.type === "range") return { min: target.min, max: target.max };
    return plan.direction === "band" ? DEFAULT_BUDGET_BAND : 1;
  }
  const min = plan.targets && at >= 0 ? plan.targets[level][at] : NaN;
  if (min !== min) return null;
  if (!plan.targetMax) return min;
  const max = plan.targetMax[level][at];
  return max === max ? { min, max } : null;
}

/** A range shows its lower edge as "the target", the level to reach; a band around 1 shows 1. */
function shownTarget(target: ScoringTarget | null): number | null {
  if (target === null) return null;
  if (typeof target === "number") return target;
  return target === DEFAULT_BUDGET_BAND ? 1 : target.min;
}

function missingTargetReason(plan: KpiPlan, view: CellView): Unavailable {
  return plan.tk.target.type === "growth"
    ? notAvailable("no_growth_base", { kpi: plan.tk.kpi, period: view.lastYear().periodLabel })
    : notAvailable("no_target", { entity: view.entity, period: view.periodLabel });
}

/** Puts the reason (English text, code and params) on the cell; absent parts stay absent in the JSON. */
function withReason(cell: KpiCell, why: Unavailable): KpiCell {
  cell.reason = why.reason;
  if (why.reasonCode !== undefined) cell.reasonCode = why.reasonCode;
  if (why.reasonParams !== undefined) cell.reasonParams = why.reasonParams;
  return cell;
}

function historyRow(view: CellView, kpi: KpiId, cell: KpiCell): HistoryRow {
  return {
    entity: view.entity,
    level: view.agg.hierarchy.levels[view.level].level,
    period: view.periodLabel,
    kpi,
    actual: cell.actual,
    target: cell.target ?? null,
    attainment: cell.attainment ?? null,
    status: cell.status ?? null,
    score: cell.score ?? null,
  };
}

function scorecardRow(
  view: CellView,
  plans: KpiPlan[],
  evaluated: KpiCell[],
  gateCap: number,
  payout: ScorecardInput["template"]["payout"],
): ScorecardRow {
  const kpis: ScorecardRow["kpis"] = {};
  const failedGates: KpiId[] = [];
  const gatesNotEvaluated: KpiId[] = [];
  plans.forEach((plan, k) => {
    kpis[plan.tk.kpi] = evaluated[k];
    if (!plan.tk.gate) return;
    // A gate whose column is missing is neither passed nor failed: it is listed as not evaluated.
    if (plan.def && plan.missingRoles.length > 0) gatesNotEvaluated.push(plan.tk.kpi);
    else if (!meetsGate(evaluated[k])) failedGates.push(plan.tk.kpi);
  });
  const score = weightedScore(plans.map((plan, k) => ({ weight: plan.tk.weight, score: evaluated[k].score ?? null })));
  const levels = view.agg.hierarchy.levels;
  const parentGroups = levels[view.level].parent;
  return {
    entity: view.entity,
    level: levels[view.level].level,
    parent: parentGroups ? levels[view.level + 1].names[parentGroups[view.group]] : null,
    period: view.periodLabel,
    kpis,
    score,
    payout: payoutFor(score, payout, failedGates.length > 0, gateCap),
    gatesPassed: failedGates.length > 0 ? false : gatesNotEvaluated.length > 0 ? null : true,
    failedGates,
    gatesNotEvaluated,
  };
}

/** A gate is met at 100 % attainment or more; without an attainment nothing shows it was met. */
function meetsGate(cell: KpiCell): boolean {
  return cell.attainment !== undefined && cell.attainment !== null && cell.attainment >= 1;
}

function mixDetail(view: CellView, plan: KpiPlan, evaluated: KpiCell): MarginMixDetail {
  const spec = plan.tk.marginMix!;
  const at = listedSlot(view.agg.grid.levels[view.level], view.group, view.period, view.agg.periods.nPeriods);
  const mix = marginMixBreakdown(view, spec, tierTargetsAt(plan, view.level, at), plan.cap);
  return {
    entity: view.entity,
    level: view.agg.hierarchy.levels[view.level].level,
    period: view.periodLabel,
    basis: spec.basis,
    tiers: mix.tiers,
    volumeAttainment: mix.volumeAttainment,
    mixAttainment: evaluated.actual,
    mixEffect: evaluated.actual === null ? null : mix.mixEffect,
    gatePassed: plan.tk.gate ? meetsGate(evaluated) : null,
  };
}

/** Depth first: each parent's children (sorted by name) and then the parent's subtotal; the total last. */
function appendInReadingOrder(agg: SalesAggregate, rowAt: Map<string, ScorecardRow>, out: ScorecardRow[]): void {
  const levels = agg.hierarchy.levels;
  const children: number[][][] = levels.map((level) => level.names.map(() => []));
  for (let l = 0; l < levels.length - 1; l++) {
    const parent = levels[l].parent!;
    for (let g = 0; g < parent.length; g++) children[l + 1][parent[g]].push(g);
  }
  const byName = (l: number) => (a: number, b: number) => levels[l].names[a].localeCompare(levels[l].names[b]);
  const visit = (l: number, g: number) => {
    if (l > 0) for (const child of [...children[l][g]].sort(byName(l - 1))) visit(l - 1, child);
    const row = rowAt.get(`${l}:${g}`);
    if (row) out.push(row);
  };
  visit(levels.length - 1, 0);
}

function smartInput(
  plan: KpiPlan,
  totalRow: ScorecardRow | undefined,
  pastActuals: number[],
  roleHasValues: (role: Role) => boolean,
): SmartInput {
  const required: Role[] = plan.def ? ["date", ...rolesOfKpi(plan.def, plan.tk)] : [];
  return {
    kpi: plan.tk.kpi,
    hasDefinition: plan.def !== undefined,
    requiredRoles: required,
    missingRoles: plan.missingRoles,
    rolesWithoutValues: required.filter((r) => !plan.missingRoles.includes(r) && !roleHasValues(r)),
    target: totalRow?.kpis[plan.tk.kpi]?.target ?? null,
    pastActuals,
    weight: plan.tk.weight,
  };
}

function roleHasValues(data: SalesData, role: Role): boolean {
  const has = (n: number, test: (i: number) => boolean) => {
    for (let i = 0; i < n; i++) if (test(i)) return true;
    return false;
  };
  if (role === "date") return has(data.length, (i) => data.dates[i] === data.dates[i]);
  if (role === "new_product") return !!data.newProduct && has(data.length, (i) => data.newProduct![i] <= 1);
  if (role === "status") return !!data.status && has(data.length, (i) => data.status![i] !== 0);
  const numbers = data.numbers[role as keyof SalesData["numbers"]];
  if (numbers) return has(data.length, (i) => numbers[i] === numbers[i]);
  const labels = data.labels[role as keyof SalesData["labels"]];
  if (labels) return has(data.length, (i) => labels.codes[i] >= 0);
  return false;
}

function kpiInfo(plan: KpiPlan): ScorecardKpiInfo {
  const names = plan.def?.names ?? { en: plan.tk.kpi, vi: plan.tk.kpi, "zh-Hans": plan.tk.kpi, "zh-Hant": plan.tk.kpi };
  return {
    id: plan.tk.kpi,
    names,
    unit: plan.def?.unit ?? "count",
    direction: plan.direction,
    weight: plan.tk.weight,
    gate: plan.tk.gate === true,
    bands: plan.bands,
    cap: plan.cap,
    available: plan.missingRoles.length === 0,
    ...(plan.missingRoles.length > 0 ? { missingRoles: plan.missingRoles } : {}),
  };
}

function headerMapping(headers: string[], mapping: ColumnMapping): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  for (const [role, column] of Object.entries(mapping) as Array<[Role, number | undefined]>) {
    if (column !== undefined && headers[column] !== undefined) out[role] = headers[column];
  }
  return out;
}

function countDated(agg: SalesAggregate): number {
  let n = 0;
  for (let i = 0; i < agg.periods.rowPeriod.length; i++) if (agg.periods.rowPeriod[i] >= 0) n++;
  return n;
}
