/**
 * Turns detections plus the user's corrections into the mapping the loader uses.
 *
 * overrides: role → header text (exact, else compared after folding: case, diacritics, units),
 * or 0-based column index, or null to remove the role. A column the user assigns is taken away
 * from any automatically detected role; two roles the user maps to one column (margin_tier and
 * category, say) keep it. Unknown headers or indexes give a message in `errors` naming the
 * header and listing the headers seen; the detected mapping for that role is then kept.
 */
import { ROLES, type ColumnMapping, type Role, type RoleDetection } from "../types";
import { foldHeader } from "./foldHeader";

export function resolveMapping(
  headers: string[],
  detections: RoleDetection[],
  overrides?: Partial<Record<Role, string | number | null>>,
): { mapping: ColumnMapping; detections: RoleDetection[]; errors: string[] } {
  const byRole = new Map<Role, RoleDetection>();
  for (const d of detections) byRole.set(d.role, d);
  const errors: string[] = [];
  const seen = headers.map((h, i) => (h === "" || h == null ? `(column ${i + 1})` : `"${h}"`)).join(", ");
  for (const role of ROLES) {
    if (!overrides || !(role in overrides)) continue;
    const wanted = overrides[role];
    if (wanted === null || wanted === undefined) {
      byRole.delete(role);
      continue;
    }
    const column = findColumn(headers, wanted);
    if (column < 0) {
      errors.push(
        typeof wanted === "number"
          ? `Column ${wanted + 1} for role "${role}" does not exist: the table has ${headers.length} columns (${seen}).`
          : `Column "${wanted}" for role "${role}" was not found. Headers seen: ${seen}.`,
      );
      continue;
    }
    for (const [other, d] of byRole) if (d.column === column && d.source !== "user") byRole.delete(other);
    byRole.set(role, { role, column, header: headers[column] ?? "", confidence: 1, source: "user" });
  }
  const mapping: ColumnMapping = {};
  const resolved = ROLES.filter((r) => byRole.has(r)).map((r) => byRole.get(r)!);
  for (const d of resolved) mapping[d.role] = d.column;
  return { mapping, detections: resolved, errors };
}

function findColumn(headers: string[], wanted: string | number): number {
  if (typeof wanted === "number")
    return Number.isInteger(wanted) && wanted >= 0 && wanted < headers.length ? wanted : -1;
  const exact = headers.findIndex((h) => h === wanted);
  if (exact >= 0) return exact;
  const trimmed = headers.findIndex((h) => String(h ?? "").trim() === wanted.trim());
  if (trimmed >= 0) return trimmed;
  const folded = foldHeader(wanted);
  return folded === "" ? -1 : headers.findIndex((h) => foldHeader(String(h ?? "")) === folded);
}
