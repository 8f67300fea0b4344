/**
 * computeScorecard: sales rows + template (+ targets) → the scorecard of product.md §9.
 *
 * Choices this file makes (documented in src/engine/kpis/README.md too):
 * - Entities: each entity is listed in every period from its first period with rows on (a rep with no
 *   sale in the asOf month is shown with zero sales and a missed target, not left out); before its
 *   first row it did not exist yet.
 * - Targets are planned in planTargets.ts, rows ordered in readingOrder.ts, the asOf period chosen in
 *   asOf.ts, the JSON shaped in scorecardShape.ts. Everything about a KPI comes from its definition.
 */
import { listedSlot } from "../aggregate/cellGrid";
import { CellView } from "../aggregate/cellView";
import { findDateOutliers, periodTooFarFromData } from "../aggregate/dateOutliers";
import type { MeasureOptions } from "../aggregate/measures";
import { aggregateSales, type AggregateOptions, type SalesAggregate } from "../aggregate/salesAggregate";
import { DriverBook, whyText } from "../drivers";
import { getKpi, notAvailable, templateTracks } from "../kpis";
import type { KpiDefinition, Unavailable } from "../kpis";
import { TargetBook } from "../kpis/targetBook";
import { periodKey, periodLabel, periodSpecFor, samePeriodLastYear } from "../periods";
import { attainment, clampScore, statusFor } from "../scoring";
import { smartCheck } from "../templates";
import type {
  DataNote,
  DimensionRole,
  HistoryRow,
  KpiCell,
  KpiId,
  Lang,
  MarginMixDetail,
  PaceInfo,
  PeriodSpec,
  Role,
  SalesData,
  Scorecard,
  ScorecardInput,
  ScorecardRow,
  TemplateKpi,
} from "../types";
import { defaultAsOfKey, periodMonths, requirePeriod } from "./asOf";
import { addBonuses } from "./bonus";
import { roleHasValues } from "./dataRoles";
import { paceInfo, paceOf, paceShare, type LastYearFigures } from "./pace";
import { isoDateSerial, serialIsoDate, todaySerial } from "../values/excelSerial";
import {
  missingTargetReason,
  planKpi,
  scoringTarget,
  shownTarget,
  targetSourceAt,
  tierTargetsAt,
  type KpiPlan,
} from "./planTargets";
import { appendInReadingOrder } from "./readingOrder";
import { countDated, headerMapping, historyRow, kpiInfo, mixDetail, scorecardRow, withReason } from "./scorecardShape";
import { smartInput } from "./smartInputs";

