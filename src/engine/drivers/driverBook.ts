/**
 * Drivers of a change (issue 13 §1): for each scored entity and KPI, what moved the actual against the
 * previous period and the same period last year, by customer, product and category.
 *
 * One pass over the rows of the three periods involved sums each measure a KPI's drivers read per
 * (level, entity, member). A KPI's definition says how its change breaks down (`DriverSpec`):
 * - sum: a member's contribution is its own change;
 * - ratio N/D: a member's contribution is N₁ₘ/D₁ − N₀ₘ/D₀ (these add up to R₁ − R₀). Where the member
 *   has a denominator in both periods it splits into a rate effect (r₁ − r₀) × (w₀ + w₁)/2 and a mix
 *   effect (w₁ − w₀) × (r₀ + r₁)/2, r = Nₘ/Dₘ its own ratio, w = Dₘ/D its weight; otherwise it is
 *   all mix (the member came or went);
 * - distinct: +1 per member gained, −1 per member lost.
 * Listed: the three largest contributions up and the three largest down; one "(others)" entry holds
 * the change minus the listed ones, so the entries of a dimension add up to the change exactly.
 */
import type { CellView } from "../aggregate/cellView";
import { rowMeasure, type Measure, type MeasureOptions } from "../aggregate/measures";
import type { SalesAggregate } from "../aggregate/salesAggregate";
import type { DriverSpec } from "../kpis/kpiDefinition";
import { samePeriodLastYear } from "../periods";
import {
  DRIVER_DIMENSIONS,
  OTHERS_MEMBER,
  type DimensionRole,
  type DriverComparison,
  type DriverDimension,
  type DriverEntry,
  type KpiDrivers,
} from "../types";

/** Contributors listed each way (up and down) before "(others)". */
export const TOP_DRIVERS = 3;
/** A member row without a customer, product or category (as the hierarchy names blank groups). */
const BLANK_MEMBER = "(blank)";

/** Periods summed: the scored one, the previous one, the same one last year. */
const NOW = 0;
const PREVIOUS = 1;
const LAST_YEAR = 2;

interface DimensionSums {
  dimension: DriverDimension;
  names: string[];
  /** Per level: entity group → [member, slot] pairs. */
  members: Array<Map<number, Array<[number, number]>>>;
}

export class DriverBook {
  private readonly measures: Measure[];
  private readonly dims: DimensionSums[] = [];
  /** Per slot: measures × 3 periods. */
  private sums: Float64Array = new Float64Array(0);
  private readonly width: number;

  constructor(
    private readonly agg: SalesAggregate,
    options: MeasureOptions,
    specs: readonly DriverSpec[],
    asOf: number,
    groupBy: DimensionRole,
  ) {
    const measures = new Set<Measure>(["rows"]);
    for (const spec of specs) {
      if (spec.kind === "sum") measures.add(spec.measure);
      if (spec.kind === "ratio") (measures.add(spec.numerator), measures.add(spec.denominator));
    }
    const data = agg.data;
    const readers = [...measures].map((m) => ({ m, read: rowMeasure(data, options, m) }));
    this.measures = readers.filter((r) => r.read !== null).map((r) => r.m);
    const reads = readers.flatMap((r) => (r.read ? [r.read] : []));
    this.width = this.measures.length * 3;

    const columns = DRIVER_DIMENSIONS.filter((d) => d !== groupBy && data.labels[d] !== undefined);
    const periods = agg.periods;
    const lastYear = samePeriodLastYear(periods.baseKey + asOf, periods.spec) - periods.baseKey;
    const levels = agg.hierarchy.levels;
    const rowGroup = agg.hierarchy.rowGroup;
    const rowCell = agg.grid.rowCell;
    let slots = 0;
    let sums = new Float64Array(1024 * this.width);
    const values = new Float64Array(reads.length);
    const slotMaps = columns.map(() => levels.map(() => new Map<number, number>()));
    for (const d of columns) {
      const names = data.labels[d]!.values;
      this.dims.push({ dimension: d, names: [...names, BLANK_MEMBER], members: levels.map(() => new Map()) });
    }
    for (let i = 0; i < data.length; i++) {
      const p = periods.rowPeriod[i];
      const t = p === asOf ? NOW : p === asOf - 1 ? PREVIOUS : p === lastYear ? LAST_YEAR : -1;
      if (t < 0 || rowCell[i] < 0) continue;
      for (let k = 0; k < reads.length; k++) values[k] = reads[k](i);
      for (let d = 0; d < columns.length; d++) {
        const dim = this.dims[d];
        const code = data.labels[columns[d]]!.codes[i];
        const member = code < 0 ? dim.names.length - 1 : code;
        let g = rowGroup[i];
        for (let l = 0; l < levels.length; l++) {
          const key = g * dim.names.length + member;
          let slot = slotMaps[d][l].get(key);
          if (slot === undefined) {
            slot = slots++;
            slotMaps[d][l].set(key, slot);
            const list = dim.members[l].get(g);
            if (list) list.push([member, slot]);
            else dim.members[l].set(g, [[member, slot]]);
            if (slots * this.width > sums.length) {
              const grown = new Float64Array(sums.length * 2);
              grown.set(sums);
              sums = grown;
            }
          }
          const base = slot * this.width + t;
          for (let k = 0; k < values.length; k++) if (values[k] === values[k]) sums[base + k * 3] += values[k];
          const parent = levels[l].parent;
          if (parent) g = parent[g];
        }
      }
    }
    this.sums = sums;
  }

