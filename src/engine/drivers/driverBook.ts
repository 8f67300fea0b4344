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
 * A sum with `bridge` (net sales, gross profit) also gets its price / volume / mix bridge from the same
 * product slots (bridge.ts), which then also hold the amount on rows with a quantity and the quantity
 * on rows with the amount.
 */
import type { CellView } from "../aggregate/cellView";
import { measureColumn, type Measure, type MeasureOptions } from "../aggregate/measures";
import { BLANK_ENTITY } from "../aggregate/hierarchy";
import type { SalesAggregate } from "../aggregate/salesAggregate";
import type { DriverSpec } from "../kpis/kpiDefinition";
import { samePeriodLastYear } from "../periods";
import { priceVolumeMix, type BridgeSide } from "./bridge";
import {
  DRIVER_DIMENSIONS,
  OTHERS_MEMBER,
  type DimensionRole,
  type DriverComparison,
  type DriverDimension,
  type DriverEntry,
  type KpiDrivers,
  type PriceVolumeMix,
} from "../types";

/** Contributors listed each way (up and down) before "(others)". */
export const TOP_DRIVERS = 3;

/** Entity groups × members up to which slots are found through a flat index (16 MB) rather than a Map. */
const MAX_FLAT_INDEX = 1 << 22;

/** Periods summed: the scored one, the previous one, the same one last year. */
const NOW = 0;
const PREVIOUS = 1;
const LAST_YEAR = 2;

/**
 * One level's slots for one dimension: a slot is (entity group, member), numbered so that the slots of
 * group g are start[g] .. start[g + 1] − 1.
 */
interface LevelSlots {
  start: Int32Array;
  /** Entity group and member code of each slot. */
  group: Int32Array;
  member: Int32Array;
  /** Per slot: `width` sums (column k of period t at k × 3 + t). */
  sums: Float64Array;
}

interface DimensionSums {
  dimension: DriverDimension;
  names: string[];
  /** Sums per slot: 3 per column (the product slots also hold the bridge's columns). */
  width: number;
  levels: LevelSlots[];
}

/** Contributions of one comparison and dimension, before the top ones are picked. */
interface Scratch {
  contribution: Float64Array;
  rate: Float64Array;
}

/**
 * Built once per run from typed arrays only: the rows of the three periods are found once, each
 * column read into a Float64Array once, and every hot loop is its own small function over typed
 * arrays (one shape, no closures), so V8 optimises each of them instead of deoptimising one large
 * constructor (it did: drivers cost 3–5× the engine at a million rows).
 */
export class DriverBook {
  /** Column key (a measure, or a bridge column: see bridgeKeys) → its first sum's offset in a slot. */
  private readonly columnAt = new Map<string, number>();
  /** Why KPIs with a bridge get none (no column of that role, or products are the entities); null: they do. */
  readonly bridgeMissing: "quantity" | "product" | null;
  private readonly dims: DimensionSums[] = [];
  /** Where last year's sums are: with year periods last year is the previous period. */
  private readonly lastYearAt: number;
  private scratch: Scratch = { contribution: new Float64Array(64), rate: new Float64Array(64) };

