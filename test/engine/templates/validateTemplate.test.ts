import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { parseTemplateJson, TEMPLATE_DEFAULTS, validateTemplate } from "../../../src/engine/templates";
import { DEFAULT_BANDS } from "../../../src/engine/scoring";
import { validTemplateJson } from "./templateBuilder";

const FIXTURES = join(__dirname, "fixtures");

/** Every error-*.json fixture, the one error it must give: its path and (part of) its message. */
const EXPECTED: Record<string, { path: string; message: string }> = {
  "error-band-colour.json": { path: "kpis[0].bands[0].color", message: "must be a colour like #107C10" },
  "error-bands-not-decreasing.json": {
    path: "kpis[2].bands[1].min",
    message: "must be below bands[0].min (1 is not below 1)",
  },
  "error-duplicate-kpi.json": { path: "kpis[2].kpi", message: "net_sales is already used by kpis[0]" },
  "error-duplicate-tier.json": {
    path: "kpis[1].marginMix.tiers[2].tier",
    message: "'Premium' is already used by tiers[0]",
  },
  "error-fiscal-year-start-month.json": { path: "period.fiscalYearStartMonth", message: "must be at most 12" },
  "error-floor-above-cap.json": { path: "kpis[0].floor", message: "must not be above cap (floor 1.5, cap 1.2)" },
  "error-gate-cap.json": { path: "gateCap", message: "must be at most 1" },
  "error-margin-mix-without-tiers.json": { path: "kpis[1]", message: "a margin_mix KPI needs marginMix" },
  "error-missing-name-language.json": { path: "names", message: "required property 'zh-Hant' is missing" },
  "error-missing-weight.json": { path: "kpis[1]", message: "required property 'weight' is missing" },
  "error-not-json.json": { path: "", message: "(line 5, column 1)" },
  "error-payout-decreasing.json": {
    path: "payout.points[2].payout",
    message: "must not be below points[1].payout (0.9 is below 1)",
  },
  "error-payout-points-order.json": {
    path: "payout.points[1].attainment",
    message: "must be above points[0].attainment (0.7 is not above 0.8)",
  },
  "error-range-min-above-max.json": {
    path: "kpis[0].target.max",
    message: "must be above target.min (max 200000, min 250000)",
  },
  "error-rollup-equals-group-by.json": { path: "rollup[0]", message: "must differ from groupBy" },
  // premium 0.2 + standard 0.5 + economy 0.2 = 0.9
  "error-share-targets-sum.json": {
    path: "kpis[1].marginMix.tiers",
    message: "share targets must sum to 1, they sum to 0.9",
  },
  "error-unknown-kpi.json": { path: "kpis[0].kpi", message: "must be one of: net_sales, sales_volume," },
  "error-unknown-target-type.json": {
    path: "kpis[2].target.type",
    message: "must be one of: fixed, table, growth, range",
  },
  // 40 + 20 + 30 = 90
  "error-weights-sum.json": { path: "kpis", message: "weights must sum to 100, they sum to 90" },
};

describe("template fixtures named error-*.json", () => {
  const files = readdirSync(FIXTURES).filter((name) => name.startsWith("error-"));

  it("has at least 10 broken templates, each with an expected error", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.filter((name) => !(name in EXPECTED))).toEqual([]);
  });

  it.each(files)("%s fails with one error naming its path", (name) => {
    const result = parseTemplateJson(readFileSync(join(FIXTURES, name), "utf8"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].path).toBe(EXPECTED[name].path);
    expect(result.errors[0].message).toContain(EXPECTED[name].message);
  });

  it("the valid fixture they are made from passes", () => {
    expect(parseTemplateJson(readFileSync(join(FIXTURES, "valid-rep.json"), "utf8")).ok).toBe(true);
  });
});

