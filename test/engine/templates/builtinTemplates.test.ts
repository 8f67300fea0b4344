import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { BUILTIN_TEMPLATES, getBuiltinTemplate, validateTemplate } from "../../../src/engine/templates";
import { LANGS } from "../../../src/engine/types";

const BUILTIN_DIR = join(__dirname, "../../../src/engine/templates/builtin");
const IDS = ["sales-rep", "collections-credit", "margin-mix", "growth-stage", "mature-stage"];

describe("built-in templates", () => {
  it("are exactly the five of product.md §6, one per JSON file", () => {
    expect(BUILTIN_TEMPLATES.map((template) => template.id)).toEqual(IDS);
    expect(readdirSync(BUILTIN_DIR).sort()).toEqual(IDS.map((id) => `${id}.json`).sort());
  });

  it.each(IDS)("%s.json passes validateTemplate as a file", (id) => {
    const json = JSON.parse(readFileSync(join(BUILTIN_DIR, `${id}.json`), "utf8"));
    const result = validateTemplate(json);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(IDS)("%s has names and a description in all four languages, weights summing to 100", (id) => {
    const template = getBuiltinTemplate(id)!;
    for (const lang of LANGS) {
      expect(template.names[lang].length).toBeGreaterThan(0);
      expect(template.description?.[lang]?.length).toBeGreaterThan(0);
    }
    expect(template.kpis.reduce((sum, kpi) => sum + kpi.weight, 0)).toBeCloseTo(100, 9);
    expect(template.gateCap).toBe(0.8);
    expect(template.payout).toEqual({
      threshold: 0.8,
      points: [
        { attainment: 0.8, payout: 0.5 },
        { attainment: 1, payout: 1 },
        { attainment: 1.2, payout: 1.5 },
      ],
      cap: 1.5,
    });
  });

  it("sales-rep: net sales from the targets table, collection rate 95 %, margin mix as a gate, per salesperson by region", () => {
    const template = getBuiltinTemplate("sales-rep")!;
    expect(template.kpis.map((kpi) => kpi.kpi)).toEqual([
      "net_sales",
      "gross_margin_pct",
      "collection_rate",
      "new_customers",
      "margin_mix",
    ]);
    expect(template.kpis[0].target).toEqual({ type: "table", column: "net_sales" }); // no arbitrary fallback: history fills a missing target
    expect(template.kpis[2].target).toEqual({ type: "fixed", value: 0.95 });
    expect(template.kpis[4].gate).toBe(true);
    expect(template.groupBy).toBe("salesperson");
    expect(template.rollup).toEqual(["region"]);
    expect(template.period).toEqual({ kind: "month", fiscalYearStartMonth: 1 });
  });

  it("collections-credit: collection rate ≥ 95 %, bad-debt rate ≤ 2 % lower-better, net sales", () => {
    const kpis = getBuiltinTemplate("collections-credit")!.kpis;
    expect(kpis.map((kpi) => [kpi.kpi, kpi.target])).toEqual([
      ["collection_rate", { type: "fixed", value: 0.95 }],
      ["bad_debt_rate", { type: "fixed", value: 0.02 }],
      ["net_sales", { type: "growth", rate: 0.1 }],
    ]);
    expect(kpis[1].direction).toBe("lower");
  });

  it("margin-mix: the beer example's tiers by quantity, as a gate", () => {
    const mix = getBuiltinTemplate("margin-mix")!.kpis.find((kpi) => kpi.kpi === "margin_mix")!;
    expect(mix.gate).toBe(true);
    expect(mix.marginMix).toEqual({
      basis: "quantity",
      tiers: [
        { tier: "premium", target: 2000, targetKind: "amount", kind: "min" },
        { tier: "standard", target: 6000, targetKind: "amount", kind: "min" },
        { tier: "economy", target: 2000, targetKind: "amount", kind: "min" },
      ],
    });
  });

  it("growth-stage and mature-stage weigh the KPIs of their life stage", () => {
    const ids = (id: string) => getBuiltinTemplate(id)!.kpis.map((kpi) => kpi.kpi);
    expect(ids("growth-stage")).toEqual(["new_customers", "active_customers", "new_product_share"]);
    expect(ids("mature-stage")).toEqual(["sales_volume", "collection_rate", "gross_margin_pct", "gross_profit"]);
  });

  it("getBuiltinTemplate gives undefined for an unknown id, and built-ins are read-only", () => {
    expect(getBuiltinTemplate("no-such-template")).toBeUndefined();
    expect(Object.isFrozen(BUILTIN_TEMPLATES)).toBe(true);
    expect(Object.isFrozen(getBuiltinTemplate("sales-rep")!.kpis[0].target)).toBe(true);
  });
});
