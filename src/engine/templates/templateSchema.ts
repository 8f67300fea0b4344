import { KPI_IDS } from "../kpis";
import { DIMENSION_ROLES, LANGS, PERIOD_KINDS } from "../types";

/**
 * JSON Schema (draft 2020-12) of a KPI template, schemaVersion 1 (product.md §6), for ajv and for editors.
 * Built from the engine's own lists (the KPI registry's ids, DIMENSION_ROLES, LANGS) so it cannot drift;
 * template.schema.json beside this file is the same schema as a file (a test keeps them equal).
 * Rules a schema cannot express (band order, weights summing to 100...) are in validateTemplate.
 */

/**
 * Sizes no real template comes near. They keep validation linear and bounded: ajv checks
 * uniqueItems pairwise unless the items are typed scalars, and a 100,000-item list of errors
 * would be a 17 MB message.
 */
export const TEMPLATE_LIMITS = {
  kpis: 50,
  bands: 20,
  tiers: 50,
  premiumTiers: 50,
  payoutPoints: 100,
  text: 500,
} as const;

const localizedText = (required: boolean) => ({
  type: "object",
  properties: Object.fromEntries(
    LANGS.map((lang) => [lang, { type: "string", minLength: 1, maxLength: TEMPLATE_LIMITS.text }]),
  ),
  ...(required ? { required: [...LANGS] } : {}),
  additionalProperties: false,
});

export const TARGET_TYPES = ["fixed", "table", "growth", "range"];

const targetSpec = {
  type: "object",
  description: "Where the KPI's target comes from.",
  discriminator: { propertyName: "type" },
  properties: { type: { enum: TARGET_TYPES } },
  required: ["type"],
  oneOf: [
    {
      type: "object",
      properties: { type: { const: "fixed" }, value: { type: "number" } },
      required: ["type", "value"],
      additionalProperties: false,
    },
    {
      type: "object",
      description: "From the workbook's targets table; column defaults to the KPI id.",
      properties: {
        type: { const: "table" },
        column: { type: "string", minLength: 1, maxLength: TEMPLATE_LIMITS.text },
        fallback: { type: "number" },
      },
      required: ["type"],
      additionalProperties: false,
    },
    {
      type: "object",
      description: "Same period last year × (1 + rate); 0.2 = +20 %.",
      properties: { type: { const: "growth" }, rate: { type: "number", exclusiveMinimum: -1 } },
      required: ["type", "rate"],
      additionalProperties: false,
    },
    {
      type: "object",
      description: "A band: attainment 100 % inside [min, max].",
      properties: { type: { const: "range" }, min: { type: "number" }, max: { type: "number" } },
      required: ["type", "min", "max"],
      additionalProperties: false,
    },
  ],
};

const statusBands = {
  type: "array",
  description: "Status bands, ordered from the highest min to the lowest.",
  minItems: 1,
  maxItems: TEMPLATE_LIMITS.bands,
  items: {
    type: "object",
    properties: {
      status: { type: "string", pattern: "^[a-z][a-z0-9_]*$", maxLength: 64 },
      min: { type: "number", minimum: 0 },
      color: { type: "string", pattern: "^#[0-9A-Fa-f]{6}$" },
    },
    required: ["status", "min", "color"],
    additionalProperties: false,
  },
};

const marginMix = {
  type: "object",
  properties: {
    basis: { enum: ["quantity", "revenue"] },
    tiers: {
      type: "array",
      minItems: 1,
      maxItems: TEMPLATE_LIMITS.tiers,
      items: {
        type: "object",
        properties: {
          tier: { type: "string", minLength: 1, maxLength: TEMPLATE_LIMITS.text },
          target: { type: "number", minimum: 0 },
          targetKind: { enum: ["amount", "share"] },
          kind: { enum: ["min", "max"] },
          unitMargin: { type: "number" },
        },
        required: ["tier", "target", "targetKind"],
        additionalProperties: false,
      },
    },
  },
  required: ["basis", "tiers"],
  additionalProperties: false,
};

const templateKpi = {
  type: "object",
  properties: {
    kpi: { enum: [...KPI_IDS] },
    weight: { type: "number", minimum: 0, maximum: 100, description: "Percent; the template's weights sum to 100." },
    target: { $ref: "#/$defs/targetSpec" },
    direction: { enum: ["higher", "lower", "band"] },
    bands: { $ref: "#/$defs/statusBands" },
    floor: { type: "number", minimum: 0 },
    cap: { type: "number", exclusiveMinimum: 0 },
    gate: { type: "boolean" },
    marginMix: { $ref: "#/$defs/marginMix" },
    premiumTiers: {
      type: "array",
      items: { type: "string", minLength: 1, maxLength: TEMPLATE_LIMITS.text },
      minItems: 1,
      maxItems: TEMPLATE_LIMITS.premiumTiers,
      uniqueItems: true,
    },
  },
  required: ["kpi", "weight", "target"],
  additionalProperties: false,
};

