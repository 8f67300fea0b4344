/** Targets of each kind (product.md §3) and how they roll up. */
import { computeScorecard } from "../../../src/engine/scorecard";
import type { TargetEntry, TemplateKpi } from "../../../src/engine/types";
import { historyOf, rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

const rows: FixtureRow[] = [
  { date: "2025-03-10", salesperson: "An", region: "North", revenue: 100 },
  { date: "2025-03-11", salesperson: "Chi", region: "North", revenue: 300 },
  { date: "2026-03-10", salesperson: "An", region: "North", revenue: 150 },
  { date: "2026-03-11", salesperson: "Chi", region: "North", revenue: 330 },
];

function score(kpi: Partial<TemplateKpi> & Pick<TemplateKpi, "kpi">, targets?: TargetEntry[]) {
  return computeScorecard({
    data: salesData(rows),
    template: templateWith([kpi]),
    targets,
    asOf: "2026-03",
    now: LATER,
  });
}

test("fixed: the value for each rep; an additive KPI's region target is the sum of its reps' targets", () => {
  const scorecard = score({ kpi: "net_sales", target: { type: "fixed", value: 200 } });
  expect(rowOf(scorecard, "An").kpis.net_sales).toMatchObject({
    actual: 150,
    target: 200,
    attainment: 0.75,
    status: "missed",
  });
  // North: 200 + 200 = 400; actual 150 + 330 = 480 → 1.2
  expect(rowOf(scorecard, "North").kpis.net_sales).toMatchObject({ target: 400, attainment: 1.2, status: "met" });
});

test("fixed ratio targets stay the same at every level", () => {
  const scorecard = score({ kpi: "sales_growth_yoy", target: { type: "fixed", value: 0.1 } });
  // North growth: 480 / 400 − 1 = 0.2 against 0.1
  expect(rowOf(scorecard, "North").kpis.sales_growth_yoy!.target).toBe(0.1);
  expect(rowOf(scorecard, "North").kpis.sales_growth_yoy!.actual).toBeCloseTo(0.2, 12);
});

describe("table", () => {
  const table: TargetEntry[] = [
    { entity: "An", period: "2026-03", kpi: "net_sales", target: 120 },
    { entity: "chi ", period: "", kpi: "net_sales", target: 300 }, // every period; names match loosely
  ];
  test("entity + period entries, then the every-period entry; the region sums its reps", () => {
    const scorecard = score({ kpi: "net_sales", target: { type: "table" } }, table);
    expect(rowOf(scorecard, "An").kpis.net_sales!.target).toBe(120);
    expect(rowOf(scorecard, "Chi").kpis.net_sales!.target).toBe(300);
    expect(rowOf(scorecard, "North").kpis.net_sales!.target).toBe(420); // 120 + 300
  });
  test("a region's own entry wins over the sum of its reps", () => {
    const scorecard = score({ kpi: "net_sales", target: { type: "table" } }, [
      ...table,
      { entity: "North", period: "2026-03", kpi: "net_sales", target: 500 },
    ]);
    expect(rowOf(scorecard, "North").kpis.net_sales!.target).toBe(500);
  });
  test("the template's column names the KPI's column; the fallback covers entities without one", () => {
    const scorecard = score({ kpi: "net_sales", target: { type: "table", column: "Quota", fallback: 50 } }, [
      { entity: "An", period: "2026-03", kpi: "Quota", target: 140 },
    ]);
    expect(rowOf(scorecard, "An").kpis.net_sales!.target).toBe(140);
    expect(rowOf(scorecard, "Chi").kpis.net_sales!.target).toBe(50);
  });
  test("missing: the target comes from history (same period last year), with its source and one note", () => {
    const scorecard = score({ kpi: "net_sales", target: { type: "table" } }, [table[0]]);
    const chi = rowOf(scorecard, "Chi").kpis.net_sales!;
    // Chi had 300 in 2026-03's same period last year (2025-03); no arbitrary fallback
    expect(chi).toMatchObject({ actual: 330, target: 300, attainment: 1.1, targetSource: "last_year" });
    expect(rowOf(scorecard, "An").kpis.net_sales).toMatchObject({ target: 120, targetSource: "table" });
    // the region sums its reps' targets, one from the table and one from history
    expect(rowOf(scorecard, "North").kpis.net_sales).toMatchObject({ target: 420, targetSource: "children" });
    expect(scorecard.notes.filter((n) => n.kind === "target_from_history")).toEqual([
      expect.objectContaining({ value: "net_sales" }),
    ]);
    // only the first period (2025-03, nothing before it) is left without a target
    expect(scorecard.notes.filter((n) => n.kind === "target_missing").map((n) => n.problem)).toEqual([
      "no target for An 2025-03 (net_sales); other entities or periods may lack one too",
    ]);
  });
  test("missing without last year: the mean of the three previous periods the entity existed in", () => {
    const monthly: FixtureRow[] = [
      { date: "2025-11-10", salesperson: "An", region: "North", revenue: 90 },
      { date: "2025-12-10", salesperson: "An", region: "North", revenue: 100 },
      { date: "2026-01-10", salesperson: "An", region: "North", revenue: 110 },
      { date: "2026-02-10", salesperson: "An", region: "North", revenue: 120 },
      { date: "2026-02-11", salesperson: "Chi", region: "North", revenue: 50 },
      { date: "2026-03-10", salesperson: "An", region: "North", revenue: 130 },
      { date: "2026-03-11", salesperson: "Chi", region: "North", revenue: 60 },
    ];
    const scorecard = computeScorecard({
      data: salesData(monthly),
      template: templateWith([{ kpi: "net_sales", target: { type: "table" } }]),
      asOf: "2026-03",
      now: LATER,
    });
    // An: (100 + 110 + 120) / 3; Chi only existed in February: 50, not (0 + 0 + 50) / 3
    expect(rowOf(scorecard, "An").kpis.net_sales).toMatchObject({ target: 110, targetSource: "previous_periods" });
    expect(rowOf(scorecard, "Chi").kpis.net_sales).toMatchObject({ target: 50, targetSource: "previous_periods" });
  });
  test("missing with no history at all (first period): no target, a reason naming entity and period", () => {
    const first: FixtureRow[] = [{ date: "2026-03-11", salesperson: "Chi", region: "North", revenue: 330 }];
    const scorecard = computeScorecard({
      data: salesData(first),
      template: templateWith([{ kpi: "net_sales", target: { type: "table" } }]),
      asOf: "2026-03",
      now: LATER,
    });
    const chi = rowOf(scorecard, "Chi").kpis.net_sales!;
    expect(chi).toMatchObject({
      actual: 330,
      target: null,
      attainment: null,
      score: null,
      reason: "no target for Chi 2026-03",
    });
    expect(chi.targetSource).toBeUndefined();
    expect(scorecard.notes.filter((n) => n.kind === "target_missing")).toHaveLength(1);
    // a KPI without a target does not count in the weighted score
    expect(rowOf(scorecard, "Chi").score).toBeNull();
  });
  test("a non-additive KPI does not sum its reps' targets at the region", () => {
    const scorecard = score({ kpi: "gross_margin_pct", target: { type: "table" } }, [
      { entity: "An", period: "", kpi: "gross_margin_pct", target: 0.3 },
      { entity: "Chi", period: "", kpi: "gross_margin_pct", target: 0.3 },
    ]);
    expect(historyOf(scorecard, "North", "2026-03", "gross_margin_pct").target).toBeNull();
  });
});

test("growth: same period last year × (1 + rate), at each level from its own last year", () => {
  const scorecard = score({ kpi: "net_sales", target: { type: "growth", rate: 0.2 } });
  expect(rowOf(scorecard, "An").kpis.net_sales!.target).toBeCloseTo(120, 9); // 100 × 1.2
  expect(rowOf(scorecard, "North").kpis.net_sales!.target).toBeCloseTo(480, 9); // 400 × 1.2
  // March 2025 has no March 2024 before it: no target, with the reason
  const first = historyOf(scorecard, "An", "2025-03", "net_sales");
  expect(first.target).toBeNull();
  const cell = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales", target: { type: "growth", rate: 0.2 } }]),
    asOf: "2025-03",
    now: LATER,
  });
  expect(rowOf(cell, "An").kpis.net_sales!.reason).toBe("no net_sales for 2024-03 to grow the target from");
});