  constructor(
    private readonly agg: SalesAggregate,
    options: MeasureOptions,
    specs: readonly DriverSpec[],
    asOf: number,
    groupBy: DimensionRole,
  ) {
    const wanted = new Set<Measure>(["rows"]);
    const bridged = new Set<Measure>();
    for (const spec of specs) {
      if (spec.kind === "sum") wanted.add(spec.measure);
      if (spec.kind === "sum" && spec.bridge) bridged.add(spec.measure);
      if (spec.kind === "ratio") (wanted.add(spec.numerator), wanted.add(spec.denominator));
    }
    const data = agg.data;
    const quantity = data.numbers.quantity;
    this.bridgeMissing =
      groupBy === "product" || !data.labels.product ? "product" : quantity === undefined ? "quantity" : null;
    const periods = agg.periods;
    const lastYear = samePeriodLastYear(periods.baseKey + asOf, periods.spec) - periods.baseKey;
    this.lastYearAt = lastYear === asOf - 1 ? PREVIOUS : LAST_YEAR;
    const hits = rowsInPeriods(periods.rowPeriod, agg.grid.rowCell, asOf, lastYear);
    const columns: Float64Array[] = [];
    const addColumnAs = (key: string, column: Float64Array) => {
      this.columnAt.set(key, columns.length * 3);
      columns.push(column);
    };
    for (const m of wanted) {
      const column = measureColumn(data, options, m, hits.row, hits.n);
      if (column) addColumnAs(m, column);
    }
    // The bridge's columns come last: only the product slots carry them.
    const measureColumns = columns.length;
    const units = quantity && !this.bridgeMissing ? measureColumn(data, options, "quantity", hits.row, hits.n) : null;
    for (const m of bridged) {
      const amount = columns[this.columnAt.get(m)! / 3];
      if (!units || !amount) continue;
      addColumnAs(bridgeKeys(m).priced, onlyWhereBoth(amount, units));
      addColumnAs(bridgeKeys(m).quantity, onlyWhereBoth(units, amount));
    }
    const levels = agg.hierarchy.levels;
    const leafGroup = gather(agg.hierarchy.rowGroup, hits.row, hits.n);
    for (const dimension of DRIVER_DIMENSIONS) {
      const column = dimension === groupBy ? undefined : data.labels[dimension];
      if (!column) continue;
      const blank = column.values.length; // the code of "no member"
      const own = dimension === "product" ? columns : columns.slice(0, measureColumns);
      const width = own.length * 3;
      const leafMember = memberCodes(column.codes, hits.row, hits.n, blank);
      const leaf = numberSlots(leafGroup, leafMember, levels[0].names.length, blank + 1);
      const leafSums = new Float64Array(leaf.slots.group.length * width);
      for (let k = 0; k < own.length; k++) addColumn(leafSums, width, k * 3, leaf.slotOf, hits.period, own[k]);
      const slotLevels: LevelSlots[] = [{ ...leaf.slots, sums: leafSums }];
      for (let l = 1; l < levels.length; l++) {
        const child = slotLevels[l - 1];
        const parentGroup = gather(levels[l - 1].parent!, child.group, child.group.length);
        const up = numberSlots(parentGroup, child.member, levels[l].names.length, blank + 1);
        const sums = new Float64Array(up.slots.group.length * width);
        addSlots(sums, child.sums, width, up.slotOf);
        slotLevels.push({ ...up.slots, sums });
      }
      this.dims.push({ dimension, names: column.values, width, levels: slotLevels });
    }
  }

