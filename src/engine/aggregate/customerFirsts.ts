import type { CellGrid } from "./cellGrid";

/**
 * New customers per cell at every level. A customer's first transaction is its earliest dated row over
 * the whole data set (ties: the row higher in the sheet); it counts once, for the entity and period of
 * that row, and so once for each of that entity's parents.
 */
export interface NewCustomerCounts {
  perLevel: Int32Array[];
  /** Customers first seen in the first period of the data: they may have bought before it. */
  unprovable: number;
}

export function countNewCustomers(
  customerCodes: Int32Array,
  nCustomers: number,
  dates: Float64Array,
  rowPeriod: Int32Array,
  grid: CellGrid,
  firstDataPeriod: number,
): NewCustomerCounts {
  const firstRow = new Int32Array(nCustomers).fill(-1);
  for (let i = 0; i < customerCodes.length; i++) {
    const k = customerCodes[i];
    if (k < 0 || rowPeriod[i] < 0) continue;
    const f = firstRow[k];
    if (f < 0 || dates[i] < dates[f]) firstRow[k] = i;
  }
  const leaf = new Int32Array(grid.levels[0].nCells);
  let unprovable = 0;
  for (let k = 0; k < nCustomers; k++) {
    const row = firstRow[k];
    if (row < 0) continue;
    leaf[grid.rowCell[row]]++;
    if (rowPeriod[row] === firstDataPeriod) unprovable++;
  }
  const perLevel = [leaf];
  for (let l = 1; l < grid.levels.length; l++) {
    const child = grid.levels[l - 1];
    const counts = new Int32Array(grid.levels[l].nCells);
    const from = perLevel[l - 1];
    for (let c = 0; c < child.nCells; c++) counts[child.parentCell![c]] += from[c];
    perLevel.push(counts);
  }
  return { perLevel, unprovable };
}
