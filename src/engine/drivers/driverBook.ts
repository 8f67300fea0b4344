/**
 * Drivers of a change (issue 13 §1): for each scored entity and KPI, what moved the actual against the
 * previous period and the same period last year, by customer, product and category.
 *
 * The rows of the three periods involved are summed, per entity, for each measure a KPI's drivers
 * read, per member. A KPI's definition says how its change breaks down (`DriverSpec`):
 * - sum: a member's contribution is its own change;
 * - ratio N/D: a member's contribution is N₁ₘ/D₁ − N₀ₘ/D₀ (these add up to R₁ − R₀). Where the member
 *   has a denominator in both periods it splits into a rate effect (r₁ − r₀) × (w₀ + w₁)/2 and a mix
 *   effect (w₁ − w₀) × (r₀ + r₁)/2, r = Nₘ/Dₘ its own ratio, w = Dₘ/D its weight; otherwise it is
 *   all mix (the member came or went);
 * - distinct: +1 per member gained, −1 per member lost.
 * Listed: the three largest contributions up and the three largest down; one "(others)" entry holds
 * the change minus the listed ones, so the entries of a dimension add up to the change exactly.
 * A sum with `bridge` (net sales, gross profit) also gets its price / volume / mix bridge from the same
 * sums per product (bridge.ts), which then also hold the amount on rows with a quantity and the
 * quantity on rows with the amount.
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

/** Periods summed: the scored one, the previous one, the same one last year. */
const NOW = 0;
const PREVIOUS = 1;
const LAST_YEAR = 2;

/**
 * One dimension's members: the member of each listed row, and the sums of the entity loaded last
 * (load), per member code, dense and reused from entity to entity.
 */
interface DimensionSums {
  dimension: DriverDimension;
  names: string[];
  /** Columns summed (the product dimension also sums the bridge's) and sums per member: 3 per column. */
  columns: Float64Array[];
  width: number;
  /** Member code of each listed row; a blank label is names.length. */
  member: Int32Array;
  sums: Float64Array;
  /** Members with rows in the loaded entity (count of them in `touched`), and a mark per member. */
  touched: Int32Array;
  count: number;
  seen: Uint8Array;
}

/** Contributions of one comparison and dimension, before the top ones are picked. */
interface Scratch {
  contribution: Float64Array;
  rate: Float64Array;
}

/**
 * Built once per run from typed arrays only: the rows of the three periods are found once, ordered by
 * entity, and each measure and member code read once for them in that order. The sums per member are
 * then made for one entity at a time (the scorecard asks for all KPIs of an entity in a row) into
 * dense arrays reused across entities: the book allocates about 15 MB at a million rows instead of
 * per (entity, member) tables at every level (tens of MB, and a full garbage collection most runs).
 * Every hot loop is its own small function over typed arrays, so V8 optimises each (one large
 * constructor deoptimised: drivers cost 3–5× the engine at a million rows).
 */
export class DriverBook {
  /** Column key (a measure, or a bridge column: see bridgeKeys) → its first sum's offset for a member. */
  private readonly columnAt = new Map<string, number>();
  /** Why KPIs with a bridge get none (no column of that role, or products are the entities); null: they do. */
  readonly bridgeMissing: "quantity" | "product" | null;
  private readonly dims: DimensionSums[] = [];
  /** Where last year's sums are: with year periods last year is the previous period. */
  private readonly lastYearAt: number;
  /** Period (NOW, PREVIOUS, LAST_YEAR) of each listed row. */
  private readonly period: Uint8Array;
  /** Listed rows are ordered by leaf group: those of leaf group g are rowStart[g] .. rowStart[g + 1] − 1. */
  private readonly rowStart: Int32Array;
  /** Per level, the leaf groups under each group: leaves[l][leafStart[l][g] ..]. */
  private readonly leaves: Int32Array[] = [];
  private readonly leafStart: Int32Array[] = [];
  /** The entity whose sums are loaded ("level:group"). */
  private loaded = "";
  private scratch: Scratch = { contribution: new Float64Array(64), rate: new Float64Array(64) };

