import type { CellView } from "../aggregate/cellView";
import type { Direction, KpiId, KpiUnit, KpiValue, LocalizedText, Role, TemplateKpi } from "../types";

/** What a KPI's compute receives besides the entity-period it reads. */
export interface KpiContext {
  kpi: TemplateKpi;
  /** For KPIs measured against a plan or budget (plan_attainment, expense_vs_budget): that amount, or null. */
  reference: number | null;
  /** For margin_mix: each tier's target (amount or share, per the tier's targetKind), template order. */
  tierTargets: Array<number | null>;
}

/** One KPI of the catalogue (product.md §4): its metadata beside its formula. */
export interface KpiDefinition {
  id: KpiId;
  names: LocalizedText;
  definition: LocalizedText;
  /** Roles the formula reads (besides the date every period KPI needs). */
  roles: Role[];
  /** Roles that depend on the template's settings (margin mix basis); defaults to `roles`. */
  rolesFor?: (kpi: TemplateKpi) => Role[];
  direction: Direction;
  unit: KpiUnit;
  /** Reads money amounts, so a group mixing currencies cannot be computed. */
  money: boolean | ((kpi: TemplateKpi) => boolean);
  /** Its targets add up from children to parents (amounts and counts, not ratios). */
  additiveTarget: boolean;
  /** For plan/budget KPIs: the amount compared with the plan (what a growth target grows from). */
  referenceAmount?: (view: CellView) => KpiValue;
  compute(view: CellView, context: KpiContext): KpiValue;
}
