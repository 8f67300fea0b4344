/** Values derived from the pane state, recomputed on render (cheap: a template has under 20 KPIs). */
import { ROLES, type Role, type Template, type TemplateError } from "../../engine/types";
import { WEIGHT_SUM, WEIGHT_TOLERANCE } from "../../engine/templates/templateRules";
import type { MappingOverrides } from "./paneState";
import type { RoleDetection } from "../../engine/types";

/** Σ weights of the draft's KPIs, in percent; a valid template reaches exactly 100. */
export function weightTotal(template: Template | null): number {
  if (!template) return 0;
  let total = 0;
  for (const k of template.kpis) total += Number.isFinite(k.weight) ? k.weight : 0;
  // Weights such as 33.3 + 33.3 + 33.4 must read as 100, not 99.99999999999999.
  return Math.round(total * 1e6) / 1e6;
}

/** The engine's rule (templateRules): weights add up to 100 within its tolerance, so pane and validation agree. */
export function weightsComplete(template: Template | null): boolean {
  return template !== null && Math.abs(weightTotal(template) - WEIGHT_SUM) <= WEIGHT_TOLERANCE;
}

/** The column each role reads after the user's edits: override first, else detection. */
export function effectiveMapping(
  detections: RoleDetection[],
  overrides: MappingOverrides,
): Partial<Record<Role, number>> {
  const mapping: Partial<Record<Role, number>> = {};
  for (const d of detections) mapping[d.role] = d.column;
  for (const role of ROLES) {
    if (!(role in overrides)) continue;
    const column = overrides[role];
    if (column === null || column === undefined) delete mapping[role];
    else mapping[role] = column;
  }
  return mapping;
}

/** validateTemplate errors for one field path ("kpis[2].weight"), joined for a Field's message. */
export function errorFor(errors: TemplateError[], path: string): string | undefined {
  const found = errors.filter((e) => e.path === path);
  return found.length ? found.map((e) => e.message).join("; ") : undefined;
}

/** Errors that concern `path` or anything under it ("kpis[2]" covers "kpis[2].bands[0].min"). */
export function errorsUnder(errors: TemplateError[], path: string): TemplateError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(path + ".") || e.path.startsWith(path + "["));
}
