/** Templates from the columns a sheet has (issue 12): support, ranking, quick start. */
import {
  BUILTIN_TEMPLATES,
  computeScorecard,
  quickStartTemplate,
  rankTemplates,
  templateSupport,
} from "../../../src/engine";
import { getBuiltinTemplate } from "../../../src/engine/templates";
import type { ColumnMapping } from "../../../src/engine/types";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, type FixtureRow } from "../support/salesFixture";

// Date, salesperson, region, customer and revenue: the sheet no built-in template used to run on.
const mapping: ColumnMapping = { date: 0, salesperson: 1, region: 2, customer: 3, revenue: 4 };

test("a template's supported weight counts the KPIs whose columns are there", () => {
  const support = templateSupport(getBuiltinTemplate("sales-rep")!, mapping);
  // net_sales 35 + new_customers 15; gross margin needs cost, collection rate collected and receivable
  expect(support.supportedWeight).toBe(50);
  expect(support.unsupported.map((u) => u.kpi)).toEqual(["gross_margin_pct", "collection_rate", "margin_mix"]);
  expect(support.runnable).toBe(true);
});

test("revenue from quantity × unit price counts as a revenue column", () => {
  const derived = templateSupport(getBuiltinTemplate("sales-rep")!, {
    date: 0,
    salesperson: 1,
    quantity: 2,
    unit_price: 3,
  });
  expect(derived.unsupported.map((u) => u.kpi)).not.toContain("net_sales");
});

test("templates are ranked by supported weight", () => {
  const ranked = rankTemplates(BUILTIN_TEMPLATES, mapping).map((s) => [s.template.id, Math.round(s.supportedWeight)]);
  expect(ranked[0]).toEqual(["growth-stage", 70]);
  const weights = ranked.map(([, w]) => w as number);
  expect([...weights].sort((a, b) => b - a)).toEqual(weights);
});

test("the quick-start template has every KPI the columns support, equal weights adding to 100, targets from history", () => {
  const template = quickStartTemplate(mapping)!;
  expect(template.groupBy).toBe("salesperson");
  expect(template.rollup).toEqual(["region"]);
  expect(template.kpis.map((k) => k.kpi)).toEqual([
    "net_sales",
    "new_customers",
    "active_customers",
    "customer_retention",
    "sales_growth_yoy",
  ]);
  expect(template.kpis.reduce((sum, k) => sum + k.weight, 0)).toBeCloseTo(100, 9);
  expect(new Set(template.kpis.map((k) => k.weight)).size).toBe(1);
  expect(template.kpis.every((k) => k.target.type === "table")).toBe(true);
});

test("the quick-start template scores against history: last year's actual as the target", () => {
  const rows: FixtureRow[] = [
    { date: "2025-03-05", salesperson: "An", region: "North", customer: "C1", revenue: 200 },
    { date: "2026-03-05", salesperson: "An", region: "North", customer: "C1", revenue: 250 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: quickStartTemplate(mapping)!,
    asOf: "2026-03",
    now: LATER,
  });
  expect(rowOf(scorecard, "An").kpis.net_sales).toMatchObject({
    target: 200,
    targetSource: "last_year",
    attainment: 1.25,
  });
});

test("no quick start without a date or a dimension", () => {
  expect(quickStartTemplate({ date: 0, revenue: 1 })).toBeNull();
  expect(quickStartTemplate({ salesperson: 0, revenue: 1 })).toBeNull();
});

test("a KPI added to the registry joins the quick start when its columns are there (satisfaction, new-product flags)", () => {
  const withScores = quickStartTemplate({ ...mapping, satisfaction: 5, new_product: 6 })!;
  const ids = withScores.kpis.map((k) => k.kpi);
  expect(ids).toContain("customer_satisfaction");
  expect(ids).toContain("new_product_distribution");
  expect(quickStartTemplate(mapping)!.kpis.map((k) => k.kpi)).not.toContain("customer_satisfaction");
});
