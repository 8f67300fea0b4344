/**
 * The template the baselines are checked against: sales-rep plus, at weight 0, any of the five
 * compared KPIs it lacks (bad-debt rate, active customers), so the engine's history holds all five
 * figures while scoring stays that of sales-rep.
 */
import type { Template, TemplateKpi } from "../src/engine/types";
import { COMPARED_KPIS } from "./figures";

export function withComparedKpis(template: Template): Template {
  const present = new Set(template.kpis.map((k) => k.kpi));
  const added: TemplateKpi[] = COMPARED_KPIS.filter((kpi) => !present.has(kpi)).map((kpi) => ({
    kpi,
    weight: 0,
    target: { type: "fixed", value: kpi === "active_customers" ? 10 : kpi === "bad_debt_rate" ? 0.02 : 1 },
  }));
  return { ...template, id: `${template.id}+compared`, kpis: [...template.kpis, ...added] };
}