  constructor(
    private readonly agg: SalesAggregate,
    options: MeasureOptions,
    specs: readonly DriverSpec[],
    asOf: number,
    groupBy: DimensionRole,
  ) {
    const wanted = new Set<Measure>();
    const bridged = new Set<Measure>();
    for (const spec of specs) {
      if (spec.kind === "sum") wanted.add(spec.measure);
      if (spec.kind === "sum" && spec.bridge) bridged.add(spec.measure);
      if (spec.kind === "ratio") (wanted.add(spec.numerator), wanted.add(spec.denominator));
      if (spec.kind === "distinct") wanted.add("rows");
    }
    const data = agg.data;
    const quantity = data.numbers.quantity;
    this.bridgeMissing =
      groupBy === "product" || !data.labels.product ? "product" : quantity === undefined ? "quantity" : null;
    const periods = agg.periods;
    const lastYear = samePeriodLastYear(periods.baseKey + asOf, periods.spec) - periods.baseKey;
    this.lastYearAt = lastYear === asOf - 1 ? PREVIOUS : LAST_YEAR;
    const levels = agg.hierarchy.levels;
    const listed = rowsInPeriods(agg, asOf, lastYear, levels[0].names.length);
    this.rowStart = listed.start;
    this.period = listed.period;
    const rows = listed.rows;
    // Each measure read once for the listed rows, in their order (the sums then read them in sequence).
    const columns: Float64Array[] = [];
    const addColumnAs = (key: string, column: Float64Array) => {
      this.columnAt.set(key, columns.length * 3);
      columns.push(column);
    };
    for (const m of wanted) {
      const column = measureColumn(data, options, m, rows, rows.length);
      if (column) addColumnAs(m, column);
    }
    // The bridge's columns come last: only the product dimension sums them.
    const measureColumns = columns.length;
    for (const m of bridged) {
      const at = this.columnAt.get(m);
      if (!quantity || this.bridgeMissing || at === undefined) continue;
      const amount = columns[at / 3];
      const both = bridgeColumns(amount, quantity, rows);
      addColumnAs(bridgeKeys(m).priced, both.priced);
      addColumnAs(bridgeKeys(m).quantity, both.quantity);
    }
    // Each leaf group's group at every level, and the leaf groups under each group.
    let ancestor: Int32Array = Int32Array.from({ length: levels[0].names.length }, (_, g) => g);
    for (let l = 0; l < levels.length; l++) {
      if (l > 0) ancestor = gather(levels[l - 1].parent!, ancestor, ancestor.length);
      const under = countingSort(ancestor, levels[l].names.length);
      this.leaves.push(under.order);
      this.leafStart.push(under.start);
    }
    for (const dimension of DRIVER_DIMENSIONS) {
      const column = dimension === groupBy ? undefined : data.labels[dimension];
      if (!column) continue;
      const members = column.values.length + 1; // the last one is blank
      const own = dimension === "product" ? columns : columns.slice(0, measureColumns);
      this.dims.push({
        dimension,
        names: column.values,
        columns: own,
        width: own.length * 3,
        member: memberCodes(column.codes, rows, members - 1),
        sums: new Float64Array(members * own.length * 3),
        touched: new Int32Array(members),
        count: 0,
        seen: new Uint8Array(members),
      });
    }
  }

  /** Sums the rows of one entity per member of each dimension (all the KPIs of the entity then read them). */
  private load(view: CellView): void {
    const key = `${view.level}:${view.group}`;
    if (key === this.loaded) return;
    this.loaded = key;
    const leaves = this.leaves[view.level];
    const leafStart = this.leafStart[view.level];
    for (const dim of this.dims) {
      clearTouched(dim.sums, dim.width, dim.touched, dim.count, dim.seen);
      dim.count = 0;
      for (let x = leafStart[view.group]; x < leafStart[view.group + 1]; x++) {
        const leaf = leaves[x];
        const from = this.rowStart[leaf];
        const to = this.rowStart[leaf + 1];
        dim.count = touch(dim.member, from, to, dim.touched, dim.count, dim.seen);
        addColumns(dim.sums, dim.width, dim.member, this.period, from, to, dim.columns);
      }
    }
  }

