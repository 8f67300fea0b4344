import { NUMERIC_ROLES, type SalesData } from "../types";
import type { CellGrid } from "./cellGrid";

/**
 * Sums kept per cell. Ratios are never stored: KPIs divide sums at whatever level they are read.
 * Every numeric role is summed under its own name (a new numeric role needs nothing here).
 */
export const MEASURES = [
  "rows",
  ...NUMERIC_ROLES,
  /** Σ (revenue − cost) over rows with both. */
  "grossProfit",
  /** Revenue of rows flagged new; its count is rows with a readable flag and a revenue. */
  "newProductRevenue",
  /** Revenue of rows in a premium tier; its count is rows with a tier and a revenue. */
  "premiumRevenue",
  "won",
  "lost",
  "cancelled",
  "open",
] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_INDEX = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<Measure, number>;

/** Per margin-mix tier slot: basis, Σ(revenue − cost) and the basis of rows that have a cost. */
export const TIER_FIELDS = 3;

export interface MeasureOptions {
  /** Per margin_tier label code: 1 when it counts as premium. */
  premiumCodes: Uint8Array | null;
  /** Per margin_tier label code: the margin-mix tier slot, or -1. */
  tierSlotOfCode: Int32Array | null;
  tierSlots: number;
  mixBasis: "quantity" | "revenue";
}

/** Sums and counts of non-blank contributions, `stride` numbers per cell (blank is not zero). */
export interface LevelMeasures {
  stride: number;
  sums: Float64Array;
  counts: Int32Array;
}

/**
 * One pass over the rows fills the leaf cells; parents are then filled from their children's cells
 * (sums add up exactly because each entity has one parent).
 */
export function accumulateMeasures(data: SalesData, grid: CellGrid, options: MeasureOptions): LevelMeasures[] {
  const stride = MEASURES.length + TIER_FIELDS * options.tierSlots;
  const leafCells = grid.levels[0].nCells;
  const sums = new Float64Array(leafCells * stride);
  const counts = new Int32Array(leafCells * stride);
  const { revenue, quantity, cost } = data.numbers;
  // Each numeric column the data has, with where its sum goes.
  const roleColumns = NUMERIC_ROLES.flatMap((role) => {
    const column = data.numbers[role];
    return column ? [{ column, at: MEASURE_INDEX[role] }] : [];
  });
  const newProduct = data.newProduct;
  const status = data.status;
  const tierCodes = data.labels.margin_tier?.codes;
  const { premiumCodes, tierSlotOfCode } = options;
  const basisColumn = options.mixBasis === "quantity" ? quantity : revenue;
  const I = MEASURE_INDEX;
  const rowCell = grid.rowCell;

  for (let i = 0; i < data.length; i++) {
    const c = rowCell[i];
    if (c < 0) continue;
    const b = c * stride;
    sums[b + I.rows]++;
    counts[b + I.rows]++;
    for (let r = 0; r < roleColumns.length; r++) add(sums, counts, b + roleColumns[r].at, roleColumns[r].column[i]);
    const rev = revenue ? revenue[i] : NaN;
    const hasRev = rev === rev;
    const cst = cost ? cost[i] : NaN;
    if (hasRev && cst === cst) add(sums, counts, b + I.grossProfit, rev - cst);
    if (newProduct && hasRev) {
      const flag = newProduct[i];
      if (flag <= 1) add(sums, counts, b + I.newProductRevenue, flag === 1 ? rev : 0);
    }
    if (tierCodes) {
      const code = tierCodes[i];
      if (code >= 0) {
        if (premiumCodes && hasRev) add(sums, counts, b + I.premiumRevenue, premiumCodes[code] === 1 ? rev : 0);
        const slot = tierSlotOfCode ? tierSlotOfCode[code] : -1;
        if (slot >= 0 && basisColumn) {
          const basis = basisColumn[i];
          if (basis === basis) {
            const t = b + MEASURES.length + slot * TIER_FIELDS;
            add(sums, counts, t, basis);
            if (hasRev && cst === cst) {
              add(sums, counts, t + 1, rev - cst);
              add(sums, counts, t + 2, basis);
            }
          }
        }
      }
    }
    if (status) {
      const s = status[i];
      // DEAL_STATUSES: 1 won, 2 lost, 3 cancelled, 4 open.
      if (s >= 1 && s <= 4) add(sums, counts, b + I.won + s - 1, 1);
    }
  }

  const levels: LevelMeasures[] = [{ stride, sums, counts }];
  for (let l = 1; l < grid.levels.length; l++) {
    const child = levels[l - 1];
    const childCells = grid.levels[l - 1];
    const nCells = grid.levels[l].nCells;
    const pSums = new Float64Array(nCells * stride);
    const pCounts = new Int32Array(nCells * stride);
    for (let c = 0; c < childCells.nCells; c++) {
      const from = c * stride;
      const to = childCells.parentCell![c] * stride;
      for (let k = 0; k < stride; k++) {
        pSums[to + k] += child.sums[from + k];
        pCounts[to + k] += child.counts[from + k];
      }
    }
    levels.push({ stride, sums: pSums, counts: pCounts });
  }
  return levels;
}

function add(sums: Float64Array, counts: Int32Array, at: number, value: number): void {
  if (value === value) {
    sums[at] += value;
    counts[at]++;
  }
}

/**
 * The rows' contributions to a measure (NaN: the row gives it no value), by the same rules as the pass
 * above, for the rows listed in `rows[0 .. n − 1]`; the drivers of a change (engine/drivers) sum these per
 * customer, product or category. Null for measures that are not a sum of row amounts (deal counts,
 * tiers). One plain loop per measure: this runs over every row of three periods at a million rows.
 */
export function measureColumn(
  data: SalesData,
  options: MeasureOptions,
  m: Measure,
  rows: Int32Array,
  n: number,
): Float64Array | null {
  const out = new Float64Array(n);
  const { revenue, cost } = data.numbers;
  switch (m) {
    case "rows":
      out.fill(1);
      return out;
    case "grossProfit":
      if (!revenue || !cost) return out.fill(NaN);
      for (let h = 0; h < n; h++) out[h] = revenue[rows[h]] - cost[rows[h]];
      return out;
    case "newProductRevenue": {
      const flags = data.newProduct;
      if (!flags || !revenue) return out.fill(NaN);
      for (let h = 0; h < n; h++) {
        const i = rows[h];
        out[h] = flags[i] === 1 ? revenue[i] : flags[i] === 0 ? 0 * revenue[i] : NaN;
      }
      return out;
    }
    case "premiumRevenue": {
      const codes = data.labels.margin_tier?.codes;
      const premium = options.premiumCodes;
      if (!codes || !premium || !revenue) return out.fill(NaN);
      for (let h = 0; h < n; h++) {
        const i = rows[h];
        const code = codes[i];
        out[h] = code < 0 ? NaN : premium[code] === 1 ? revenue[i] : 0 * revenue[i];
      }
      return out;
    }
    default: {
      if (!(NUMERIC_ROLES as readonly string[]).includes(m)) return null;
      const column = data.numbers[m as (typeof NUMERIC_ROLES)[number]];
      if (!column) return out.fill(NaN);
      for (let h = 0; h < n; h++) out[h] = column[rows[h]];
      return out;
    }
  }
}
