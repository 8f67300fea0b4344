/**
 * Automatic column roles (product.md §2).
 *
 * Each column proposes at most one role:
 * - from its header (headerMatch.ts): exact synonym 0.95, partial 0.75. A partial match whose
 *   values contradict the role (a "number" role over text, a date role over non-dates, a flag
 *   or status role over other words) is dropped once there are at least 5 values to judge by;
 * - otherwise from its values alone: dates written as text (≥ 80%) → date 0.6; all date
 *   serials of 2000–2100 → date 0.5; deal statuses (≥ 80%) → status 0.6; currency codes
 *   (≥ 80%) → currency 0.6; booleans → new_product 0.5; yes/no words or 0/1 → new_product 0.3.
 *   Plain numbers say nothing (revenue and cost look alike), so such a column stays unknown.
 * Then roles go to the best proposals first (confidence, then specificity): one column per role,
 * one role per column; a proposal whose role is taken is left unknown.
 */
import { NUMERIC_ROLES, type Role, type RoleDetection, type SourceTable } from "../types";
import { EXACT_CONFIDENCE, matchHeader } from "./headerMatch";
import { profileColumn, type ValueProfile } from "./valueProfile";

interface Proposal {
  detection: RoleDetection;
  specificity: number;
}

const NUMERIC: ReadonlySet<Role> = new Set(NUMERIC_ROLES);
const MIN_VALUES_TO_OVERRULE = 5;

/** Non-blank values per column the detection looks at (it scans at most ten times as many rows). */
export const DETECTION_SAMPLE_ROWS = 200;

export function detectColumns(table: SourceTable, sampleRows = DETECTION_SAMPLE_ROWS): RoleDetection[] {
  const proposals: Proposal[] = [];
  table.headers.forEach((rawHeader, column) => {
    const header = rawHeader == null ? "" : String(rawHeader);
    const profile = profileColumn(table, column, sampleRows);
    const hit = matchHeader(header);
    if (hit && (hit.confidence >= EXACT_CONFIDENCE || valuesFit(hit.role, profile))) {
      proposals.push({
        detection: { role: hit.role, column, header, confidence: hit.confidence, source: "header" },
        specificity: hit.specificity,
      });
      return;
    }
    if (hit) return; // the header names a role the values contradict: leave the column alone
    const guess = roleFromValues(profile);
    if (guess)
      proposals.push({
        detection: { role: guess.role, column, header, confidence: guess.confidence, source: "values" },
        specificity: 0,
      });
  });
  proposals.sort(
    (a, b) =>
      b.detection.confidence - a.detection.confidence ||
      b.specificity - a.specificity ||
      a.detection.column - b.detection.column,
  );
  const taken = new Set<Role>();
  const chosen: RoleDetection[] = [];
  for (const p of proposals) {
    if (taken.has(p.detection.role)) continue;
    taken.add(p.detection.role);
    chosen.push(p.detection);
  }
  return chosen.sort((a, b) => a.column - b.column);
}

function share(count: number, p: ValueProfile): number {
  return p.nonBlank === 0 ? 0 : count / p.nonBlank;
}

/** Whether the sampled values allow a partial header match's role. */
function valuesFit(role: Role, p: ValueProfile): boolean {
  if (p.nonBlank < MIN_VALUES_TO_OVERRULE) return true;
  if (NUMERIC.has(role)) return share(p.numbers, p) >= 0.5;
  if (role === "date") return share(p.textDates + p.serials, p) >= 0.5;
  if (role === "new_product") return share(p.flags, p) >= 0.8;
  if (role === "status") return share(p.statuses, p) >= 0.5;
  return true;
}

function roleFromValues(p: ValueProfile): { role: Role; confidence: number } | null {
  if (p.nonBlank === 0) return null;
  if (share(p.textDates, p) >= 0.8) return { role: "date", confidence: 0.6 };
  if (p.serials === p.nonBlank) return { role: "date", confidence: 0.5 };
  if (share(p.statuses, p) >= 0.8 && p.flags < p.nonBlank) return { role: "status", confidence: 0.6 };
  if (share(p.currencies, p) >= 0.8) return { role: "currency", confidence: 0.6 };
  if (p.booleans === p.nonBlank) return { role: "new_product", confidence: 0.5 };
  if (p.flags === p.nonBlank) return { role: "new_product", confidence: 0.3 };
  return null;
}
