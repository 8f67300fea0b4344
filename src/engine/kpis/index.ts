/** The KPI catalogue (product.md §4). Adding a KPI: one new module, one line in KPI_REGISTRY (see README.md). */
import type { KpiId, Role, TemplateKpi } from "../types";
import { activeCustomers } from "./activeCustomers";
import { avgOrderValue } from "./avgOrderValue";
import { badDebtRate } from "./badDebtRate";
import { collectionRate } from "./collectionRate";
import { conversionRate } from "./conversionRate";
import { customerRetention } from "./customerRetention";
import { expenseVsBudget } from "./expenseVsBudget";
import { failureRate } from "./failureRate";
import { grossMarginPct } from "./grossMarginPct";
import { grossProfit } from "./grossProfit";
import type { KpiDefinition } from "./kpiDefinition";
import { marginMix } from "./marginMix";
import { netSales } from "./netSales";
import { newCustomers } from "./newCustomers";
import { newProductShare } from "./newProductShare";
import { planAttainment } from "./planAttainment";
import { premiumShare } from "./premiumShare";
import { salesGrowthYoy } from "./salesGrowthYoy";
import { salesVolume } from "./salesVolume";

export const KPI_REGISTRY: readonly KpiDefinition[] = [
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
];

const BY_ID = new Map<string, KpiDefinition>(KPI_REGISTRY.map((k) => [k.id, k]));

/** The definition of a KPI id, or undefined for an id outside the catalogue. */
export function getKpi(id: KpiId | string): KpiDefinition | undefined {
  return BY_ID.get(id);
}

/** Roles a template KPI reads, with its template settings (e.g. the margin-mix basis). */
export function rolesOfKpi(definition: KpiDefinition, kpi: TemplateKpi): Role[] {
  return definition.rolesFor ? definition.rolesFor(kpi) : definition.roles;
}

export type { KpiDefinition, KpiContext } from "./kpiDefinition";
export { marginMixBreakdown } from "./marginMix";
export type { MarginMixBreakdown } from "./marginMix";
export { DEFAULT_PREMIUM_TIERS } from "./premiumShare";
export { DEFAULT_BUDGET_BAND } from "./expenseVsBudget";
export { NO_HISTORY_REASON } from "./newCustomers";
export { amountOf, ratioOf, kpiNumber, notAvailable } from "./kpiValue";
export type { Unavailable } from "./kpiValue";