export function computeScorecard(input: ScorecardInput): Scorecard {
  const { template } = input;
  const now = input.now ?? new Date();
  const groupBy = input.groupBy ?? template.groupBy;
  const rollup = template.rollup.filter((role, i) => role !== groupBy && template.rollup.indexOf(role) === i);
  const spec: PeriodSpec = periodSpecFor(template.period, input.period, input.fiscalYearStartMonth);
  // Rows dated far outside the rest of the data are left out (with a note): a typo year must not
  // make a century of periods nor decide which period is scored.
  const outliers = findDateOutliers(input.data);
  let data: SalesData = outliers.rowsLeftOut > 0 ? { ...input.data, dates: outliers.dates } : input.data;
  const givenDay = input.asOfDate === undefined ? undefined : requireDay(input.asOfDate);
  const asOfKey =
    input.asOf !== undefined
      ? requirePeriod(input.asOf, spec)
      : givenDay !== undefined
        ? periodKey(givenDay, spec)
        : defaultAsOfKey(data, spec, now);
  if (givenDay !== undefined && periodKey(givenDay, spec) !== asOfKey)
    throw new RangeError(`asOfDate ${input.asOfDate} is not in the period ${periodLabel(asOfKey, spec)}`);
  const tooFar = periodTooFarFromData(outliers, ...periodMonths(asOfKey, spec));
  if (tooFar) throw new RangeError(`asOf "${input.asOf}" cannot be scored: ${tooFar}`);
  // A running period: the as-of day (given, or today) lies inside the scored period.
  const pace = paceInfo(
    givenDay ?? todaySerial(now),
    asOfKey,
    spec,
    input.workWeek ?? template.pace?.workWeek,
    input.paceBasis ?? template.pace?.basis,
  );
  const dayNotes: DataNote[] = [];
  if (pace) data = withoutRowsAfter(data, isoDateSerial(pace.asOfDate)!, dayNotes);

  const measures = measureOptions(data, template.kpis);
  const aggOptions: AggregateOptions = {
    spec,
    groupBy,
    rollup,
    extraKeys: [asOfKey],
    measures,
    customers: templateTracks(template.kpis, "customers"),
    orders: templateTracks(template.kpis, "orders"),
    customerSubsets: customerSubsets(data, template.kpis),
  };
  const agg = aggregateSales(data, aggOptions);
  const asOf = asOfKey - agg.periods.baseKey;
  const lastYear = pace?.basis === "lastYear" ? lastYearCurves(data, agg, aggOptions, asOfKey, pace) : null;
  const drivers = input.drivers ? driverBookFor(agg, measures, template.kpis, asOf, groupBy) : null;
  const book = new TargetBook(input.targets);
  const plans = template.kpis.map((tk) => planKpi(tk, data, agg, book, template.bands));
  const notes: DataNote[] = [...data.notes, ...outliers.notes, ...dayNotes, ...agg.hierarchy.notes];
  if (drivers?.bridgeMissing) notes.push(...bridgeNote(drivers.bridgeMissing, template.kpis));
  const levels = agg.hierarchy.levels;
  const totalLevel = levels.length - 1;
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
    const cell: KpiCell = { actual: actual.ok ? actual.value : null, target: shownTarget(plan, target) };
    const source = target === null ? undefined : targetSourceAt(plan, view);
    if (source !== undefined) cell.targetSource = source;
    if (source === "last_year" || source === "previous_periods") noteHistoryTarget(plan);
    if (!actual.ok) withReason(cell, actual);
    else if (target === null) withReason(cell, missingTargetReason(plan, view));
    const reached = actual.ok && target !== null ? attainment(actual.value, target, plan.direction, plan.cap) : null;
    cell.attainment = reached;
    cell.status = statusFor(reached, plan.bands);
    cell.score = clampScore(reached, plan.floor, plan.cap);
    if (pace && view.period === asOf) {
      const accrues = def.additiveTarget;
      const counted = accrues
        ? paceShare(
            pace,
            lastYear?.figures(plan, view.level, view.group) ?? null,
            lastYear?.figures(plan, totalLevel, 0) ?? null,
          )
        : undefined;
      if (counted && pace.basis === "lastYear" && (counted.curveOf || counted.basis !== "lastYear"))
        noteCurveFallback(plan, view.entity);
      cell.pace = paceOf(
        cell,
        target,
        { accrues, direction: plan.direction, cap: plan.cap, bands: plan.bands },
        pace,
        counted,
      );
    }
    return cell;
  };

  // One note per KPI naming the entities whose pace could not follow their own last year's curve.
  const curveFallbacks = new Map<KpiId, string[]>();
  const noteCurveFallback = (plan: KpiPlan, entity: string) => {
    const entities = curveFallbacks.get(plan.tk.kpi) ?? [];
    if (entities.length === 0) curveFallbacks.set(plan.tk.kpi, entities);
    entities.push(entity);
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

  // The tier details of the first KPI with tier settings (margin mix), for the asOf period.
  const mixAt = plans.findIndex((plan) => plan.def?.tierTargets && plan.tk.marginMix);
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
        if (drivers) plans.forEach((plan, k) => addDrivers(drivers, plan, view, evaluated[k], input.lang ?? "en"));
        rowAt.set(`${l}:${g}`, scorecardRow(view, plans, evaluated, template.gateCap, template.payout));
        if (mixAt >= 0) marginMix.push(mixDetail(view, plans[mixAt], evaluated[mixAt]));
      }
    }
  }
  if (!rowAt.has(`${totalLevel}:0`)) {
    // No row at all in the asOf period: the total is still shown, with what can be said about it.
    const view = new CellView(agg, totalLevel, 0, asOf);
    const evaluated = plans.map((plan) => evaluate(plan, view));
    rowAt.set(`${totalLevel}:0`, scorecardRow(view, plans, evaluated, template.gateCap, template.payout));
  }
  for (const [kpi, entities] of curveFallbacks) {
    const shown = entities.slice(0, 10).join(", ") + (entities.length > 10 ? ` and ${entities.length - 10} more` : "");
    notes.push({
      kind: "pace_basis_fallback",
      value: kpi,
      problem: `${kpi}: no last year's figures for ${shown}; their pace follows the total's curve, or the working days when the total has none either`,
    });
  }
  if (template.bonus) notes.push(...addBonuses(rowAt, levels, template.bonus, book, periodLabel(asOfKey, spec)));
  appendInReadingOrder(agg, rowAt, rows);
  for (const def of templateDefinitions(template.kpis)) if (def.dataNotes) notes.push(...def.dataNotes(agg, spec));

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
    ...(spec.weekStart !== undefined ? { weekStart: spec.weekStart } : {}),
    asOf: periodLabel(asOfKey, spec),
    ...(pace ? { pace } : {}),
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

