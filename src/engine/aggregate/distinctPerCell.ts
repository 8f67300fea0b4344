/**
 * Distinct keys (customer, order, currency codes) per cell, in compressed form: the keys of cell c are
 * keys[start[c] .. start[c+1]). Built with a counting sort by cell and a stamp per key: O(items + cells + keys),
 * no strings and no per-item objects.
 */
export interface CellSets {
  start: Int32Array;
  keys: Int32Array;
}

/** Items with a negative cell or key are skipped. */
export function distinctPerCell(itemCell: Int32Array, itemKey: Int32Array, nCells: number, nKeys: number): CellSets {
  const n = itemCell.length;
  const start = new Int32Array(nCells + 1);
  for (let i = 0; i < n; i++) {
    if (itemCell[i] >= 0 && itemKey[i] >= 0) start[itemCell[i] + 1]++;
  }
  for (let c = 0; c < nCells; c++) start[c + 1] += start[c];
  const fill = start.slice(0, nCells);
  const sorted = new Int32Array(start[nCells]);
  for (let i = 0; i < n; i++) {
    const c = itemCell[i];
    if (c >= 0 && itemKey[i] >= 0) sorted[fill[c]++] = itemKey[i];
  }
  const stamp = new Int32Array(nKeys).fill(-1);
  const outStart = new Int32Array(nCells + 1);
  let w = 0;
  for (let c = 0; c < nCells; c++) {
    for (let j = start[c]; j < start[c + 1]; j++) {
      const k = sorted[j];
      if (stamp[k] !== c) {
        stamp[k] = c;
        sorted[w++] = k;
      }
    }
    outStart[c + 1] = w;
  }
  return { start: outStart, keys: sorted.slice(0, w) };
}

/** The sets of a parent level: each child cell's keys moved to its parent cell, then made distinct again. */
export function rollUpSets(child: CellSets, parentCell: Int32Array, nParentCells: number, nKeys: number): CellSets {
  const itemCell = new Int32Array(child.keys.length);
  for (let c = 0; c < parentCell.length; c++) {
    itemCell.fill(parentCell[c], child.start[c], child.start[c + 1]);
  }
  return distinctPerCell(itemCell, child.keys, nParentCells, nKeys);
}

export function setSize(sets: CellSets, cell: number): number {
  return cell < 0 ? 0 : sets.start[cell + 1] - sets.start[cell];
}
