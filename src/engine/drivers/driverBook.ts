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

/** Entity groups × members up to which slots are found through a flat index (16 MB) rather than a Map. */
const MAX_FLAT_INDEX = 1 << 22;

/** Periods summed: the scored one, the previous one, the same one last year. */
const NOW = 0;
const PREVIOUS = 1;
const LAST_YEAR = 2;

interface DimensionSums {
  dimension: DriverDimension;
  names: string[];
  /** Per level: the slots of each entity group, grouped (slots of group g: order[start[g]] .. order[start[g + 1] − 1]). */
  levels: Array<{ start: Int32Array; order: Int32Array }>;
}

/** Contributions of one comparison and dimension, before the top ones are picked. */
interface Scratch {
  contribution: Float64Array;
  rate: Float64Array;
}

export class DriverBook {
  private readonly measures: Measure[];
  private readonly dims: DimensionSums[] = [];
  /** Per slot: measures × 3 periods. */
  private readonly sums: Float64Array;
  /** Member code of each slot. */
  private readonly slotMember: Int32Array;
  private readonly width: number;
  private scratch: Scratch = { contribution: new Float64Array(64), rate: new Float64Array(64) };

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
    const width = (this.width = this.measures.length * 3);

    const columns = DRIVER_DIMENSIONS.filter((d) => d !== groupBy && data.labels[d] !== undefined);
    const periods = agg.periods;
    const lastYear = samePeriodLastYear(periods.baseKey + asOf, periods.spec) - periods.baseKey;
    const levels = agg.hierarchy.levels;
    const rowGroup = agg.hierarchy.rowGroup;
    const rowCell = agg.grid.rowCell;
    // The rows of the three periods, found once, with their measure values read once.
    const hitRow = new Int32Array(data.length);
    const hitPeriod = new Int32Array(data.length);
    let hits = 0;
    for (let i = 0; i < data.length; i++) {
      const p = periods.rowPeriod[i];
      const t = p === asOf ? NOW : p === asOf - 1 ? PREVIOUS : p === lastYear ? LAST_YEAR : -1;
      if (t < 0 || rowCell[i] < 0) continue;
      hitRow[hits] = i;
      hitPeriod[hits++] = t;
    }
    const nReads = reads.length;
    const values = new Float64Array(hits * nReads);
    for (let k = 0; k < nReads; k++) {
      const read = reads[k];
      for (let h = 0; h < hits; h++) values[h * nReads + k] = read(hitRow[h]);
    }
    // Slots: (level, entity group, dimension member). Leaf slots are filled from the rows (one look-up
    // per row and dimension), parents' from their children's slots.
    let slots = 0;
    let capacity = 1024;
    let sums = new Float64Array(capacity * width);
    let slotGroup = new Int32Array(capacity);
    let slotMember = new Int32Array(capacity);
    const ranges: Array<Array<[number, number]>> = columns.map(() => []);
    for (let d = 0; d < columns.length; d++) {
      const column = data.labels[columns[d]]!;
      const nMembers = column.values.length + 1; // the last one is blank
      const codes = column.codes;
      for (let l = 0; l < levels.length; l++) {
        const first = slots;
        // A flat index when it is small enough (the usual case), else a Map.
        const keys = levels[l].names.length * nMembers;
        const flat = keys <= MAX_FLAT_INDEX ? new Int32Array(keys).fill(-1) : null;
        const slotOf = flat ? null : new Map<number, number>();
        const [from, to] = l === 0 ? [0, hits] : ranges[d][l - 1];
        const parent = l === 0 ? null : levels[l - 1].parent!;
        for (let x = from; x < to; x++) {
          // Level 0 reads rows; a parent level reads its children's slots.
          const group = parent ? parent[slotGroup[x]] : rowGroup[hitRow[x]];
          const code = parent ? slotMember[x] : codes[hitRow[x]];
          const member = code < 0 ? nMembers - 1 : code;
          const key = group * nMembers + member;
          let slot = flat ? flat[key] : (slotOf!.get(key) ?? -1);
          if (slot < 0) {
            if (slots === capacity) {
              capacity *= 2;
              const biggerSums = new Float64Array(capacity * width);
              biggerSums.set(sums);
              sums = biggerSums;
              const biggerGroup = new Int32Array(capacity);
              biggerGroup.set(slotGroup);
              slotGroup = biggerGroup;
              const biggerMember = new Int32Array(capacity);
              biggerMember.set(slotMember);
              slotMember = biggerMember;
            }
            slot = slots++;
            slotGroup[slot] = group;
            slotMember[slot] = member;
            if (flat) flat[key] = slot;
            else slotOf!.set(key, slot);
          }
          if (parent) {
            for (let k = 0; k < width; k++) sums[slot * width + k] += sums[x * width + k];
          } else {
            const base = slot * width + hitPeriod[x];
            for (let k = 0; k < nReads; k++) {
              const v = values[x * nReads + k];
              if (v === v) sums[base + k * 3] += v;
            }
          }
        }
        ranges[d].push([first, slots]);
      }
      this.dims.push({
        dimension: columns[d],
        names: column.values,
        levels: ranges[d].map(([from, to], l) => bucketByGroup(slotGroup, from, to, levels[l].names.length)),
      });
    }
    this.sums = sums;
    this.slotMember = slotMember;
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
    const w = this.width;
    const sums = this.sums;
    const at = (m: Measure) => this.measures.indexOf(m) * 3;
    for (const dim of this.dims) {
      if (spec.kind === "distinct" && dim.dimension !== spec.role) continue;
      const { start, order } = dim.levels[view.level];
      const from = start[view.group];
      const n = start[view.group + 1] - from;
      if (this.scratch.contribution.length < n)
        this.scratch = { contribution: new Float64Array(n), rate: new Float64Array(n) };
      const { contribution, rate } = this.scratch;
      const blank = dim.names.length;
      if (spec.kind === "sum") {
        const m = at(spec.measure);
        for (let j = 0; j < n; j++) {
          const b = order[from + j] * w + m;
          contribution[j] = sums[b + NOW] - sums[b + t];
        }
      } else if (spec.kind === "distinct") {
        const m = at("rows");
        for (let j = 0; j < n; j++) {
          const s = order[from + j];
          const b = s * w + m;
          // A blank customer is nobody.
          contribution[j] = this.slotMember[s] === blank ? 0 : (sums[b + NOW] > 0 ? 1 : 0) - (sums[b + t] > 0 ? 1 : 0);
        }
      } else {
        const num = at(spec.numerator);
        const den = at(spec.denominator);
        const total1 = view.sum(spec.denominator);
        const total0 = earlier.sum(spec.denominator);
        for (let j = 0; j < n; j++) {
          const b = order[from + j] * w;
          const n1 = sums[b + num + NOW];
          const n0 = sums[b + num + t];
          const d1 = sums[b + den + NOW];
          const d0 = sums[b + den + t];
          contribution[j] = n1 / total1 - n0 / total0;
          rate[j] = d0 !== 0 && d1 !== 0 ? (n1 / d1 - n0 / d0) * ((d0 / total0 + d1 / total1) / 2) : 0;
        }
      }
      const name = (j: number) => {
        const member = this.slotMember[order[from + j]];
        return member === blank ? BLANK_MEMBER : dim.names[member];
      };
      by[dim.dimension] = listed(n, contribution, spec.kind === "ratio" ? rate : null, name, change);
    }
    return { period: earlier.periodLabel, change, by };
  }
}