/** The sums the drivers of the template's KPIs read, over the scored, previous and last year's periods. */
function driverBookFor(
  agg: SalesAggregate,
  options: MeasureOptions,
  kpis: readonly TemplateKpi[],
  asOf: number,
  groupBy: DimensionRole,
): DriverBook {
  const specs = templateDefinitions(kpis).flatMap((def) => (def.drivers ? [def.drivers] : []));
  return new DriverBook(agg, options, specs, asOf, groupBy);
}

/** Why the template's KPIs with a price / volume / mix bridge get none (none when it has no such KPI). */
function bridgeNote(missing: "quantity" | "product", kpis: readonly TemplateKpi[]): DataNote[] {
  const bridged = templateDefinitions(kpis).filter((def) => def.drivers?.kind === "sum" && def.drivers.bridge);
  if (bridged.length === 0) return [];
  const why =
    missing === "quantity"
      ? "the data has no quantity column"
      : "it is by product, and the data has no product column or the entities are the products";
  const ids = bridged.map((def) => def.id).join(", ");
  return [{ kind: "bridge_not_available", value: ids, problem: `no price / volume / mix bridge for ${ids}: ${why}` }];
}

/** Puts the drivers on a scored cell with a value; an earlier period without a value gives no comparison. */
function addDrivers(book: DriverBook, plan: KpiPlan, view: CellView, cell: KpiCell, lang: Lang): void {
  const spec = plan.def?.drivers;
  if (!spec || cell.actual === null) return;
  const valueAt = (earlier: CellView): number | null => {
    if (plan.money && earlier.currencies().length > 1) return null;
    const value = plan.def!.compute(earlier, { kpi: plan.tk, reference: null, tierTargets: [] });
    return value.ok && Number.isFinite(value.value) ? value.value : null;
  };
  cell.drivers = book.driversOf(view, spec, cell.actual, valueAt);
  const why = whyText(cell.drivers, plan.def!.unit, lang);
  if (why !== null) cell.why = why;
}

/** Last year's figures of each entity and KPI for pace, up to the matching day and over the whole period. */
interface LastYearCurves {
  figures(plan: KpiPlan, level: number, group: number): LastYearFigures | null;
}

/**
 * Last year's curve of the same period (pace basis lastYear): the whole period's figures come from the run's
 * aggregate; those up to the matching day from a second aggregate of the rows dated up to that day (earlier
 * rows stay, so "new customer" keeps its meaning). Entities are matched by level and name. Null when the data
 * does not reach back to last year's period.
 */
