/**
 * The one way column overrides are stored in the workbook and read back, used by Save (task pane)
 * and Apply (runScorecard): by header, so a moved column is still found, with the column index as
 * the tie-breaker when several columns carry the same header. null means "not mapped" on purpose.
 */
import type { Role } from "../engine/types";
import type { StoredOverride, StoredSettings } from "./contract";

/** Overrides as the pane holds them (column index, or header text from older settings; null = unmapped). */
export type ColumnOverrides = Partial<Record<Role, string | number | null>>;

/** role → {header, index} (or null) for the headers the source has now. */
export function encodeOverrides(overrides: ColumnOverrides, headers: readonly string[]): StoredSettings["overrides"] {
  const stored: Partial<Record<Role, StoredOverride>> = {};
  for (const [role, value] of Object.entries(overrides) as Array<[Role, string | number | null | undefined]>) {
    if (value === undefined) continue;
    if (value === null) stored[role] = null;
    else if (typeof value === "number") stored[role] = { header: headers[value] ?? "", index: value };
    else stored[role] = { header: value, index: headers.indexOf(value) };
  }
  return stored;
}

/**
 * role → column index in `headers`. A stored header no longer in the source is left out and named in
 * `lost`, so the pane can say which choices could not be restored (never mapped to another column).
 */
export function decodeOverrides(
  stored: StoredSettings["overrides"],
  headers: readonly string[],
): { overrides: Partial<Record<Role, number | null>>; lost: Role[] } {
  const overrides: Partial<Record<Role, number | null>> = {};
  const lost: Role[] = [];
  for (const [role, value] of Object.entries(stored ?? {}) as Array<[Role, StoredOverride | undefined]>) {
    if (value === undefined) continue;
    const index = value === null ? null : columnOf(value, headers);
    if (index === undefined) lost.push(role);
    else overrides[role] = index;
  }
  return { overrides, lost };
}

function columnOf(value: Exclude<StoredOverride, null>, headers: readonly string[]): number | undefined {
  // Settings saved before the codec: a bare index or a bare header.
  if (typeof value === "number") return value >= 0 && value < headers.length ? value : undefined;
  const { header, index } = typeof value === "string" ? { header: value, index: -1 } : value;
  const matches: number[] = [];
  headers.forEach((h, i) => h === header && matches.push(i));
  if (matches.length === 0) return undefined;
  // The same header twice: the column nearest to where it was.
  return matches.reduce((best, i) => (Math.abs(i - index) < Math.abs(best - index) ? i : best));
}