  /**
   * The drivers of one KPI of one entity in the scored period, given its actual now and a way to
   * compute its actual in an earlier period (null when not available there: no comparison).
   */
  driversOf(view: CellView, spec: DriverSpec, now: number, valueAt: (earlier: CellView) => number | null): KpiDrivers {
    const out: KpiDrivers = {};
    const previous = this.compare(view, view.previous(), PREVIOUS, spec, now, valueAt);
    if (previous) out.vsPrevious = previous;
    const lastYear = this.compare(view, view.lastYear(), this.lastYearAt, spec, now, valueAt);
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
    const at = (m: Measure) => this.columnAt.get(m)!;
    for (const dim of this.dims) {
      if (spec.kind === "distinct" && dim.dimension !== spec.role) continue;
      const { start, member, sums } = dim.levels[view.level];
      const w = dim.width;
      const from = start[view.group];
      const n = start[view.group + 1] - from;
      if (this.scratch.contribution.length < n)
        this.scratch = { contribution: new Float64Array(n), rate: new Float64Array(n) };
      const { contribution, rate } = this.scratch;
      const blank = dim.names.length;
      if (spec.kind === "sum") {
        const m = at(spec.measure);
        for (let j = 0; j < n; j++) {
          const b = (from + j) * w + m;
          contribution[j] = sums[b + NOW] - sums[b + t];
        }
      } else if (spec.kind === "distinct") {
        const m = at("rows");
        for (let j = 0; j < n; j++) {
          const b = (from + j) * w + m;
          // A blank customer is nobody.
          contribution[j] = member[from + j] === blank ? 0 : (sums[b + NOW] > 0 ? 1 : 0) - (sums[b + t] > 0 ? 1 : 0);
        }
      } else {
        const num = at(spec.numerator);
        const den = at(spec.denominator);
        const total1 = view.sum(spec.denominator);
        const total0 = earlier.sum(spec.denominator);
        for (let j = 0; j < n; j++) {
          const b = (from + j) * w;
          const n1 = sums[b + num + NOW];
          const n0 = sums[b + num + t];
          const d1 = sums[b + den + NOW];
          const d0 = sums[b + den + t];
          contribution[j] = n1 / total1 - n0 / total0;
          rate[j] = d0 !== 0 && d1 !== 0 ? (n1 / d1 - n0 / d0) * ((d0 / total0 + d1 / total1) / 2) : 0;
        }
      }
      const name = (j: number) => {
        const code = member[from + j];
        return code === blank ? BLANK_ENTITY : dim.names[code];
      };
      by[dim.dimension] = listed(n, contribution, spec.kind === "ratio" ? rate : null, name, change);
    }
    const comparison: DriverComparison = { period: earlier.periodLabel, change, by };
    if (spec.kind === "sum" && spec.bridge) {
      const bridge = this.bridge(view, t, spec.measure);
      if (bridge) comparison.bridge = bridge;
    }
    return comparison;
  }

  /** Price / volume / mix of a sum by product (bridge.ts), from the product slots of the entity. */
  private bridge(view: CellView, t: number, amount: Measure): PriceVolumeMix | null {
    const keys = bridgeKeys(amount);
    const a = this.columnAt.get(amount);
    const p = this.columnAt.get(keys.priced);
    const q = this.columnAt.get(keys.quantity);
    const dim = this.dims.find((d) => d.dimension === "product");
    if (a === undefined || p === undefined || q === undefined || !dim) return null;
    const { start, sums } = dim.levels[view.level];
    const from = start[view.group];
    const n = start[view.group + 1] - from;
    const side = (period: number): BridgeSide => {
      const out = { amount: new Float64Array(n), pricedAmount: new Float64Array(n), quantity: new Float64Array(n) };
      for (let j = 0; j < n; j++) {
        const b = (from + j) * dim.width + period;
        out.amount[j] = sums[b + a];
        out.pricedAmount[j] = sums[b + p];
        out.quantity[j] = sums[b + q];
      }
      return out;
    };
    return priceVolumeMix(side(NOW), side(t), n);
  }
}

/** The rows of the scored (NOW), previous (PREVIOUS) and last year's (LAST_YEAR) periods, in row order. */
function rowsInPeriods(rowPeriod: Int32Array, rowCell: Int32Array, asOf: number, lastYear: number) {
  let n = 0;
  for (let i = 0; i < rowPeriod.length; i++) {
    const p = rowPeriod[i];
    if ((p === asOf || p === asOf - 1 || p === lastYear) && rowCell[i] >= 0) n++;
  }
  const row = new Int32Array(n);
  const period = new Int32Array(n);
  let h = 0;
  for (let i = 0; i < rowPeriod.length && h < n; i++) {
    const p = rowPeriod[i];
    if (rowCell[i] < 0) continue;
    const t = p === asOf ? NOW : p === asOf - 1 ? PREVIOUS : p === lastYear ? LAST_YEAR : -1;
    if (t < 0) continue;
    row[h] = i;
    period[h++] = t;
  }
  return { row, period, n };
}

/** The extra columns a bridged amount needs: itself where the row has a quantity, the quantity where it has the amount. */
function bridgeKeys(amount: Measure) {
  return { priced: `${amount}@quantity`, quantity: `quantity@${amount}` };
}

