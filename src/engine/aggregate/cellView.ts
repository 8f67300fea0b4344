import { periodLabel, samePeriodLastYear } from "../periods";
import { DEAL_STATUSES, type DealStatus } from "../types";
import { setSize } from "./distinctPerCell";
import { MEASURE_INDEX, MEASURES, TIER_FIELDS, type Measure } from "./measures";
import type { SalesAggregate } from "./salesAggregate";

/**
 * What a KPI reads: the sums and distinct counts of one entity (at one level) in one period.
 * An entity with no rows in the period reads as zero sums with no values (rows = 0).
 */
export class CellView {
  /** Cell index, -1 when the entity has no rows in this period. */
  readonly cell: number;

  constructor(
    readonly agg: SalesAggregate,
    readonly level: number,
    readonly group: number,
    /** Index on the period grid; may lie outside it (then nothing is there). */
    readonly period: number,
  ) {
    const P = agg.periods.nPeriods;
    this.cell = period >= 0 && period < P ? agg.grid.levels[level].cellOf[group * P + period] : -1;
  }

  get entity(): string {
    return this.agg.hierarchy.levels[this.level].names[this.group];
  }

  get periodKey(): number {
    return this.agg.periods.baseKey + this.period;
  }

  get periodLabel(): string {
    const onGrid = this.agg.periodLabels[this.period];
    return onGrid !== undefined ? onGrid : periodLabel(this.periodKey, this.agg.periods.spec);
  }

  get rows(): number {
    return this.sum("rows");
  }

  /** Inside the span of periods the data covers (before it nothing can be known). */
  get inData(): boolean {
    const p = this.agg.periods;
    return p.firstDataPeriod >= 0 && this.period >= p.firstDataPeriod && this.period <= p.lastDataPeriod;
  }

  get isFirstDataPeriod(): boolean {
    return this.period === this.agg.periods.firstDataPeriod;
  }

  sum(m: Measure): number {
    return this.read(this.agg.measures[this.level].sums, MEASURE_INDEX[m]);
  }

  /** How many rows contributed a value (blank is not zero). */
  count(m: Measure): number {
    return this.read(this.agg.measures[this.level].counts, MEASURE_INDEX[m]);
  }

  /** Margin-mix tier slot: field 0 basis, 1 Σ(revenue − cost), 2 basis of rows with a cost. */
  tier(slot: number, field: 0 | 1 | 2): number {
    return this.read(this.agg.measures[this.level].sums, MEASURES.length + slot * TIER_FIELDS + field);
  }

  activeCustomers(): number {
    return this.agg.customers ? setSize(this.agg.customers[this.level], this.cell) : 0;
  }

  /** Distinct customers of the rows marked under `key` (AggregateOptions.customerSubsets); 0 when not tracked. */
  customersOf(key: string): number {
    const sets = this.agg.customerSubsets.get(key);
    return sets ? setSize(sets[this.level], this.cell) : 0;
  }

  newCustomers(): number {
    const counts = this.agg.newCustomers;
    return counts && this.cell >= 0 ? counts.perLevel[this.level][this.cell] : 0;
  }

  /** Customers active in `earlier` (same entity) who are active again here. */
  retainedFrom(earlier: CellView): number {
    const sets = this.agg.customers?.[this.level];
    if (!sets || this.cell < 0 || earlier.cell < 0) return 0;
    const stamp = this.agg.stamp;
    const id = ++this.agg.stampId.value;
    for (let j = sets.start[earlier.cell]; j < sets.start[earlier.cell + 1]; j++) stamp[sets.keys[j]] = id;
    let retained = 0;
    for (let j = sets.start[this.cell]; j < sets.start[this.cell + 1]; j++) if (stamp[sets.keys[j]] === id) retained++;
    return retained;
  }

  distinctOrders(): number {
    return this.agg.orders ? setSize(this.agg.orders[this.level], this.cell) : 0;
  }

  /** Deals with a status, counted by distinct order when order ids are mapped, else by row. */
  deals(status: Exclude<DealStatus, "unknown">): number {
    const s = DEAL_STATUSES.indexOf(status);
    const sets = this.agg.orderStatuses?.[this.level];
    if (!sets) return this.sum(status);
    if (this.cell < 0) return 0;
    let n = 0;
    for (let j = sets.start[this.cell]; j < sets.start[this.cell + 1]; j++) if ((sets.keys[j] & 3) === s - 1) n++;
    return n;
  }

  /** Currency codes among rows with money amounts (empty when the currency role is unmapped). */
  currencies(): string[] {
    const sets = this.agg.currencies?.[this.level];
    const names = this.agg.data.labels.currency?.values;
    if (!sets || !names || this.cell < 0) return [];
    const out: string[] = [];
    for (let j = sets.start[this.cell]; j < sets.start[this.cell + 1]; j++) out.push(names[sets.keys[j]]);
    return out.sort();
  }

  previous(): CellView {
    return new CellView(this.agg, this.level, this.group, this.period - 1);
  }

  lastYear(): CellView {
    const key = samePeriodLastYear(this.periodKey, this.agg.periods.spec);
    return new CellView(this.agg, this.level, this.group, key - this.agg.periods.baseKey);
  }

  private read(array: Float64Array | Int32Array, field: number): number {
    return this.cell < 0 ? 0 : array[this.cell * this.agg.measures[this.level].stride + field];
  }
}
