/**
 * Bonus amounts (issue 13 §3): payout × the entity's bonus base, for the entities scored; each roll-up
 * row and the total carry the sum of their members' amounts (not payout × a summed base, which would
 * pay a region's average score on everyone's base). An entity without a base gets no amount and a
 * note: its bonus is unknown, never a silent 0.
 */
import type { HierarchyLevel } from "../aggregate/hierarchy";
import type { TargetBook } from "../kpis/targetBook";
import type { BonusSpec, DataNote, ScorecardRow } from "../types";

/**
 * Sets `bonus` on the asOf period's rows (keyed "level:group" as in computeScorecard) and returns the
 * notes on entities without a base. Rows of level 0 are the scored entities; higher levels are sums.
 */
export function addBonuses(
  rowAt: ReadonlyMap<string, ScorecardRow>,
  levels: readonly HierarchyLevel[],
  spec: BonusSpec,
  book: TargetBook,
  period: string,
): DataNote[] {
  const notes: DataNote[] = [];
  // Sums of each level's groups, filled from the level below; null until a member has an amount.
  let sums: Array<number | null> = levels[0].names.map(() => null);
  for (let l = 0; l < levels.length; l++) {
    const level = levels[l];
    const up: Array<number | null> = l + 1 < levels.length ? levels[l + 1].names.map(() => null) : [];
    for (let g = 0; g < level.names.length; g++) {
      const row = rowAt.get(`${l}:${g}`);
      if (!row) continue;
      let bonus: number | null;
      if (l === 0) {
        const base = "base" in spec ? spec.base : book.lookup(row.entity, period, spec.targetsColumn);
        if (!Number.isFinite(base)) notes.push(missingBase(row.entity, period, spec));
        bonus = row.payout !== null && Number.isFinite(base) ? row.payout * base : null;
      } else {
        bonus = sums[g];
      }
      row.bonus = bonus;
      if (bonus !== null && level.parent) {
        const p = level.parent[g];
        up[p] = (up[p] ?? 0) + bonus;
      }
    }
    sums = up;
  }
  return notes;
}

function missingBase(entity: string, period: string, spec: BonusSpec): DataNote {
  const column = "targetsColumn" in spec ? spec.targetsColumn : "";
  return {
    kind: "bonus_base_missing",
    column,
    value: entity,
    problem: `${entity} (${period}): no bonus base in the targets table's column "${column}"; no bonus amount is given for ${entity}, and the roll-up and total bonus sums leave it out`,
  };
}