function lastYearCurves(
  data: SalesData,
  agg: SalesAggregate,
  options: AggregateOptions,
  asOfKey: number,
  pace: PaceInfo,
): LastYearCurves | null {
  const lyKey = samePeriodLastYear(asOfKey, options.spec);
  const lyPeriod = lyKey - agg.periods.baseKey;
  if (lyPeriod < 0) return null;
  const cutoff = isoDateSerial(pace.lastYearDate)!;
  const dates = Float64Array.from(data.dates, (d) => (d < cutoff + 1 ? d : NaN));
  const toDate = aggregateSales({ ...data, dates }, { ...options, extraKeys: [lyKey] });
  const toDatePeriod = lyKey - toDate.periods.baseKey;
  const groupOf = toDate.hierarchy.levels.map((level) => new Map(level.names.map((name, g) => [name, g])));
  const valueOf = (plan: KpiPlan, view: CellView): number | null => {
    const def = plan.def;
    if (!def) return null;
    if (plan.money && view.currencies().length > 1) return null;
    // What accrues: the reference amount of a ratio to a plan or budget, else the KPI's own value.
    const value = def.referenceAmount
      ? def.referenceAmount(view)
      : def.compute(view, { kpi: plan.tk, reference: null, tierTargets: [] });
    return value.ok && Number.isFinite(value.value) ? value.value : null;
  };
  const cache = new Map<string, LastYearFigures>();
  return {
    figures(plan, level, group) {
      const key = `${plan.tk.kpi}:${level}:${group}`;
      let found = cache.get(key);
      if (!found) {
        const whole = valueOf(plan, new CellView(agg, level, group, lyPeriod));
        const g = groupOf[level]?.get(agg.hierarchy.levels[level].names[group]);
        // No row up to the matching day: nothing had accrued yet.
        const sofar = g === undefined ? 0 : valueOf(plan, new CellView(toDate, level, g, toDatePeriod));
        found = { toDate: sofar, whole };
        cache.set(key, found);
      }
      return found;
    },
  };
}

/** The serial of a YYYY-MM-DD as-of date; front ends check the text first, so a bad one is a programming mistake. */
function requireDay(text: string): number {
  const day = isoDateSerial(text);
  if (day === null) throw new RangeError(`asOfDate "${text}" is not a date like 2026-03-15`);
  return day;
}

/** The rows dated after the as-of day are left out (the period is scored as it stood that day), with one note. */
function withoutRowsAfter(data: SalesData, day: number, notes: DataNote[]): SalesData {
  let later = 0;
  for (let i = 0; i < data.length; i++) if (data.dates[i] >= day + 1) later++;
  if (later === 0) return data;
  const dates = Float64Array.from(data.dates, (d) => (d >= day + 1 ? NaN : d));
  notes.push({
    kind: "after_as_of_date",
    value: String(later),
    problem: `${later} rows dated after the as-of date ${serialIsoDate(day)} are left out: the period is scored as it stood that day`,
  });
  return { ...data, dates };
}

/** The catalogue definitions a template uses, each once, in template order. */
function templateDefinitions(kpis: readonly TemplateKpi[]): KpiDefinition[] {
  const defs = kpis.map((tk) => getKpi(tk.kpi)).filter((def): def is KpiDefinition => def !== undefined);
  return defs.filter((def, i) => defs.indexOf(def) === i);
}

/** The settings of the one pass over the rows: each KPI's own, the first KPI that sets one winning. */
function measureOptions(data: SalesData, kpis: readonly TemplateKpi[]): MeasureOptions {
  const options: MeasureOptions = { premiumCodes: null, tierSlotOfCode: null, tierSlots: 0, mixBasis: "quantity" };
  const set = new Set<keyof MeasureOptions>();
  for (const tk of kpis) {
    const own = getKpi(tk.kpi)?.measureOptions?.(tk, data) ?? {};
    for (const key of Object.keys(own) as Array<keyof MeasureOptions>) {
      if (set.has(key)) continue;
      set.add(key);
      (options as unknown as Record<string, unknown>)[key] = own[key];
    }
  }
  return options;
}

/** Rows each KPI counts distinct customers over (tracks.customersWhere), by KPI id. */
function customerSubsets(data: SalesData, kpis: readonly TemplateKpi[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const def of templateDefinitions(kpis)) {
    const marked = def.tracks?.customersWhere?.(data);
    if (marked) out.set(def.id, marked);
  }
  return out;
}