/** values where `other` has a value too, else NaN. */
function onlyWhereBoth(values: Float64Array, other: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let h = 0; h < values.length; h++) out[h] = other[h] === other[h] ? values[h] : NaN;
  return out;
}

/** values[at[h]] for h < n. */
function gather(values: Int32Array, at: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let h = 0; h < n; h++) out[h] = values[at[h]];
  return out;
}

/** The member code of each listed row; a blank label (code −1) becomes `blank`. */
function memberCodes(codes: Int32Array, rows: Int32Array, n: number, blank: number): Int32Array {
  const out = new Int32Array(n);
  for (let h = 0; h < n; h++) {
    const code = codes[rows[h]];
    out[h] = code < 0 ? blank : code;
  }
  return out;
}

/**
 * Slots for items (rows, or a child level's slots) by (group, member): each distinct pair gets a slot,
 * numbered by group (a counting sort), and `slotOf` gives each item its slot.
 */
function numberSlots(group: Int32Array, member: Int32Array, groups: number, members: number) {
  const n = group.length;
  const firstSeen = new Int32Array(n); // item → pair number in order of first sight
  const pairs =
    groups * members <= MAX_FLAT_INDEX
      ? pairsByFlatIndex(group, member, members, groups * members, firstSeen)
      : pairsByMap(group, member, members, firstSeen);
  const pairGroup = new Int32Array(pairs);
  const pairMember = new Int32Array(pairs);
  for (let x = 0; x < n; x++) {
    pairGroup[firstSeen[x]] = group[x];
    pairMember[firstSeen[x]] = member[x];
  }
  const start = new Int32Array(groups + 1);
  for (let s = 0; s < pairs; s++) start[pairGroup[s] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const slotOfPair = new Int32Array(pairs);
  const slotGroup = new Int32Array(pairs);
  const slotMember = new Int32Array(pairs);
  for (let s = 0; s < pairs; s++) {
    const slot = next[pairGroup[s]]++;
    slotOfPair[s] = slot;
    slotGroup[slot] = pairGroup[s];
    slotMember[slot] = pairMember[s];
  }
  for (let x = 0; x < n; x++) firstSeen[x] = slotOfPair[firstSeen[x]];
  return { slotOf: firstSeen, slots: { start, group: slotGroup, member: slotMember } };
}

/** Pair numbers through a flat (group × member) index: the usual case. */
function pairsByFlatIndex(group: Int32Array, member: Int32Array, members: number, keys: number, out: Int32Array) {
  const index = new Int32Array(keys).fill(-1);
  let pairs = 0;
  for (let x = 0; x < group.length; x++) {
    const key = group[x] * members + member[x];
    let pair = index[key];
    if (pair < 0) index[key] = pair = pairs++;
    out[x] = pair;
  }
  return pairs;
}

/** Pair numbers through a Map, when groups × members is too large for a flat index. */
function pairsByMap(group: Int32Array, member: Int32Array, members: number, out: Int32Array) {
  const index = new Map<number, number>();
  for (let x = 0; x < group.length; x++) {
    const key = group[x] * members + member[x];
    let pair = index.get(key);
    if (pair === undefined) index.set(key, (pair = index.size));
    out[x] = pair;
  }
  return index.size;
}

/** Adds a column's values (NaN: none) into sums[slot × width + at + period]. */
function addColumn(
  sums: Float64Array,
  width: number,
  at: number,
  slotOf: Int32Array,
  period: Int32Array,
  values: Float64Array,
): void {
  for (let h = 0; h < values.length; h++) {
    const v = values[h];
    if (v === v) sums[slotOf[h] * width + at + period[h]] += v;
  }
}

/** Adds each child slot's sums into its parent slot's. */
function addSlots(parent: Float64Array, child: Float64Array, width: number, slotOf: Int32Array): void {
  for (let x = 0; x < slotOf.length; x++) {
    const to = slotOf[x] * width;
    const from = x * width;
    for (let k = 0; k < width; k++) parent[to + k] += child[from + k];
  }
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
