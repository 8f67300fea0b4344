import { listedSlot } from "../aggregate/cellGrid";
import type { SalesAggregate } from "../aggregate/salesAggregate";

/** A target per listed entity-period at each level: values[listedSlot(...)], NaN = none. */
export type LevelTargets = Float64Array[];

/** A level's own target for an entity-period, NaN when it has none. */
export type TargetSource = (level: number, group: number, period: number) => number;

/**
 * Resolves a target at every level, bottom-up. Each entity-period takes its own entry when there is one;
 * otherwise a parent of an additive KPI takes the sum of its children's targets (the children listed in
 * that period; none if any of them has no target), and everything else takes `fallback`.
 */
export function resolveLevelTargets(
  agg: SalesAggregate,
  own: TargetSource,
  fallback: TargetSource,
  sumChildren: boolean,
): LevelTargets {
  const P = agg.periods.nPeriods;
  const out: LevelTargets = [];
  const levels = agg.hierarchy.levels;
  for (let l = 0; l < levels.length; l++) {
    const cells = agg.grid.levels[l];
    const groups = levels[l].names.length;
    const values = new Float64Array(cells.nListed).fill(NaN);
    let childSums: Float64Array | null = null;
    if (l > 0 && sumChildren) {
      childSums = new Float64Array(cells.nListed);
      const child = agg.grid.levels[l - 1];
      const parentOf = levels[l - 1].parent!;
      const childValues = out[l - 1];
      for (let cg = 0; cg < parentOf.length; cg++) {
        const first = child.firstPeriod[cg];
        for (let p = first; p >= 0 && p < P; p++) {
          // A parent is listed from its earliest child on, so its slot exists; NaN poisons the sum, as it should.
          childSums[listedSlot(cells, parentOf[cg], p, P)] += childValues[listedSlot(child, cg, p, P)];
        }
      }
    }
    for (let g = 0; g < groups; g++) {
      for (let p = cells.firstPeriod[g]; p >= 0 && p < P; p++) {
        const slot = listedSlot(cells, g, p, P);
        const mine = own(l, g, p);
        values[slot] = mine === mine ? mine : childSums ? childSums[slot] : fallback(l, g, p);
      }
    }
    out.push(values);
  }
  return out;
}