describe("validateTemplate", () => {
  it("reports every structural error at once, not only the first", () => {
    const json = validTemplateJson();
    json.gateCap = -1;
    (json.kpis as Array<Record<string, unknown>>)[0].weight = "50";
    const result = validateTemplate(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: "kpis[0].weight", message: "must be a number" },
      { path: "gateCap", message: "must be at least 0" },
    ]);
  });

  it("reports every semantic error at once", () => {
    const json = validTemplateJson();
    json.rollup = ["salesperson"];
    (json.kpis as Array<Record<string, unknown>>)[0].weight = 10; // 10 + 20 + 30 = 60
    const result = validateTemplate(json);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(["rollup[0]", "kpis"]);
  });

  it("names unknown properties", () => {
    const json = validTemplateJson();
    (json.kpis as Array<Record<string, unknown>>)[0].wieght = 3;
    const result = validateTemplate(json);
    expect(result.ok ? [] : result.errors).toEqual([{ path: "kpis[0]", message: "unknown property 'wieght'" }]);
  });

  it("accepts weights that sum to 100 within 0.01 and rejects beyond", () => {
    const json = validTemplateJson();
    const kpis = json.kpis as Array<Record<string, unknown>>;
    kpis[0].weight = 33.33;
    kpis[1].weight = 33.33;
    kpis[2].weight = 33.34; // 100.00
    expect(validateTemplate(json).ok).toBe(true);
    kpis[2].weight = 33.32; // 99.98
    const result = validateTemplate(json);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "kpis", message: "weights must sum to 100, they sum to 99.98" },
    ]);
  });

  it("fills defaults: bands, floor 0, cap 1.2, gate false, tier kind min, rollup []", () => {
    const json = validTemplateJson();
    delete json.rollup;
    const result = validateTemplate(json);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [netSales, mix] = result.template.kpis;
    expect(result.template.bands).toEqual(DEFAULT_BANDS);
    expect(result.template.rollup).toEqual([]);
    expect(netSales.bands).toEqual(DEFAULT_BANDS);
    expect(netSales).toMatchObject({ floor: 0, cap: 1.2, gate: false });
    expect(mix.gate).toBe(true);
    expect(mix.marginMix?.tiers.map((tier) => tier.kind)).toEqual(["min", "min", "min"]);
  });

  it("gives KPIs without bands the template's own bands, and premium_share its default premium tier", () => {
    const json = validTemplateJson();
    const bands = [
      { status: "met", min: 0.95, color: "#107C10" },
      { status: "missed", min: 0, color: "#D13438" },
    ];
    json.bands = bands;
    (json.kpis as Array<Record<string, unknown>>)[2] = {
      kpi: "premium_share",
      weight: 30,
      target: { type: "fixed", value: 0.2 },
    };
    const result = validateTemplate(json);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.template.kpis[0].bands).toEqual(bands);
    expect(result.template.kpis[2].premiumTiers).toEqual(["premium"]);
  });

  it("returns a deep-frozen template and leaves the input untouched", () => {
    const json = validTemplateJson();
    const before = JSON.stringify(json);
    const result = validateTemplate(json);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(JSON.stringify(json)).toBe(before);
    expect(Object.isFrozen(result.template)).toBe(true);
    expect(Object.isFrozen(result.template.kpis[1].marginMix!.tiers[0])).toBe(true);
    expect(Object.isFrozen(result.template.payout.points)).toBe(true);
    expect(() => {
      (result.template.kpis[0] as { weight: number }).weight = 99;
    }).toThrow(TypeError);
  });

  it("accepts and drops an editor's $schema reference", () => {
    const json = { $schema: "./template.schema.json", ...validTemplateJson() };
    const result = validateTemplate(json);
    expect(result.ok && "$schema" in result.template).toBe(false);
    expect(result.ok).toBe(true);
  });

  it("rejects what is not an object", () => {
    expect(validateTemplate(null)).toEqual({ ok: false, errors: [{ path: "", message: "must be an object" }] });
    expect(validateTemplate([1])).toEqual({ ok: false, errors: [{ path: "", message: "must be an object" }] });
  });
});

describe("template defaults (issue 12)", () => {
  const minimal = {
    schemaVersion: 1,
    id: "minimal",
    names: { en: "Minimal", vi: "Tối giản", "zh-Hans": "最简", "zh-Hant": "最簡" },
    groupBy: "salesperson",
    kpis: [{ kpi: "net_sales", weight: 100, target: { type: "fixed", value: 1000 } }],
  };
  it("accepts a template without version, period, rollup, gateCap, payout and bands, and fills the documented defaults", () => {
    const result = validateTemplate(minimal);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const t = result.template;
    expect(t.version).toBe(TEMPLATE_DEFAULTS.version);
    expect(t.period).toEqual({ kind: "month", fiscalYearStartMonth: 1 });
    expect(t.rollup).toEqual([]);
    expect(t.gateCap).toBe(0.8);
    expect(t.payout).toEqual({
      threshold: 0,
      points: [
        { attainment: 0, payout: 0 },
        { attainment: 1.2, payout: 1.2 },
      ],
    });
    expect(t.bands!.map((b) => b.status)).toEqual(["met", "at_risk", "missed"]);
  });
  it("fills the fiscal year start when only the period kind is given, and keeps what the file sets", () => {
    const result = validateTemplate({ ...minimal, period: { kind: "quarter" }, gateCap: 0.5 });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.template.period).toEqual({ kind: "quarter", fiscalYearStartMonth: 1 });
    expect(result.template.gateCap).toBe(0.5);
  });
  it("week and day periods: weekStart is kept (ISO weekday 1–7) and its mistakes name the path", () => {
    const sunday = validateTemplate({ ...minimal, period: { kind: "week", weekStart: 7 } });
    if (!sunday.ok) throw new Error(JSON.stringify(sunday.errors));
    expect(sunday.template.period).toEqual({ kind: "week", fiscalYearStartMonth: 1, weekStart: 7 });
    const daily = validateTemplate({ ...minimal, period: { kind: "day" } });
    expect(daily.ok && daily.template.period).toEqual({ kind: "day", fiscalYearStartMonth: 1 });
    const errorsOf = (period: unknown) => {
      const result = validateTemplate({ ...minimal, period });
      return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
    };
    expect(errorsOf({ kind: "week", weekStart: 8 })).toEqual([
      { path: "period.weekStart", message: "must be at most 7" },
    ]);
    expect(errorsOf({ kind: "week", weekStart: 0 })).toEqual([
      { path: "period.weekStart", message: "must be at least 1" },
    ]);
    expect(errorsOf({ kind: "fortnight" })).toEqual([
      { path: "period.kind", message: expect.stringContaining("month, quarter, year, week, day") },
    ]);
  });
  it("still requires id, names, groupBy and kpis", () => {
    const { groupBy: _omit, ...noGroupBy } = minimal;
    expect(validateTemplate(noGroupBy).ok).toBe(false);
  });
});
