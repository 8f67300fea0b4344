import type { SalesAggregate } from "../aggregate/salesAggregate";
import type { ScorecardRow } from "../types";

/**
 * Row order: depth first, each parent's children sorted by name and then the parent's subtotal row
 * (the way a sales manager reads a report with subtotals); the total last. `rowAt` is keyed `level:group`.
 */
export function appendInReadingOrder(agg: SalesAggregate, rowAt: Map<string, ScorecardRow>, out: ScorecardRow[]): void {
  const levels = agg.hierarchy.levels;
  const children: number[][][] = levels.map((level) => level.names.map(() => []));
  for (let l = 0; l < levels.length - 1; l++) {
    const parent = levels[l].parent!;
    for (let g = 0; g < parent.length; g++) children[l + 1][parent[g]].push(g);
  }
  const byName = (l: number) => (a: number, b: number) => levels[l].names[a].localeCompare(levels[l].names[b]);
  const visit = (l: number, g: number) => {
    if (l > 0) for (const child of [...children[l][g]].sort(byName(l - 1))) visit(l - 1, child);
    const row = rowAt.get(`${l}:${g}`);
    if (row) out.push(row);
  };
  visit(levels.length - 1, 0);
}
