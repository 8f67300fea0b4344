import { periodLabel } from "../periods";
import type { DimensionRole, PeriodSpec, SalesData } from "../types";
import { buildCellGrid, type CellGrid } from "./cellGrid";
import { countNewCustomers, type NewCustomerCounts } from "./customerFirsts";
import { distinctPerCell, rollUpSets, type CellSets } from "./distinctPerCell";
import { buildHierarchy, type Hierarchy } from "./hierarchy";
import { accumulateMeasures, MEASURES, TIER_FIELDS, type LevelMeasures, type MeasureOptions } from "./measures";
import { buildPeriodGrid, type PeriodGrid } from "./periodGrid";

export interface AggregateOptions {
  spec: PeriodSpec;
  groupBy: DimensionRole;
  rollup: DimensionRole[];
  /** Period keys that must be on the grid even without rows (e.g. an asOf outside the data). */
  extraKeys?: number[];
  measures: MeasureOptions;
  /** Distinct-customer and distinct-order tracking cost a few passes: only when a KPI needs them. */
  customers: boolean;
  orders: boolean;
  /** Distinct customers of marked rows (1), per key (a KPI id), e.g. customers who bought a new product. */
  customerSubsets?: ReadonlyMap<string, Uint8Array>;
}

/** Distinct keys per cell, one CellSets per level (leaf first). */
export type LevelSets = CellSets[];

/** Everything the KPIs read, for every entity at every level and every period. */
export interface SalesAggregate {
  data: SalesData;
  periods: PeriodGrid;
  hierarchy: Hierarchy;
  grid: CellGrid;
  measures: LevelMeasures[];
  customers: LevelSets | null;
  newCustomers: NewCustomerCounts | null;
  /** Distinct customers of the marked rows, per key of AggregateOptions.customerSubsets. */
  customerSubsets: ReadonlyMap<string, LevelSets>;
  orders: LevelSets | null;
  /** Keys order × 4 + (status − 1), for won/lost/cancelled/open counted by distinct order. */
  orderStatuses: LevelSets | null;
  /** Currency codes of rows carrying a money amount. */
  currencies: LevelSets | null;
  /** Whole-data average margin per unit of basis, per margin-mix tier slot (null when no cost is known). */
  tierMargins: Array<number | null>;
  /** Label of each period on the grid, made once (history repeats them a million times). */
  periodLabels: string[];
  /** Scratch marks for set intersections (retention). */
  stamp: Int32Array;
  stampId: { value: number };
}

const MONEY_ROLES = ["revenue", "cost", "collected", "receivable", "bad_debt", "expense"] as const;

export function aggregateSales(data: SalesData, options: AggregateOptions): SalesAggregate {
  const periods = buildPeriodGrid(data.dates, data.length, options.spec, options.extraKeys);
  const hierarchy = buildHierarchy(data, options.groupBy, options.rollup);
  const grid = buildCellGrid(hierarchy, periods);
  const measures = accumulateMeasures(data, grid, options.measures);

  const customerColumn = data.labels.customer;
  const customers =
    options.customers && customerColumn ? levelSets(grid, customerColumn.codes, customerColumn.values.length) : null;
  const newCustomers =
    options.customers && customerColumn
      ? countNewCustomers(
          customerColumn.codes,
          customerColumn.values.length,
          data.dates,
          periods.rowPeriod,
          grid,
          periods.firstDataPeriod,
        )
      : null;

  const customerSubsets = new Map<string, LevelSets>();
  for (const [key, marked] of options.customerSubsets ?? []) {
    if (!customerColumn) break;
    const keys = new Int32Array(data.length);
    for (let i = 0; i < data.length; i++) keys[i] = marked[i] === 1 ? customerColumn.codes[i] : -1;
    customerSubsets.set(key, levelSets(grid, keys, customerColumn.values.length));
  }

  const orderColumn = data.labels.order_id;
  const orders = options.orders && orderColumn ? levelSets(grid, orderColumn.codes, orderColumn.values.length) : null;
  let orderStatuses: LevelSets | null = null;
  if (options.orders && orderColumn && data.status) {
    const keys = new Int32Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const s = data.status[i];
      const o = orderColumn.codes[i];
      keys[i] = o >= 0 && s >= 1 && s <= 4 ? o * 4 + s - 1 : -1;
    }
    orderStatuses = levelSets(grid, keys, orderColumn.values.length * 4);
  }

  const currencyColumn = data.labels.currency;
  let currencies: LevelSets | null = null;
  if (currencyColumn) {
    const money = MONEY_ROLES.map((r) => data.numbers[r]).filter((c): c is Float64Array => c !== undefined);
    const keys = new Int32Array(data.length);
    for (let i = 0; i < data.length; i++) {
      let hasMoney = false;
      for (let m = 0; m < money.length && !hasMoney; m++) hasMoney = money[m][i] === money[m][i];
      keys[i] = hasMoney ? currencyColumn.codes[i] : -1;
    }
    currencies = levelSets(grid, keys, currencyColumn.values.length);
  }

  return {
    data,
    periods,
    hierarchy,
    grid,
    measures,
    customers,
    newCustomers,
    customerSubsets,
    orders,
    orderStatuses,
    currencies,
    tierMargins: tierMargins(measures[measures.length - 1], options.measures.tierSlots),
    periodLabels: Array.from({ length: periods.nPeriods }, (_, p) => periodLabel(periods.baseKey + p, options.spec)),
    stamp: new Int32Array(customerColumn ? customerColumn.values.length : 0),
    stampId: { value: 0 },
  };
}

function levelSets(grid: CellGrid, rowKeys: Int32Array, nKeys: number): LevelSets {
  const sets = [distinctPerCell(grid.rowCell, rowKeys, grid.levels[0].nCells, nKeys)];
  for (let l = 1; l < grid.levels.length; l++) {
    sets.push(rollUpSets(sets[l - 1], grid.levels[l - 1].parentCell!, grid.levels[l].nCells, nKeys));
  }
  return sets;
}

/** From the total level, summed over all periods: (revenue − cost) / basis of rows that have a cost. */
function tierMargins(total: LevelMeasures, slots: number): Array<number | null> {
  const out: Array<number | null> = [];
  const cells = total.sums.length / total.stride;
  for (let s = 0; s < slots; s++) {
    let profit = 0;
    let basis = 0;
    for (let c = 0; c < cells; c++) {
      const t = c * total.stride + MEASURES.length + s * TIER_FIELDS;
      profit += total.sums[t + 1];
      basis += total.sums[t + 2];
    }
    out.push(basis !== 0 ? profit / basis : null);
  }
  return out;
}
