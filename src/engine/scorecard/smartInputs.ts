import { rolesOfKpi } from "../kpis";
import type { SmartInput } from "../templates";
import type { Role, ScorecardRow } from "../types";
import type { KpiPlan } from "./planTargets";

/** What the SMART check (templates/smartCheck.ts) needs to know about one template KPI after a run. */
export function smartInput(
  plan: KpiPlan,
  totalRow: ScorecardRow | undefined,
  pastActuals: number[],
  roleHasValues: (role: Role) => boolean,
): SmartInput {
  const required: Role[] = plan.def ? ["date", ...rolesOfKpi(plan.def, plan.tk)] : [];
  return {
    kpi: plan.tk.kpi,
    hasDefinition: plan.def !== undefined,
    requiredRoles: required,
    missingRoles: plan.missingRoles,
    rolesWithoutValues: required.filter((r) => !plan.missingRoles.includes(r) && !roleHasValues(r)),
    target: totalRow?.kpis[plan.tk.kpi]?.target ?? null,
    pastActuals,
    weight: plan.tk.weight,
  };
}
