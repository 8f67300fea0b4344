import type { TargetEntry } from "../types";

/**
 * Targets from the targets table, looked up by entity, period label and KPI column (all matched without
 * regard to case or surrounding spaces). An entry for the exact period wins over one for every period ("").
 */
export class TargetBook {
  private readonly entries = new Map<string, number>();

  constructor(targets: readonly TargetEntry[] = []) {
    for (const t of targets) {
      if (Number.isFinite(t.target)) this.entries.set(key(t.entity, t.period, t.kpi), t.target);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The target, or NaN when the table has none. */
  lookup(entity: string, period: string, column: string): number {
    if (this.entries.size === 0) return NaN; // most templates have no targets table: skip building keys
    return this.entries.get(key(entity, period, column)) ?? this.entries.get(key(entity, "", column)) ?? NaN;
  }
}

function key(entity: string, period: string, column: string): string {
  return `${entity.trim().toLowerCase()}\u0001${period.trim().toUpperCase()}\u0001${column.trim().toLowerCase()}`;
}
