/** The KPI catalogue (product.md §4). Adding a KPI: one new module, one line in KPI_REGISTRY (see README.md). */
import type { Role, TemplateKpi } from "../types";
import { activeCustomers } from "./activeCustomers";
import { avgOrderValue } from "./avgOrderValue";
import { badDebtRate } from "./badDebtRate";
import { collectionRate } from "./collectionRate";
import { conversionRate } from "./conversionRate";
import { customerRetention } from "./customerRetention";
import { customerSatisfaction } from "./customerSatisfaction";
import { expenseVsBudget } from "./expenseVsBudget";
import { failureRate } from "./failureRate";
import { grossMarginPct } from "./grossMarginPct";
import { grossProfit } from "./grossProfit";
import type { KpiDefinition } from "./kpiDefinition";
import { marginMix } from "./marginMix";
import { netSales } from "./netSales";
import { newCustomers } from "./newCustomers";
import { newProductDistribution } from "./newProductDistribution";
import { newProductShare } from "./newProductShare";
import { planAttainment } from "./planAttainment";
import { premiumShare } from "./premiumShare";
import { salesGrowthYoy } from "./salesGrowthYoy";
import { salesVolume } from "./salesVolume";

/** The catalogue, in the order the pane lists it. Ids, schema enum and target headers all come from here. */
export const KPI_REGISTRY = [
  netSales,
  salesVolume,
  grossProfit,
  grossMarginPct,
  planAttainment,
  marginMix,
  premiumShare,
  newProductShare,
  collectionRate,
  badDebtRate,
  newCustomers,
  activeCustomers,
  customerRetention,
  conversionRate,
  failureRate,
  expenseVsBudget,
  salesGrowthYoy,
  avgOrderValue,
  newProductDistribution,
  customerSatisfaction,
] as const;

/** A KPI id of the catalogue (the template schema's enum). */
export type KpiId = (typeof KPI_REGISTRY)[number]["id"];
export const KPI_IDS: readonly KpiId[] = KPI_REGISTRY.map((k) => k.id);

const BY_ID = new Map<string, KpiDefinition>(KPI_REGISTRY.map((k) => [k.id, k]));

/** The definition of a KPI id, or undefined for an id outside the catalogue. */
export function getKpi(id: string): KpiDefinition | undefined {
  return BY_ID.get(id);
}

/** Whether any KPI of a template asks for a kind of distinct-key tracking. */
export function templateTracks(kpis: readonly TemplateKpi[], what: "customers" | "orders"): boolean {
  return kpis.some((tk) => getKpi(tk.kpi)?.tracks?.[what] === true);
}

/** Roles a template KPI reads, with its template settings (e.g. the margin-mix basis). */
export function rolesOfKpi(definition: KpiDefinition, kpi: TemplateKpi): Role[] {
  return definition.rolesFor ? definition.rolesFor(kpi) : definition.roles;
}

export type { KpiDefinition, KpiContext, TierTargetSpec } from "./kpiDefinition";
export { marginMixBreakdown } from "./marginMix";
export type { MarginMixBreakdown } from "./marginMix";
export { DEFAULT_PREMIUM_TIERS } from "./premiumShare";
export { DEFAULT_BUDGET_BAND } from "./expenseVsBudget";
export { NO_HISTORY_REASON } from "./newCustomers";
export { amountOf, ratioOf, kpiNumber, notAvailable } from "./kpiValue";
export type { Unavailable } from "./kpiValue";
