import { getKpi } from "../kpis";
import { DEFAULT_SCORE_CAP } from "../scoring/attainment";
import type { BonusSpec, MarginMixSpec, PayoutCurve, StatusBand, Template, TemplateError, TemplateKpi } from "../types";

/** Weights are percentages that must add up to 100, allowing for rounding in hand-typed decimals. */
export const WEIGHT_SUM = 100;
export const WEIGHT_TOLERANCE = 0.01;
/** Share targets of a margin mix are fractions that must add up to 1. */
const SHARE_TOLERANCE = 0.001;

/**
 * Rules a JSON Schema cannot express, run on a template that already has the right shape.
 * Each error names the template path and says what is wrong, with the numbers involved.
 */
export function checkTemplateRules(template: Template): TemplateError[] {
  const errors: TemplateError[] = [];
  if (template.bands) checkBands(template.bands, "bands", errors);
  checkRollup(template, errors);
  checkWeights(template.kpis, errors);
  checkPayout(template.payout, errors);
  if (template.bonus) checkBonus(template.bonus, errors);
  const firstIndexOf = new Map<string, number>();
  template.kpis.forEach((kpi, i) => {
    const path = `kpis[${i}]`;
    const first = firstIndexOf.get(kpi.kpi);
    if (first === undefined) firstIndexOf.set(kpi.kpi, i);
    else errors.push({ path: `${path}.kpi`, message: `${kpi.kpi} is already used by kpis[${first}]` });
    checkKpi(kpi, path, errors);
  });
  return errors;
}

function checkKpi(kpi: TemplateKpi, path: string, errors: TemplateError[]): void {
  if (kpi.bands) checkBands(kpi.bands, `${path}.bands`, errors);
  if (kpi.target.type === "range" && !(kpi.target.min < kpi.target.max)) {
    errors.push({
      path: `${path}.target.max`,
      message: `must be above target.min (max ${kpi.target.max}, min ${kpi.target.min})`,
    });
  }
  const floor = kpi.floor ?? 0;
  const cap = kpi.cap ?? DEFAULT_SCORE_CAP;
  if (floor > cap) {
    errors.push({ path: `${path}.floor`, message: `must not be above cap (floor ${floor}, cap ${cap})` });
  }
  if (getKpi(kpi.kpi)?.settings?.marginMix) {
    if (!kpi.marginMix) {
      errors.push({ path, message: `a ${kpi.kpi} KPI needs marginMix with its basis and at least one tier` });
    } else {
      checkMarginMix(kpi.marginMix, `${path}.marginMix`, errors);
    }
  }
}

function checkBands(bands: StatusBand[], path: string, errors: TemplateError[]): void {
  const statusIndex = new Map<string, number>();
  bands.forEach((band, i) => {
    const first = statusIndex.get(band.status);
    if (first === undefined) statusIndex.set(band.status, i);
    else errors.push({ path: `${path}[${i}].status`, message: `'${band.status}' is already used by bands[${first}]` });
    if (i > 0 && !(band.min < bands[i - 1].min)) {
      errors.push({
        path: `${path}[${i}].min`,
        message: `must be below bands[${i - 1}].min (${band.min} is not below ${bands[i - 1].min})`,
      });
    }
  });
}

function checkRollup(template: Template, errors: TemplateError[]): void {
  (template.rollup ?? []).forEach((role, i) => {
    if (role === template.groupBy) {
      errors.push({ path: `rollup[${i}]`, message: `must differ from groupBy (${role} cannot roll up into itself)` });
    }
  });
}

function checkWeights(kpis: TemplateKpi[], errors: TemplateError[]): void {
  const sum = kpis.reduce((total, kpi) => total + kpi.weight, 0);
  if (Math.abs(sum - WEIGHT_SUM) > WEIGHT_TOLERANCE) {
    errors.push({ path: "kpis", message: `weights must sum to 100, they sum to ${round(sum)}` });
  }
}

function checkPayout(payout: PayoutCurve, errors: TemplateError[]): void {
  const points = payout.points;
  for (let i = 1; i < points.length; i++) {
    if (!(points[i].attainment > points[i - 1].attainment)) {
      errors.push({
        path: `payout.points[${i}].attainment`,
        message: `must be above points[${i - 1}].attainment (${points[i].attainment} is not above ${points[i - 1].attainment})`,
      });
    }
    if (points[i].payout < points[i - 1].payout) {
      errors.push({
        path: `payout.points[${i}].payout`,
        message: `must not be below points[${i - 1}].payout (${points[i].payout} is below ${points[i - 1].payout})`,
      });
    }
  }
}

function checkBonus(bonus: BonusSpec, errors: TemplateError[]): void {
  const given = ["base", "targetsColumn"].filter((key) => key in bonus);
  if (given.length !== 1) {
    errors.push({
      path: "bonus",
      message:
        given.length === 0
          ? "needs base (one amount for every entity) or targetsColumn (a column of the targets table)"
          : "give base or targetsColumn, not both",
    });
  }
}

function checkMarginMix(mix: MarginMixSpec, path: string, errors: TemplateError[]): void {
  // Tiers are matched case-insensitively against the margin_tier column, so "Premium" and "premium" clash.
  const tierIndex = new Map<string, number>();
  mix.tiers.forEach((tier, i) => {
    const key = tier.tier.trim().toLowerCase();
    const first = tierIndex.get(key);
    if (first === undefined) tierIndex.set(key, i);
    else
      errors.push({ path: `${path}.tiers[${i}].tier`, message: `'${tier.tier}' is already used by tiers[${first}]` });
    if (tier.targetKind === "share" && tier.target > 1) {
      errors.push({
        path: `${path}.tiers[${i}].target`,
        message: `a share is a fraction from 0 to 1, not ${tier.target}`,
      });
    }
  });
  if (mix.tiers.length > 0 && mix.tiers.every((tier) => tier.targetKind === "share")) {
    const sum = mix.tiers.reduce((total, tier) => total + tier.target, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      errors.push({ path: `${path}.tiers`, message: `share targets must sum to 1, they sum to ${round(sum)}` });
    }
  }
}

/** Hides floating-point noise (0.1 + 0.2) in messages. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
