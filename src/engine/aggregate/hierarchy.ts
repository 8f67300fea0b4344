import type { DataNote, DimensionRole, SalesData } from "../types";

/** Name given to rows whose group-by or roll-up cell is blank (or whose role is not mapped). */
export const BLANK_ENTITY = "(blank)";
export const TOTAL_ENTITY = "Total";
export const TOTAL_LEVEL = "total";

/** One level of the roll-up chain: the group-by role, each roll-up role, then "total". */
export interface HierarchyLevel {
  level: string;
  names: string[];
  /** Group → its parent group in the next level up; null for the total. */
  parent: Int32Array | null;
}

export interface Hierarchy {
  /** Leaf level first, "total" last. */
  levels: HierarchyLevel[];
  /** Leaf group of every row. */
  rowGroup: Int32Array;
  notes: DataNote[];
}

/** Groups over this many (child × label) votes are counted in a Map instead of a dense array. */
const MAX_DENSE_VOTES = 1 << 22;

/**
 * Groups rows by `groupBy` and rolls each entity up to one parent per roll-up role: the label most of its
 * rows carry (ties go to the label seen first), so every row of an entity lands in the same parent and a
 * parent's sums are exactly the sums of its children.
 */
export function buildHierarchy(data: SalesData, groupBy: DimensionRole, rollup: DimensionRole[]): Hierarchy {
  const leaf = labelGroups(data, groupBy);
  const levels: HierarchyLevel[] = [{ level: groupBy, names: leaf.names, parent: null }];
  const notes: DataNote[] = [];
  let rowChild = leaf.rowGroup;
  for (const role of rollup) {
    const child = levels[levels.length - 1];
    const parentLabels = labelGroups(data, role);
    const parent = voteParents(rowChild, child.names.length, parentLabels, data.length);
    for (const [g, split] of parent.splits) {
      const counted = split.map(([label, n]) => `${parentLabels.names[label]} ${n}`).join(", ");
      const column = data.mapping[role];
      notes.push({
        kind: "ambiguous_parent",
        column: column !== undefined ? data.headers[column] : undefined,
        value: child.names[g],
        problem: `${child.names[g]} has rows in more than one ${role} (${counted}); rolled up under ${parentLabels.names[parent.parent[g]]}`,
      });
    }
    child.parent = parent.parent;
    levels.push({ level: role, names: parentLabels.names, parent: null });
    const next = new Int32Array(data.length);
    for (let i = 0; i < data.length; i++) next[i] = parent.parent[rowChild[i]];
    rowChild = next;
  }
  const top = levels[levels.length - 1];
  top.parent = new Int32Array(top.names.length); // every top group's parent is the total (group 0)
  levels.push({ level: TOTAL_LEVEL, names: [TOTAL_ENTITY], parent: null });
  return { levels, rowGroup: leaf.rowGroup, notes };
}

interface LabelGroups {
  names: string[];
  rowGroup: Int32Array;
}

/** Label codes become group indices; blank rows (or an unmapped role) share one extra "(blank)" group. */
function labelGroups(data: SalesData, role: DimensionRole): LabelGroups {
  const column = data.labels[role];
  if (!column) return { names: [BLANK_ENTITY], rowGroup: new Int32Array(data.length) };
  const names = column.values.slice();
  let blank = -1;
  const rowGroup = new Int32Array(data.length);
  const codes = column.codes;
  for (let i = 0; i < data.length; i++) {
    const code = codes[i];
    if (code >= 0) rowGroup[i] = code;
    else {
      if (blank < 0) {
        blank = names.length;
        names.push(BLANK_ENTITY);
      }
      rowGroup[i] = blank;
    }
  }
  return { names, rowGroup };
}

interface Parents {
  parent: Int32Array;
  /** Children whose rows carry several parent labels: (label, row count) pairs, most rows first. */
  splits: Array<[number, Array<[number, number]>]>;
}

function voteParents(rowChild: Int32Array, nChildren: number, labels: LabelGroups, length: number): Parents {
  const nLabels = labels.names.length;
  const blank = labels.names.indexOf(BLANK_ENTITY);
  const votes = new Map<number, number>();
  const dense = nChildren * nLabels <= MAX_DENSE_VOTES ? new Int32Array(nChildren * nLabels) : null;
  // Order of first appearance breaks ties, so the result does not depend on label codes.
  const firstSeen = new Int32Array(nChildren * (dense ? nLabels : 0)).fill(-1);
  for (let i = 0; i < length; i++) {
    const key = rowChild[i] * nLabels + labels.rowGroup[i];
    if (dense) {
      if (dense[key] === 0) firstSeen[key] = i;
      dense[key]++;
    } else votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  const perChild: Array<Array<[number, number, number]>> = Array.from({ length: nChildren }, () => []);
  if (dense) {
    for (let key = 0; key < dense.length; key++) {
      if (dense[key] > 0) perChild[Math.floor(key / nLabels)].push([key % nLabels, dense[key], firstSeen[key]]);
    }
  } else {
    let order = 0;
    for (const [key, n] of votes) perChild[Math.floor(key / nLabels)].push([key % nLabels, n, order++]);
  }
  const parent = new Int32Array(nChildren);
  const splits: Parents["splits"] = [];
  for (let g = 0; g < nChildren; g++) {
    const all = perChild[g];
    // A blank roll-up cell is no vote, unless every row of the entity is blank.
    const named = all.filter(([label]) => label !== blank);
    const candidates = (named.length > 0 ? named : all).sort((a, b) => b[1] - a[1] || a[2] - b[2]);
    if (candidates.length === 0) {
      parent[g] = blank >= 0 ? blank : 0;
      continue;
    }
    parent[g] = candidates[0][0];
    if (candidates.length > 1) splits.push([g, candidates.map(([label, n]) => [label, n] as [number, number])]);
  }
  return { parent, splits };
}