  /**
   * The drivers of one KPI of one entity in the scored period, given its actual now and a way to
   * compute its actual in an earlier period (null when not available there: no comparison).
   */
  driversOf(view: CellView, spec: DriverSpec, now: number, valueAt: (earlier: CellView) => number | null): KpiDrivers {
    const out: KpiDrivers = {};
    const previous = this.compare(view, view.previous(), PREVIOUS, spec, now, valueAt);
    if (previous) out.vsPrevious = previous;
    const lastYear = this.compare(view, view.lastYear(), LAST_YEAR, spec, now, valueAt);
    if (lastYear) out.vsLastYear = lastYear;
    return out;
  }

  private compare(
    view: CellView,
    earlier: CellView,
    t: number,
    spec: DriverSpec,
    now: number,
    valueAt: (earlier: CellView) => number | null,
  ): DriverComparison | null {
    // Before the data begins nothing is known of the earlier period: no comparison rather than a guess.
    if (!earlier.inData) return null;
    const then = valueAt(earlier);
    if (then === null) return null;
    const change = now - then;
    const by: DriverComparison["by"] = {};
    for (const dim of this.dims) {
      if (spec.kind === "distinct" && dim.dimension !== spec.role) continue;
      const list = dim.members[view.level].get(view.group) ?? [];
      const entries: DriverEntry[] = [];
      for (const [member, slot] of list) {
        if (spec.kind === "distinct" && member === dim.names.length - 1) continue; // a blank customer is nobody
        const entry = this.entry(slot, t, spec, view, earlier);
        if (entry.contribution !== 0) entries.push({ member: dim.names[member], ...entry });
      }
      by[dim.dimension] = listed(entries, change);
    }
    return { period: earlier.periodLabel, change, by };
  }

  private read(slot: number, m: Measure, t: number): number {
    return this.sums[slot * this.width + this.measures.indexOf(m) * 3 + t];
  }

  private entry(
    slot: number,
    t: number,
    spec: DriverSpec,
    view: CellView,
    earlier: CellView,
  ): Omit<DriverEntry, "member"> {
    if (spec.kind === "sum") {
      return { contribution: this.read(slot, spec.measure, NOW) - this.read(slot, spec.measure, t), share: null };
    }
    if (spec.kind === "distinct") {
      const gained = (this.read(slot, "rows", NOW) > 0 ? 1 : 0) - (this.read(slot, "rows", t) > 0 ? 1 : 0);
      return { contribution: gained, share: null };
    }
    const n1 = this.read(slot, spec.numerator, NOW);
    const n0 = this.read(slot, spec.numerator, t);
    const d1 = this.read(slot, spec.denominator, NOW);
    const d0 = this.read(slot, spec.denominator, t);
    const total1 = view.sum(spec.denominator);
    const total0 = earlier.sum(spec.denominator);
    const contribution = n1 / total1 - n0 / total0;
    const rateEffect = d0 !== 0 && d1 !== 0 ? (n1 / d1 - n0 / d0) * ((d0 / total0 + d1 / total1) / 2) : 0;
    return { contribution, share: null, rateEffect, mixEffect: contribution - rateEffect };
  }
}

/** The three largest up, the three largest down, and "(others)" = the change minus them. */
function listed(entries: DriverEntry[], change: number): DriverEntry[] {
  const byName = (a: DriverEntry, b: DriverEntry) => (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);
  const up = entries.filter((e) => e.contribution > 0).sort((a, b) => b.contribution - a.contribution || byName(a, b));
  const down = entries
    .filter((e) => e.contribution < 0)
    .sort((a, b) => a.contribution - b.contribution || byName(a, b));
  const shown = [...up.slice(0, TOP_DRIVERS), ...down.slice(0, TOP_DRIVERS)];
  const rest = entries.filter((e) => !shown.includes(e));
  const others: DriverEntry = {
    member: OTHERS_MEMBER,
    contribution: change - sum(shown, (e) => e.contribution),
    share: null,
  };
  if (entries.some((e) => e.rateEffect !== undefined)) {
    others.rateEffect = sum(rest, (e) => e.rateEffect ?? 0);
    others.mixEffect = others.contribution - others.rateEffect;
  }
  return [...shown, others].map((e) => ({ ...e, share: change !== 0 ? e.contribution / change : null }));
}

function sum(entries: DriverEntry[], f: (e: DriverEntry) => number): number {
  let s = 0;
  for (const e of entries) s += f(e);
  return s;
}