const payoutCurve = {
  type: "object",
  properties: {
    points: {
      type: "array",
      minItems: 1,
      maxItems: TEMPLATE_LIMITS.payoutPoints,
      items: {
        type: "object",
        properties: { attainment: { type: "number", minimum: 0 }, payout: { type: "number", minimum: 0 } },
        required: ["attainment", "payout"],
        additionalProperties: false,
      },
    },
    threshold: { type: "number", minimum: 0 },
    cap: { type: "number", minimum: 0 },
  },
  required: ["points", "threshold"],
  additionalProperties: false,
};

const bonus = {
  type: "object",
  description:
    "Bonus amount per entity = payout × base: one base for everyone, or a column of the targets table per entity (issue 13 §3).",
  properties: {
    base: { type: "number", minimum: 0, description: "The same bonus base for every entity, e.g. 1000." },
    targetsColumn: {
      type: "string",
      minLength: 1,
      maxLength: TEMPLATE_LIMITS.text,
      description: "Header of the targets table's column holding each entity's bonus base, e.g. bonus_base.",
    },
  },
  // Exactly one of the two: checked by validateTemplate's rules, with a message naming both.
  additionalProperties: false,
};

export const TEMPLATE_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:kpi-scorecard:template:1",
  title: "KPI Scorecard template",
  description: "A KPI template (schemaVersion 1): KPIs with targets, bands, weights and gates, and the payout curve.",
  type: "object",
  properties: {
    $schema: { type: "string", description: "Path or URL of this schema, for editors; ignored on import." },
    schemaVersion: { const: 1 },
    id: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 64 },
    version: { type: "string", minLength: 1, maxLength: 64 },
    names: localizedText(true),
    description: localizedText(false),
    groupBy: { enum: [...DIMENSION_ROLES] },
    rollup: {
      type: "array",
      items: { type: "string", enum: [...DIMENSION_ROLES] },
      maxItems: DIMENSION_ROLES.length,
      uniqueItems: true,
    },
    period: {
      type: "object",
      properties: {
        kind: { enum: [...PERIOD_KINDS] },
        fiscalYearStartMonth: {
          type: "integer",
          minimum: 1,
          maximum: 12,
          description: "Month the fiscal year starts in (1 = calendar year); months, quarters and years.",
        },
        weekStart: {
          type: "integer",
          minimum: 1,
          maximum: 7,
          description:
            "Week periods (issue 13 §5): the ISO weekday weeks start on, 1 = Monday (ISO 8601 weeks, the default) … 7 = Sunday. A week belongs to the week-year holding its fourth day; labels are 2026-W09. Also used when a run chooses week periods over the template's kind.",
        },
      },
      required: ["kind"],
      additionalProperties: false,
    },
    kpis: { type: "array", minItems: 1, maxItems: TEMPLATE_LIMITS.kpis, items: { $ref: "#/$defs/templateKpi" } },
    gateCap: { type: "number", minimum: 0, maximum: 1 },
    payout: { $ref: "#/$defs/payoutCurve" },
    bands: { $ref: "#/$defs/statusBands" },
    bonus: { $ref: "#/$defs/bonus" },
    pace: {
      type: "object",
      description:
        "Pace in the running period (issue 13 §2): how the share of the target expected by the as-of day is counted, and the working days.",
      properties: {
        basis: {
          enum: ["lastYear", "workingDays"],
          description:
            "lastYear (default): last year's curve of the same period where the data has it (the share of last year's period total reached by the same day), else working days; workingDays: always the share of working days elapsed.",
        },
        workWeek: {
          type: "array",
          description: "ISO weekdays: 1 = Monday … 7 = Sunday; e.g. [1,2,3,4,5,6] for a six-day week.",
          items: { type: "integer", minimum: 1, maximum: 7 },
          minItems: 1,
          maxItems: 7,
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
  },
  // version, period, rollup, gateCap, payout and bands may be left out: validation fills TEMPLATE_DEFAULTS.
  required: ["schemaVersion", "id", "names", "groupBy", "kpis"],
  additionalProperties: false,
  $defs: { targetSpec, statusBands, marginMix, templateKpi, payoutCurve, bonus },
} as const;
