/**
 * Templates from the columns a sheet has (issue 12): how much of a template's weight the data
 * supports, and the templates ranked by it.
 */
import { getKpi, rolesOfKpi } from "./kpis";
import { rolesMissingFor } from "./roles";
import type { ColumnMapping, KpiId, Role, Template } from "./types";

export interface TemplateSupport {
  template: Template;
  /** Percent of the template's weight whose KPIs have their columns (0..100). */
  supportedWeight: number;
  /** The template's KPIs the data cannot compute, with the roles each lacks. */
  unsupported: Array<{ kpi: KpiId; missingRoles: Role[] }>;
  /** The date or grouping column is missing: the template gives no scorecard at all. */
  runnable: boolean;
}

/** How much of a template the mapped columns support. */
export function templateSupport(template: Template, mapping: ColumnMapping): TemplateSupport {
  const unsupported: TemplateSupport["unsupported"] = [];
  let supported = 0;
  let total = 0;
  for (const tk of template.kpis) {
    total += tk.weight;
    const def = getKpi(tk.kpi);
    const missingRoles = def ? rolesMissingFor(rolesOfKpi(def, tk), mapping) : [];
    if (def && missingRoles.length === 0) supported += tk.weight;
    else unsupported.push({ kpi: tk.kpi, missingRoles });
  }
  const runnable = rolesMissingFor(["date", template.groupBy], mapping).length === 0;
  return { template, supportedWeight: total > 0 ? (100 * supported) / total : 0, unsupported, runnable };
}

/** Templates ranked by supported weight (runnable first), ties in the given order. */
export function rankTemplates(templates: readonly Template[], mapping: ColumnMapping): TemplateSupport[] {
  return templates
    .map((t) => templateSupport(t, mapping))
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) => Number(b.s.runnable) - Number(a.s.runnable) || b.s.supportedWeight - a.s.supportedWeight || a.i - b.i,
    )
    .map(({ s }) => s);
}