test("growth of the plan: plan_attainment against last year's net sales × (1 + rate)", () => {
  const scorecard = score({ kpi: "plan_attainment", target: { type: "growth", rate: 0.2 } });
  // An: plan 100 × 1.2 = 120; 150 / 120 = 1.25
  expect(rowOf(scorecard, "An").kpis.plan_attainment!.actual).toBeCloseTo(1.25, 12);
});

test("range: 100 % inside the band, falling off outside it", () => {
  const scorecard = score({ kpi: "net_sales", target: { type: "range", min: 140, max: 200 } });
  expect(rowOf(scorecard, "An").kpis.net_sales!.attainment).toBe(1); // 150 inside [140, 200]
  // Chi: 330 above 200 by 130 → 1 − 130 / 200 = 0.35
  expect(rowOf(scorecard, "Chi").kpis.net_sales!.attainment).toBeCloseTo(0.35, 12);
  expect(rowOf(scorecard, "Chi").kpis.net_sales!.target).toBe(140); // a range shows its lower edge
  // North sums the reps' bands: [280, 400]; 480 above by 80 → 1 − 80 / 400 = 0.8
  expect(rowOf(scorecard, "North").kpis.net_sales!.attainment).toBeCloseTo(0.8, 12);
});

test("expense_vs_budget with a range scores the ratio in that band, the budget from the targets table", () => {
  const spend: FixtureRow[] = [{ date: "2026-03-10", salesperson: "An", region: "North", expense: 95 }];
  const scorecard = computeScorecard({
    data: salesData(spend),
    template: templateWith([{ kpi: "expense_vs_budget", target: { type: "range", min: 0.8, max: 0.9 } }]),
    targets: [{ entity: "An", period: "2026-03", kpi: "expense_vs_budget", target: 100 }],
    now: LATER,
  });
  // 95 / 100 = 0.95, above 0.9 by 0.05 → 1 − 0.05 / 0.9
  const cell = rowOf(scorecard, "An").kpis.expense_vs_budget!;
  expect(cell.actual).toBeCloseTo(0.95, 12);
  expect(cell.attainment).toBeCloseTo(1 - 0.05 / 0.9, 12);
});