/** Slots from..to of one level grouped by entity group (a counting sort). */
function bucketByGroup(slotGroup: Int32Array, from: number, to: number, groups: number) {
  const start = new Int32Array(groups + 1);
  for (let s = from; s < to; s++) start[slotGroup[s] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const order = new Int32Array(to - from);
  for (let s = from; s < to; s++) order[next[slotGroup[s]]++] = s;
  return { start, order };
}

/**
 * The three largest up, the three largest down (ties by name), and "(others)" = the change minus
 * them; for a ratio, the others' rate effect is the rest's, their mix effect what remains.
 */
function listed(
  n: number,
  contribution: Float64Array,
  rate: Float64Array | null,
  name: (j: number) => string,
  change: number,
): DriverEntry[] {
  const before = (a: number, b: number, up: boolean) =>
    contribution[a] !== contribution[b]
      ? up
        ? contribution[a] > contribution[b]
        : contribution[a] < contribution[b]
      : name(a) < name(b);
  const up: number[] = [];
  const down: number[] = [];
  let rateTotal = 0;
  for (let j = 0; j < n; j++) {
    if (rate) rateTotal += rate[j];
    const c = contribution[j];
    if (c === 0) continue;
    const top = c > 0 ? up : down;
    if (top.length === TOP_DRIVERS && !before(j, top[TOP_DRIVERS - 1], c > 0)) continue;
    let k = top.length < TOP_DRIVERS ? top.length : TOP_DRIVERS - 1;
    top[k] = j;
    while (k > 0 && before(j, top[k - 1], c > 0)) {
      top[k] = top[k - 1];
      top[k - 1] = j;
      k--;
    }
  }
  const shown = [...up, ...down];
  const share = (x: number) => (change !== 0 ? x / change : null);
  const entries: DriverEntry[] = shown.map((j) => {
    const e: DriverEntry = { member: name(j), contribution: contribution[j], share: share(contribution[j]) };
    if (rate) {
      e.rateEffect = rate[j];
      e.mixEffect = contribution[j] - rate[j];
    }
    return e;
  });
  let shownSum = 0;
  let shownRate = 0;
  for (const j of shown) {
    shownSum += contribution[j];
    if (rate) shownRate += rate[j];
  }
  const others: DriverEntry = {
    member: OTHERS_MEMBER,
    contribution: change - shownSum,
    share: share(change - shownSum),
  };
  if (rate) {
    others.rateEffect = rateTotal - shownRate;
    others.mixEffect = others.contribution - others.rateEffect;
  }
  return [...entries, others];
}
