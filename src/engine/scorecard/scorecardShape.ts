/**
 * The JSON shape of a scorecard (product.md §9): rows, history rows, margin-mix details, KPI info and
 * the mapping, built from evaluated cells. Gates: a gate KPI passes when its attainment is at least 1
 * (100 %); a gate without a value fails, since nothing shows it was met.
 */
import type { CellView } from "../aggregate/cellView";
import type { SalesAggregate } from "../aggregate/salesAggregate";
import { marginMixBreakdown, type Unavailable } from "../kpis";
import { listedSlot } from "../aggregate/cellGrid";
import { payoutFor, weightedScore } from "../scoring";
import type {
  ColumnMapping,
  HistoryRow,
  KpiCell,
  KpiId,
  MarginMixDetail,
  Role,
  ScorecardInput,
  ScorecardKpiInfo,
  ScorecardRow,
} from "../types";
import { tierTargetsAt, type KpiPlan } from "./planTargets";

/** Puts the reason (English text, code and params) on the cell; absent parts stay absent in the JSON. */
export function withReason(cell: KpiCell, why: Unavailable): KpiCell {
  cell.reason = why.reason;
  if (why.reasonCode !== undefined) cell.reasonCode = why.reasonCode;
  if (why.reasonParams !== undefined) cell.reasonParams = why.reasonParams;
  return cell;
}

export function historyRow(view: CellView, kpi: KpiId, cell: KpiCell): HistoryRow {
  return {
    entity: view.entity,
    level: view.agg.hierarchy.levels[view.level].level,
    period: view.periodLabel,
    kpi,
    actual: cell.actual,
    target: cell.target ?? null,
    attainment: cell.attainment ?? null,
    status: cell.status ?? null,
    score: cell.score ?? null,
  };
}

export function scorecardRow(
  view: CellView,
  plans: KpiPlan[],
  evaluated: KpiCell[],
  gateCap: number,
  payout: ScorecardInput["template"]["payout"],
): ScorecardRow {
  const kpis: ScorecardRow["kpis"] = {};
  const failedGates: KpiId[] = [];
  const gatesNotEvaluated: KpiId[] = [];
  plans.forEach((plan, k) => {
    kpis[plan.tk.kpi] = evaluated[k];
    if (!plan.tk.gate) return;
    // A gate whose column is missing is neither passed nor failed: it is listed as not evaluated.
    if (plan.def && plan.missingRoles.length > 0) gatesNotEvaluated.push(plan.tk.kpi);
    else if (!meetsGate(evaluated[k])) failedGates.push(plan.tk.kpi);
  });
  const score = weightedScore(plans.map((plan, k) => ({ weight: plan.tk.weight, score: evaluated[k].score ?? null })));
  const levels = view.agg.hierarchy.levels;
  const parentGroups = levels[view.level].parent;
  return {
    entity: view.entity,
    level: levels[view.level].level,
    parent: parentGroups ? levels[view.level + 1].names[parentGroups[view.group]] : null,
    period: view.periodLabel,
    kpis,
    score,
    payout: payoutFor(score, payout, failedGates.length > 0, gateCap),
    gatesPassed: failedGates.length > 0 ? false : gatesNotEvaluated.length > 0 ? null : true,
    failedGates,
    gatesNotEvaluated,
  };
}

/** A gate is met at 100 % attainment or more; without an attainment nothing shows it was met. */
function meetsGate(cell: KpiCell): boolean {
  return cell.attainment !== undefined && cell.attainment !== null && cell.attainment >= 1;
}

/** Margin-mix tier details of one entity-period (given for the asOf period). */
export function mixDetail(view: CellView, plan: KpiPlan, evaluated: KpiCell): MarginMixDetail {
  const spec = plan.tk.marginMix!;
  const at = listedSlot(view.agg.grid.levels[view.level], view.group, view.period, view.agg.periods.nPeriods);
  const mix = marginMixBreakdown(view, spec, tierTargetsAt(plan, view.level, at), plan.cap);
  return {
    entity: view.entity,
    level: view.agg.hierarchy.levels[view.level].level,
    period: view.periodLabel,
    basis: spec.basis,
    tiers: mix.tiers,
    volumeAttainment: mix.volumeAttainment,
    mixAttainment: evaluated.actual,
    mixEffect: evaluated.actual === null ? null : mix.mixEffect,
    gatePassed: plan.tk.gate ? meetsGate(evaluated) : null,
  };
}

export function kpiInfo(plan: KpiPlan): ScorecardKpiInfo {
  const names = plan.def?.names ?? { en: plan.tk.kpi, vi: plan.tk.kpi, "zh-Hans": plan.tk.kpi, "zh-Hant": plan.tk.kpi };
  return {
    id: plan.tk.kpi,
    names,
    unit: plan.def?.unit ?? "count",
    direction: plan.direction,
    weight: plan.tk.weight,
    gate: plan.tk.gate === true,
    bands: plan.bands,
    cap: plan.cap,
    available: plan.missingRoles.length === 0,
    ...(plan.missingRoles.length > 0 ? { missingRoles: plan.missingRoles } : {}),
  };
}

/** role → header text of the columns the run read. */
export function headerMapping(headers: string[], mapping: ColumnMapping): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  for (const [role, column] of Object.entries(mapping) as Array<[Role, number | undefined]>) {
    if (column !== undefined && headers[column] !== undefined) out[role] = headers[column];
  }
  return out;
}

/** Rows with a date inside the period grid. */
export function countDated(agg: SalesAggregate): number {
  let n = 0;
  for (let i = 0; i < agg.periods.rowPeriod.length; i++) if (agg.periods.rowPeriod[i] >= 0) n++;
  return n;
}