  /**
   * The drivers of one KPI of one entity in the scored period, given its actual now and a way to
   * compute its actual in an earlier period (null when not available there: no comparison).
   */
  driversOf(view: CellView, spec: DriverSpec, now: number, valueAt: (earlier: CellView) => number | null): KpiDrivers {
    this.load(view);
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
      const { touched, sums, width: w, count: n } = dim;
      if (this.scratch.contribution.length < n)
        this.scratch = { contribution: new Float64Array(n), rate: new Float64Array(n) };
      const { contribution, rate } = this.scratch;
      const blank = dim.names.length;
      if (spec.kind === "sum") {
        const m = at(spec.measure);
        for (let j = 0; j < n; j++) {
          const b = touched[j] * w + m;
          contribution[j] = sums[b + NOW] - sums[b + t];
        }
      } else if (spec.kind === "distinct") {
        const m = at("rows");
        for (let j = 0; j < n; j++) {
          const b = touched[j] * w + m;
          // A blank customer is nobody.
          contribution[j] = touched[j] === blank ? 0 : (sums[b + NOW] > 0 ? 1 : 0) - (sums[b + t] > 0 ? 1 : 0);
        }
      } else {
        const num = at(spec.numerator);
        const den = at(spec.denominator);
        const total1 = view.sum(spec.denominator);
        const total0 = earlier.sum(spec.denominator);
        for (let j = 0; j < n; j++) {
          const b = touched[j] * w;
          const n1 = sums[b + num + NOW];
          const n0 = sums[b + num + t];
          const d1 = sums[b + den + NOW];
          const d0 = sums[b + den + t];
          contribution[j] = n1 / total1 - n0 / total0;
          rate[j] = d0 !== 0 && d1 !== 0 ? (n1 / d1 - n0 / d0) * ((d0 / total0 + d1 / total1) / 2) : 0;
        }
      }
      const name = (j: number) => (touched[j] === blank ? BLANK_ENTITY : dim.names[touched[j]]);
      by[dim.dimension] = listed(n, contribution, spec.kind === "ratio" ? rate : null, name, change);
    }
    const comparison: DriverComparison = { period: earlier.periodLabel, change, by };
    if (spec.kind === "sum" && spec.bridge) {
      const bridge = this.bridge(view, t, spec.measure);
      if (bridge) comparison.bridge = bridge;
    }
    return comparison;
  }

  /** Price / volume / mix of a sum by product (bridge.ts), from the loaded entity's product sums. */
  private bridge(view: CellView, t: number, amount: Measure): PriceVolumeMix | null {
    const keys = bridgeKeys(amount);
    const a = this.columnAt.get(amount);
    const p = this.columnAt.get(keys.priced);
    const q = this.columnAt.get(keys.quantity);
    const dim = this.dims.find((d) => d.dimension === "product");
    if (a === undefined || p === undefined || q === undefined || !dim) return null;
    const { touched, sums, width, count: n } = dim;
    const side = (period: number): BridgeSide => {
      const out = { amount: new Float64Array(n), pricedAmount: new Float64Array(n), quantity: new Float64Array(n) };
      for (let j = 0; j < n; j++) {
        const b = touched[j] * width + period;
        out.amount[j] = sums[b + a];
        out.pricedAmount[j] = sums[b + p];
        out.quantity[j] = sums[b + q];
      }
      return out;
    };
    return priceVolumeMix(side(NOW), side(t), n);
  }
}

/**
 * The rows of the scored (NOW), previous (PREVIOUS) and last year's (LAST_YEAR) periods, ordered by
 * leaf group (a counting sort): those of group g are rows[start[g] .. start[g + 1] − 1].
 */
