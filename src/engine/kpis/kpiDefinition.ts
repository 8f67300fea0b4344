import type { CellView } from "../aggregate/cellView";
import type { Measure, MeasureOptions } from "../aggregate/measures";
import type { SalesAggregate } from "../aggregate/salesAggregate";
import type {
  DataNote,
  Direction,
  KpiUnit,
  KpiValue,
  LocalizedText,
  PeriodSpec,
  Role,
  SalesData,
  TemplateKpi,
} from "../types";

/** What a KPI's compute receives besides the entity-period it reads. */
export interface KpiContext {
  kpi: TemplateKpi;
  /** For KPIs measured against a plan or budget (plan_attainment, expense_vs_budget): that amount, or null. */
  reference: number | null;
  /** For KPIs with tier targets (margin_mix): each tier's target (amount or share), template order. */
  tierTargets: Array<number | null>;
}

/**
 * How a change of the KPI breaks down by customer, product or category (engine/drivers):
 * - `sum`: the KPI is a sum of row amounts; each member contributes its own change of that sum;
 *   with `bridge`, the change also splits by product into price, volume and mix (drivers/bridge.ts);
 * - `ratio`: numerator / denominator sums; each member's contribution splits into a rate effect
 *   (its own ratio moved) and a mix effect (its share of the denominator moved);
 * - `distinct`: a count of distinct members of `role` (active customers); each one gained adds 1 and
 *   each one lost takes 1 off, so it breaks down by that role only.
 */
export type DriverSpec =
  | { kind: "sum"; measure: Measure; bridge?: boolean }
  | { kind: "ratio"; numerator: Measure; denominator: Measure }
  | { kind: "distinct"; role: "customer" };

/** One tier target a KPI reads: its targets-table column and the template's value. */
export interface TierTargetSpec {
  column: string;
  value: number;
  /** Amount targets add up from children to parents; share targets do not. */
  additive: boolean;
}

/**
 * One KPI of the catalogue (product.md §4): its metadata beside its formula. The core (scorecard,
 * aggregate, targets reader, template schema, task pane catalogue) reads everything about a KPI from
 * here and never tests a KPI id by name.
 */
export interface KpiDefinition<Id extends string = string> {
  id: Id;
  names: LocalizedText;
  definition: LocalizedText;
  /** Roles the formula reads (besides the date every period KPI needs). */
  roles: Role[];
  /** Roles that depend on the template's settings (margin mix basis); defaults to `roles`. */
  rolesFor?: (kpi: TemplateKpi) => Role[];
  /** Roles read when the data has them, without being required (deals counted by order id). */
  optionalRoles?: Role[];
  direction: Direction;
  unit: KpiUnit;
  /** Reads money amounts, so a group mixing currencies cannot be computed. */
  money: boolean | ((kpi: TemplateKpi) => boolean);
  /** Its targets add up from children to parents (amounts and counts, not ratios). */
  additiveTarget: boolean;
  /** Target column headers in a targets table besides the id, in en, vi, zh-Hans and zh-Hant. */
  targetHeaders: string[];
  /** Distinct keys the aggregate keeps for it (they cost a few passes, so only on request). */
  tracks?: {
    /** Distinct customers per entity and period (active, new, retained). */
    customers?: boolean;
    /** Distinct orders per entity and period. */
    orders?: boolean;
    /** Distinct customers of the rows this marks (1) per entity and period, read with `view.customersOf(id)`. */
    customersWhere?: (data: SalesData) => Uint8Array | null;
  };
  /** Settings of the one pass over the rows that this KPI needs (premium tiers, margin-mix slots). */
  measureOptions?: (kpi: TemplateKpi, data: SalesData) => Partial<MeasureOptions>;
  /** Notes about the data this KPI adds once per run (e.g. customers that cannot be shown to be new). */
  dataNotes?: (agg: SalesAggregate, spec: PeriodSpec) => DataNote[];
  /**
   * For KPIs scored against tier targets (margin_mix): the tiers. The value is then an attainment,
   * scored against the template's fixed value or range (else 1).
   */
  tierTargets?: (kpi: TemplateKpi) => TierTargetSpec[];
  /** For plan/budget KPIs: the amount compared with the plan (what a growth target grows from). */
  referenceAmount?: (view: CellView) => KpiValue;
  /** The band a reference KPI is scored in when the template gives none (else 1, higher better). */
  referenceBand?: { min: number; max: number };
  /** KPI settings a template entry carries: a required marginMix block, premium tiers (with their default). */
  settings?: { marginMix?: boolean; premiumTiers?: readonly string[] };
  /** Left out of the quick-start template (it needs settings or a plan the data cannot give). */
  needsSettings?: boolean;
  /** How its change breaks down into drivers; absent: no drivers. */
  drivers?: DriverSpec;
  compute(view: CellView, context: KpiContext): KpiValue;
}
