import type { Hierarchy } from "./hierarchy";
import type { PeriodGrid } from "./periodGrid";

/**
 * The (group, period) pairs of one level that hold rows, numbered compactly: measures are stored per
 * cell, so memory follows the rows present, not groups × periods.
 */
export interface LevelCells {
  nCells: number;
  /** group × nPeriods + period → cell, or -1 when that group has no rows in that period. */
  cellOf: Int32Array;
  cellGroup: Int32Array;
  cellPeriod: Int32Array;
  /** Cell → the parent's cell in the next level (same period); null for the total. */
  parentCell: Int32Array | null;
  /** Per group, the first period holding rows (-1 when none). */
  firstPeriod: Int32Array;
  /**
   * An entity is listed from its first period with rows to the end of the grid (a rep with no sale in
   * a month shows 0 for it). Its listed periods are numbered from listStart[group]: see `listedSlot`.
   */
  listStart: Int32Array;
  nListed: number;
}

/** Index of (group, period) among the level's listed entity-periods, or -1 when it is not listed. */
export function listedSlot(level: LevelCells, group: number, period: number, nPeriods: number): number {
  const first = level.firstPeriod[group];
  return first >= 0 && period >= first && period < nPeriods ? level.listStart[group] + period - first : -1;
}

export interface CellGrid {
  levels: LevelCells[];
  /** Leaf cell of every row; -1 for a row without a period. */
  rowCell: Int32Array;
}

export function buildCellGrid(hierarchy: Hierarchy, periods: PeriodGrid): CellGrid {
  const P = periods.nPeriods;
  const n = periods.rowPeriod.length;
  const rowCell = new Int32Array(n);
  const leafGroups = hierarchy.levels[0].names.length;
  const leaf = emptyLevel(leafGroups, P, Math.min(n, leafGroups * P));
  for (let i = 0; i < n; i++) {
    const p = periods.rowPeriod[i];
    rowCell[i] = p < 0 ? -1 : cellFor(leaf, hierarchy.rowGroup[i], p, P);
  }
  const levels = [finish(leaf, P)];
  for (let l = 1; l < hierarchy.levels.length; l++) {
    const child = levels[l - 1];
    const groupParent = hierarchy.levels[l - 1].parent!;
    const groups = hierarchy.levels[l].names.length;
    const level = emptyLevel(groups, P, Math.min(child.nCells, groups * P));
    const parentCell = new Int32Array(child.nCells);
    for (let c = 0; c < child.nCells; c++) {
      parentCell[c] = cellFor(level, groupParent[child.cellGroup[c]], child.cellPeriod[c], P);
    }
    child.parentCell = parentCell;
    levels.push(finish(level, P));
  }
  return { levels, rowCell };
}

function emptyLevel(groups: number, periods: number, maxCells: number): LevelCells {
  return {
    nCells: 0,
    cellOf: new Int32Array(groups * periods).fill(-1),
    cellGroup: new Int32Array(maxCells),
    cellPeriod: new Int32Array(maxCells),
    parentCell: null,
    firstPeriod: new Int32Array(groups).fill(-1),
    listStart: new Int32Array(groups + 1),
    nListed: 0,
  };
}

function cellFor(level: LevelCells, group: number, period: number, periods: number): number {
  const key = group * periods + period;
  let c = level.cellOf[key];
  if (c < 0) {
    c = level.cellOf[key] = level.nCells++;
    level.cellGroup[c] = group;
    level.cellPeriod[c] = period;
    if (level.firstPeriod[group] < 0 || period < level.firstPeriod[group]) level.firstPeriod[group] = period;
  }
  return c;
}

function finish(level: LevelCells, periods: number): LevelCells {
  level.cellGroup = level.cellGroup.slice(0, level.nCells);
  level.cellPeriod = level.cellPeriod.slice(0, level.nCells);
  const groups = level.firstPeriod.length;
  for (let g = 0; g < groups; g++) {
    const first = level.firstPeriod[g];
    level.listStart[g + 1] = level.listStart[g] + (first >= 0 ? periods - first : 0);
  }
  level.nListed = level.listStart[groups];
  return level;
}
