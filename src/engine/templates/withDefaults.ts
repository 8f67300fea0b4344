import { getKpi } from "../kpis";
import { DEFAULT_BANDS } from "../scoring/defaultBands";
import { DEFAULT_SCORE_CAP } from "../scoring/attainment";
import { LANGS } from "../types";
import type { LocalizedText, MarginTierSpec, StatusBand, TargetSpec, Template, TemplateKpi } from "../types";

/**
 * What a template file may leave out (issue 12): version 1.0.0, monthly periods on the calendar year,
 * no roll-up, a failed gate capping the payout at 80 % (product.md §5's example), and a payout equal to
 * the weighted score (0 → 0 %, 120 % → 120 %, the default score cap), paid from the first point.
 */
export const TEMPLATE_DEFAULTS = {
  version: "1.0.0",
  period: { kind: "month", fiscalYearStartMonth: 1 },
  rollup: [],
  gateCap: 0.8,
  payout: {
    threshold: 0,
    points: [
      { attainment: 0, payout: 0 },
      { attainment: DEFAULT_SCORE_CAP, payout: DEFAULT_SCORE_CAP },
    ],
  },
} as const satisfies Pick<Template, "version" | "period" | "rollup" | "gateCap" | "payout">;

/** A template file as the schema allows it: the top-level settings with defaults may be absent. */
export type TemplateFile = Omit<Template, "version" | "period" | "rollup" | "gateCap" | "payout"> & {
  version?: string;
  period?: { kind: Template["period"]["kind"]; fiscalYearStartMonth?: number; weekStart?: number };
  rollup?: Template["rollup"];
  gateCap?: number;
  payout?: Template["payout"];
};

/** The template with its top-level defaults filled (a new object; the input is not modified). */
export function withTopLevelDefaults(file: TemplateFile): Template {
  const d = TEMPLATE_DEFAULTS;
  return {
    ...file,
    version: file.version ?? d.version,
    period: {
      kind: file.period?.kind ?? d.period.kind,
      fiscalYearStartMonth: file.period?.fiscalYearStartMonth ?? d.period.fiscalYearStartMonth,
      ...(file.period?.weekStart !== undefined ? { weekStart: file.period.weekStart } : {}),
    },
    rollup: file.rollup ?? [...d.rollup],
    gateCap: file.gateCap ?? d.gateCap,
    payout: file.payout ?? { threshold: d.payout.threshold, points: d.payout.points.map((p) => ({ ...p })) },
  };
}

/**
 * A fresh copy of a valid template with every default written out, so the engine never has to guess:
 * template bands → DEFAULT_BANDS, KPI bands → the template's bands, floor 0, cap 1.2, gate false,
 * tier kind "min", premium_share's premium tiers ["premium"], rollup []. An editor's `$schema` is dropped.
 * Keys are always built in the same order, which makes exported files stable and easy to diff.
 */
export function withDefaults(template: Template & { $schema?: string }): Template {
  const bands = (template.bands ?? DEFAULT_BANDS).map(copyBand);
  return {
    schemaVersion: template.schemaVersion,
    id: template.id,
    version: template.version,
    names: inLangOrder(template.names) as LocalizedText,
    ...(template.description ? { description: inLangOrder(template.description) } : {}),
    groupBy: template.groupBy,
    rollup: [...(template.rollup ?? [])],
    period: {
      kind: template.period.kind,
      fiscalYearStartMonth: template.period.fiscalYearStartMonth,
      ...(template.period.weekStart !== undefined ? { weekStart: template.period.weekStart } : {}),
    },
    gateCap: template.gateCap,
    payout: {
      threshold: template.payout.threshold,
      points: template.payout.points.map(({ attainment, payout }) => ({ attainment, payout })),
      ...(template.payout.cap !== undefined ? { cap: template.payout.cap } : {}),
    },
    bands,
    kpis: template.kpis.map((kpi) => kpiWithDefaults(kpi, bands)),
    ...(template.pace
      ? {
          pace: {
            ...(template.pace.basis ? { basis: template.pace.basis } : {}),
            ...(template.pace.workWeek ? { workWeek: [...template.pace.workWeek] } : {}),
          },
        }
      : {}),
    ...(template.bonus
      ? {
          bonus:
            "base" in template.bonus ? { base: template.bonus.base } : { targetsColumn: template.bonus.targetsColumn },
        }
      : {}),
  };
}

function kpiWithDefaults(kpi: TemplateKpi, templateBands: StatusBand[]): TemplateKpi {
  const defaultTiers = getKpi(kpi.kpi)?.settings?.premiumTiers;
  const premiumTiers = kpi.premiumTiers ?? (defaultTiers ? [...defaultTiers] : undefined);
  return {
    kpi: kpi.kpi,
    weight: kpi.weight,
    target: copyTarget(kpi.target),
    ...(kpi.direction ? { direction: kpi.direction } : {}),
    gate: kpi.gate ?? false,
    floor: kpi.floor ?? 0,
    cap: kpi.cap ?? DEFAULT_SCORE_CAP,
    bands: (kpi.bands ?? templateBands).map(copyBand),
    ...(kpi.marginMix
      ? { marginMix: { basis: kpi.marginMix.basis, tiers: kpi.marginMix.tiers.map(tierWithDefaults) } }
      : {}),
    ...(premiumTiers ? { premiumTiers: [...premiumTiers] } : {}),
  };
}

function copyTarget(target: TargetSpec): TargetSpec {
  switch (target.type) {
    case "fixed":
      return { type: "fixed", value: target.value };
    case "table":
      return {
        type: "table",
        ...(target.column !== undefined ? { column: target.column } : {}),
        ...(target.fallback !== undefined ? { fallback: target.fallback } : {}),
      };
    case "growth":
      return { type: "growth", rate: target.rate };
    case "range":
      return { type: "range", min: target.min, max: target.max };
  }
}

function tierWithDefaults(tier: MarginTierSpec): MarginTierSpec {
  return {
    tier: tier.tier,
    target: tier.target,
    targetKind: tier.targetKind,
    kind: tier.kind ?? "min",
    ...(tier.unitMargin !== undefined ? { unitMargin: tier.unitMargin } : {}),
  };
}

function copyBand({ status, min, color }: StatusBand): StatusBand {
  return { status, min, color };
}

function inLangOrder(text: Partial<LocalizedText>): Partial<LocalizedText> {
  const result: Partial<LocalizedText> = {};
  for (const lang of LANGS) if (text[lang] !== undefined) result[lang] = text[lang];
  return result;
}