function rowsInPeriods(agg: SalesAggregate, asOf: number, lastYear: number, groups: number) {
  const rowPeriod = agg.periods.rowPeriod;
  const rowCell = agg.grid.rowCell;
  const rowGroup = agg.hierarchy.rowGroup;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < rowPeriod.length; i++) {
    const p = rowPeriod[i];
    if ((p === asOf || p === asOf - 1 || p === lastYear) && rowCell[i] >= 0) start[rowGroup[i] + 1]++;
  }
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const rows = new Int32Array(start[groups]);
  const period = new Uint8Array(start[groups]);
  for (let i = 0; i < rowPeriod.length; i++) {
    const p = rowPeriod[i];
    if (rowCell[i] < 0) continue;
    const t = p === asOf ? NOW : p === asOf - 1 ? PREVIOUS : p === lastYear ? LAST_YEAR : -1;
    if (t < 0) continue;
    const x = next[rowGroup[i]]++;
    rows[x] = i;
    period[x] = t;
  }
  return { rows, period, start };
}

/** The extra columns a bridged amount needs: itself where the row has a quantity, the quantity where it has the amount. */
function bridgeKeys(amount: Measure) {
  return { priced: `${amount}@quantity`, quantity: `quantity@${amount}` };
}

/** A bridged amount on the listed rows that have a quantity, and the quantity on those with the amount (else NaN). */
function bridgeColumns(amount: Float64Array, quantity: Float64Array, rows: Int32Array) {
  const priced = new Float64Array(rows.length);
  const units = new Float64Array(rows.length);
  for (let x = 0; x < rows.length; x++) {
    const a = amount[x];
    const q = quantity[rows[x]];
    const both = a === a && q === q;
    priced[x] = both ? a : NaN;
    units[x] = both ? q : NaN;
  }
  return { priced, quantity: units };
}

/** The member code of each listed row; a blank label (code −1) becomes `blank`. */
function memberCodes(codes: Int32Array, rows: Int32Array, blank: number): Int32Array {
  const out = new Int32Array(rows.length);
  for (let x = 0; x < rows.length; x++) {
    const code = codes[rows[x]];
    out[x] = code < 0 ? blank : code;
  }
  return out;
}

/** values[at[h]] for h < n. */
function gather(values: Int32Array, at: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let h = 0; h < n; h++) out[h] = values[at[h]];
  return out;
}

/** Items 0 .. n − 1 ordered by key (stable): the items of key k are order[start[k] .. start[k + 1] − 1]. */
function countingSort(key: Int32Array, keys: number) {
  const start = new Int32Array(keys + 1);
  for (let x = 0; x < key.length; x++) start[key[x] + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const next = start.slice(0, keys);
  const order = new Int32Array(key.length);
  for (let x = 0; x < key.length; x++) order[next[key[x]]++] = x;
  return { order, start };
}

/** Marks the members of listed rows from .. to − 1 not seen yet as touched; returns the new count. */
function touch(
  member: Int32Array,
  from: number,
  to: number,
  touched: Int32Array,
  count: number,
  seen: Uint8Array,
): number {
  for (let x = from; x < to; x++) {
    const m = member[x];
    if (seen[m] === 0) {
      seen[m] = 1;
      touched[count++] = m;
    }
  }
  return count;
}

/** Zeroes the sums of the touched members and forgets them. */
function clearTouched(sums: Float64Array, width: number, touched: Int32Array, count: number, seen: Uint8Array): void {
  for (let j = 0; j < count; j++) {
    const m = touched[j];
    seen[m] = 0;
    sums.fill(0, m * width, (m + 1) * width);
  }
}

/** Adds the columns' values (NaN: none) of listed rows from .. to − 1 into sums[member × width + 3k + period]. */
function addColumns(
  sums: Float64Array,
  width: number,
  member: Int32Array,
  period: Uint8Array,
  from: number,
  to: number,
  columns: Float64Array[],
): void {
  const n = columns.length;
  for (let x = from; x < to; x++) {
    const b = member[x] * width + period[x];
    for (let k = 0; k < n; k++) {
      const v = columns[k][x];
      if (v === v) sums[b + k * 3] += v;
    }
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
