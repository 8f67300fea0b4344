import { KPI_IDS } from "../../../src/engine/kpis";
/**
 * Hand-computed fixtures for every KPI of the catalogue (product.md §4), through computeScorecard so the
 * KPI is read exactly as the product reads it. Each expected value shows its arithmetic.
 */
import { computeScorecard } from "../../../src/engine/scorecard";
import { KPI_REGISTRY, getKpi } from "../../../src/engine/kpis";
import { LANGS, type KpiId, type TemplateKpi } from "../../../src/engine/types";
import { historyOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

/** The KPI's cell for one entity and period. */
function kpiCell(rows: FixtureRow[], kpi: Partial<TemplateKpi> & { kpi: KpiId }, entity: string, period: string) {
  const scorecard = computeScorecard({ data: salesData(rows), template: templateWith([kpi]), now: LATER });
  return historyOf(scorecard, entity, period, kpi.kpi);
}

describe("the registry", () => {
  test("lists the 20 KPI ids of the catalogue exactly once, each with names and a definition in four languages", () => {
    expect(KPI_REGISTRY).toHaveLength(20);
    expect(KPI_REGISTRY.map((k) => k.id).sort()).toEqual([...KPI_IDS].sort());
    for (const k of KPI_REGISTRY) {
      for (const lang of LANGS) {
        expect(k.names[lang].trim()).not.toBe("");
        expect(k.definition[lang].trim()).not.toBe("");
      }
      expect(getKpi(k.id)).toBe(k);
    }
    expect(getKpi("no_such_kpi")).toBeUndefined();
  });
});

describe("amounts", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-03", salesperson: "An", revenue: 100, quantity: 3, cost: 60 },
    { date: "2026-01-09", salesperson: "An", revenue: 50, quantity: 4, cost: 20 },
    { date: "2026-01-20", salesperson: "An", revenue: 30 }, // no cost, no quantity
    { date: "2026-01-21", salesperson: "Binh", quantity: 1 }, // no revenue at all
  ];

  test("net_sales = Σ revenue; blank revenue is not zero", () => {
    // 100 + 50 + 30 = 180
    expect(kpiCell(rows, { kpi: "net_sales" }, "An", "2026-01").actual).toBe(180);
    expect(kpiCell(rows, { kpi: "net_sales" }, "Binh", "2026-01").actual).toBeNull();
  });

  test("sales_volume = Σ quantity", () => {
    // 3 + 4 = 7 (the row without a quantity adds nothing)
    expect(kpiCell(rows, { kpi: "sales_volume" }, "An", "2026-01").actual).toBe(7);
  });

  test("gross_profit = Σ (revenue − cost) over rows with both", () => {
    // (100 − 60) + (50 − 20) = 70; the 30 without a cost is left out
    expect(kpiCell(rows, { kpi: "gross_profit" }, "An", "2026-01").actual).toBe(70);
  });

  test("gross_margin_pct = gross_profit / net_sales", () => {
    // 70 / 180
    expect(kpiCell(rows, { kpi: "gross_margin_pct" }, "An", "2026-01").actual).toBeCloseTo(70 / 180, 12);
  });
});

describe("plan_attainment", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-03", salesperson: "An", revenue: 200 },
    { date: "2026-01-04", salesperson: "An", revenue: 100 },
  ];
  test("net_sales / the plan, scored against 1.0", () => {
    // 300 / 400 = 0.75; target shown as 1 (the plan met), attainment = 0.75
    const cell = kpiCell(rows, { kpi: "plan_attainment", target: { type: "fixed", value: 400 } }, "An", "2026-01");
    expect(cell.actual).toBe(0.75);
    expect(cell.target).toBe(1);
    expect(cell.attainment).toBe(0.75);
  });
  test("no plan in the targets table gives the reason 'no sales plan'", () => {
    const scorecard = computeScorecard({
      data: salesData(rows),
      template: templateWith([{ kpi: "plan_attainment", target: { type: "table" } }]),
      now: LATER,
    });
    expect(scorecard.rows.find((r) => r.entity === "An")!.kpis.plan_attainment).toMatchObject({
      actual: null,
      reason: "no sales plan",
    });
    expect(scorecard.notes.filter((n) => n.kind === "target_missing")).toHaveLength(1);
  });
});

describe("shares", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-03", salesperson: "An", revenue: 300, margin_tier: "Premium", new_product: true },
    { date: "2026-01-04", salesperson: "An", revenue: 100, margin_tier: "premium", new_product: false },
    { date: "2026-01-05", salesperson: "An", revenue: 500, margin_tier: "standard", new_product: false },
    { date: "2026-01-06", salesperson: "An", revenue: 100, margin_tier: "Gold" }, // flag blank
  ];
  test("premium_share = revenue of premium tiers (case-insensitive) / net_sales", () => {
    // (300 + 100) / (300 + 100 + 500 + 100) = 400 / 1000
    expect(kpiCell(rows, { kpi: "premium_share" }, "An", "2026-01").actual).toBe(0.4);
  });
  test("premium_share counts the tiers the template lists", () => {
    // premium + gold: (300 + 100 + 100) / 1000
    expect(kpiCell(rows, { kpi: "premium_share", premiumTiers: ["gold", "PREMIUM"] }, "An", "2026-01").actual).toBe(
      0.5,
    );
  });
  test("new_product_share = revenue of new products / net_sales", () => {
    // 300 / 1000 (the row with a blank flag stays in net sales)
    expect(kpiCell(rows, { kpi: "new_product_share" }, "An", "2026-01").actual).toBe(0.3);
  });
});

describe("collections and credit", () => {
  test("collection_rate = Σ collected / Σ receivable", () => {
    const rows: FixtureRow[] = [
      { date: "2026-01-03", salesperson: "An", collected: 90, receivable: 100 },
      { date: "2026-01-04", salesperson: "An", collected: 45, receivable: 50 },
    ];
    // (90 + 45) / (100 + 50) = 135 / 150 = 0.9
    expect(kpiCell(rows, { kpi: "collection_rate" }, "An", "2026-01").actual).toBeCloseTo(0.9, 12);
  });
  test("blank receivable is not zero: the rate is not available, not 0", () => {
    const rows: FixtureRow[] = [
      { date: "2026-01-03", salesperson: "An", collected: 90 },
      { date: "2026-01-03", salesperson: "Binh", collected: 0, receivable: 0 },
    ];
    const blank = kpiCell(rows, { kpi: "collection_rate" }, "An", "2026-01");
    expect(blank.actual).toBeNull();
    expect(blank.attainment).toBeNull();
    expect(kpiCell(rows, { kpi: "collection_rate" }, "Binh", "2026-01").actual).toBeNull();
    const scorecard = computeScorecard({
      data: salesData(rows),
      template: templateWith([{ kpi: "collection_rate" }]),
      now: LATER,
    });
    expect(scorecard.rows.find((r) => r.entity === "An")!.kpis.collection_rate!.reason).toBe("no receivable in period");
  });
  test("bad_debt_rate = Σ bad_debt / net_sales, lower is better", () => {
    const rows: FixtureRow[] = [
      { date: "2026-01-03", salesperson: "An", revenue: 600, bad_debt: 20 },
      { date: "2026-01-04", salesperson: "An", revenue: 400 },
    ];
    // 20 / 1000 = 0.02; target 0.05, lower better: attainment 0.05 / 0.02 = 2.5
    const cell = kpiCell(rows, { kpi: "bad_debt_rate", target: { type: "fixed", value: 0.05 } }, "An", "2026-01");
    expect(cell.actual).toBe(0.02);
    expect(cell.attainment).toBeCloseTo(2.5, 12);
    expect(cell.score).toBeCloseTo(1.2, 12); // clamped to the default cap
  });
});

describe("customers", () => {
  // Dec: An sells to C0. Jan: An sells to C1, C2 (C1 twice). Feb: Binh sells to C1 and C3, An to C2.
  const rows: FixtureRow[] = [
    { date: "2025-12-10", salesperson: "An", region: "North", customer: "C0" },
    { date: "2026-01-10", salesperson: "An", region: "North", customer: "C1" },
    { date: "2026-01-11", salesperson: "An", region: "North", customer: "C1" },
    { date: "2026-01-12", salesperson: "An", region: "North", customer: "C2" },
    { date: "2026-02-03", salesperson: "Binh", region: "South", customer: "C1" },
    { date: "2026-02-04", salesperson: "Binh", region: "South", customer: "C3" },
    { date: "2026-02-05", salesperson: "An", region: "North", customer: "C2" },
  ];
  test("active_customers counts distinct customers", () => {
    // Jan An: {C1, C2} = 2 (C1's second row is not another customer)
    expect(kpiCell(rows, { kpi: "active_customers" }, "An", "2026-01").actual).toBe(2);
    // Feb total: {C1, C3, C2} = 3
    expect(kpiCell(rows, { kpi: "active_customers" }, "Total", "2026-02").actual).toBe(3);
  });
  test("new_customers: the first transaction over all rows decides the entity and period", () => {
    // C1 first bought from An in Jan: new for An (and North) in Jan, not new for Binh in Feb.
    expect(kpiCell(rows, { kpi: "new_customers" }, "An", "2026-01").actual).toBe(2); // C1, C2
    expect(kpiCell(rows, { kpi: "new_customers" }, "Binh", "2026-02").actual).toBe(1); // C3 only
    expect(kpiCell(rows, { kpi: "new_customers" }, "South", "2026-02").actual).toBe(1);
    expect(kpiCell(rows, { kpi: "new_customers" }, "An", "2026-02").actual).toBe(0); // C2 is not new again
    expect(kpiCell(rows, { kpi: "new_customers" }, "Total", "2026-02").actual).toBe(1);
  });
  test("new_customers in the first period of the data is not available, with one data note", () => {
    const scorecard = computeScorecard({
      data: salesData(rows),
      template: templateWith([{ kpi: "new_customers" }]),
      now: LATER,
    });
    const first = historyOf(scorecard, "An", "2025-12", "new_customers");
    expect(first.actual).toBeNull();
    const notes = scorecard.notes.filter((n) => n.kind === "no_history_for_new_customers");
    expect(notes).toHaveLength(1);
    expect(notes[0].problem).toContain("2025-12");
  });
  test("customer_retention = share of last period's active customers active again", () => {
    // An: Jan {C1, C2} → Feb {C2}: 1 / 2
    expect(kpiCell(rows, { kpi: "customer_retention" }, "An", "2026-02").actual).toBe(0.5);
    // Total: Jan {C1, C2} → Feb {C1, C2, C3}: 2 / 2
    expect(kpiCell(rows, { kpi: "customer_retention" }, "Total", "2026-02").actual).toBe(1);
    // An: Dec {C0} → Jan {C1, C2}: 0 / 1
    expect(kpiCell(rows, { kpi: "customer_retention" }, "An", "2026-01").actual).toBe(0);
    // Binh had no customers in Jan: not available
    expect(kpiCell(rows, { kpi: "customer_retention" }, "Binh", "2026-02").actual).toBeNull();
  });
});

describe("deals", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-03", salesperson: "An", order_id: "O1", status: "won" },
    { date: "2026-01-03", salesperson: "An", order_id: "O1", status: "won" }, // second line of O1
    { date: "2026-01-04", salesperson: "An", order_id: "O2", status: "won" },
    { date: "2026-01-05", salesperson: "An", order_id: "O3", status: "lost" },
    { date: "2026-01-06", salesperson: "An", order_id: "O4", status: "cancelled" },
    { date: "2026-01-07", salesperson: "An", order_id: "O5", status: "open" },
  ];
  test("conversion_rate = won / (won + lost), counting distinct orders when order ids are mapped", () => {
    // orders: won {O1, O2} = 2, lost {O3} = 1 → 2 / 3
    expect(kpiCell(rows, { kpi: "conversion_rate" }, "An", "2026-01").actual).toBeCloseTo(2 / 3, 12);
  });
  test("conversion_rate counts rows when there is no order id", () => {
    const noOrders = rows.map(({ order_id: _ignored, ...rest }) => rest);
    // rows: won 3, lost 1 → 3 / 4
    expect(kpiCell(noOrders, { kpi: "conversion_rate" }, "An", "2026-01").actual).toBe(0.75);
  });
  test("failure_rate = (lost + cancelled) / closed deals, lower is better", () => {
    // (1 + 1) / (2 + 1 + 1) = 0.5; target 0.25 lower-better → 0.25 / 0.5 = 0.5
    const cell = kpiCell(rows, { kpi: "failure_rate", target: { type: "fixed", value: 0.25 } }, "An", "2026-01");
    expect(cell.actual).toBe(0.5);
    expect(cell.attainment).toBe(0.5);
  });
  test("avg_order_value = net_sales / distinct orders", () => {
    const sales: FixtureRow[] = [
      { date: "2026-01-03", salesperson: "An", order_id: "O1", revenue: 100 },
      { date: "2026-01-03", salesperson: "An", order_id: "O1", revenue: 50 },
      { date: "2026-01-04", salesperson: "An", order_id: "O2", revenue: 150 },
    ];
    // (100 + 50 + 150) / 2 orders = 150
    expect(kpiCell(sales, { kpi: "avg_order_value" }, "An", "2026-01").actual).toBe(150);
  });
});

describe("expense_vs_budget", () => {
  const rows = (spent: number[]): FixtureRow[] =>
    spent.map((expense, i) => ({ date: `2026-01-0${i + 1}`, salesperson: "An", expense }));
  test("Σ expense / budget, 100 % anywhere within 5 % of budget", () => {
    // (50 + 55) / 100 = 1.05: on the band's edge → attainment 1
    const cell = kpiCell(
      rows([50, 55]),
      { kpi: "expense_vs_budget", target: { type: "fixed", value: 100 } },
      "An",
      "2026-01",
    );
    expect(cell.actual).toBeCloseTo(1.05, 12);
    expect(cell.attainment).toBe(1);
  });
  test("falls off outside the band", () => {
    // 120 / 100 = 1.2; above 1.05 by 0.15 → 1 − 0.15 / 1.05
    const cell = kpiCell(
      rows([120]),
      { kpi: "expense_vs_budget", target: { type: "fixed", value: 100 } },
      "An",
      "2026-01",
    );
    expect(cell.attainment).toBeCloseTo(1 - 0.15 / 1.05, 12);
  });
});

describe("sales_growth_yoy", () => {
  const rows: FixtureRow[] = [
    { date: "2025-03-10", salesperson: "An", revenue: 200 },
    { date: "2026-02-10", salesperson: "An", revenue: 90 },
    { date: "2026-03-10", salesperson: "An", revenue: 250 },
  ];
  test("net_sales / same period last year − 1", () => {
    // 250 / 200 − 1 = 0.25
    expect(kpiCell(rows, { kpi: "sales_growth_yoy" }, "An", "2026-03").actual).toBeCloseTo(0.25, 12);
  });
  test("no sales in the same period last year gives a reason", () => {
    // Feb 2025 lies before the data, which starts in Mar 2025.
    const scorecard = computeScorecard({
      data: salesData(rows),
      template: templateWith([{ kpi: "sales_growth_yoy" }]),
      asOf: "2026-02",
      now: LATER,
    });
    expect(scorecard.rows.find((r) => r.entity === "An")!.kpis.sales_growth_yoy).toMatchObject({
      actual: null,
      reason: "no data for 2025-02",
    });
  });
});

describe("new_product_distribution", () => {
  // North: An (C1 buys new, C2 old only), Chi (C3 with a blank flag, C1 again old); South: Binh (nobody new).
  const rows: FixtureRow[] = [
    { date: "2026-01-05", salesperson: "An", region: "North", customer: "C1", new_product: true },
    { date: "2026-01-06", salesperson: "An", region: "North", customer: "C1", new_product: false },
    { date: "2026-01-07", salesperson: "An", region: "North", customer: "C2", new_product: false },
    { date: "2026-01-08", salesperson: "Chi", region: "North", customer: "C3" }, // blank flag: not a new-product buyer
    { date: "2026-01-09", salesperson: "Chi", region: "North", customer: "C1", new_product: false },
    { date: "2026-01-10", salesperson: "Binh", region: "South", customer: "C4", new_product: false },
    { date: "2026-02-10", salesperson: "Binh", region: "South", customer: "C4", new_product: true },
  ];
  const kpi = { kpi: "new_product_distribution" as const };

  test("= distinct active customers who bought a new product / distinct active customers", () => {
    // An, 2026-01: {C1} bought new of {C1, C2} active → 1 / 2
    expect(kpiCell(rows, kpi, "An", "2026-01").actual).toBe(0.5);
    // Chi, 2026-01: C3's flag is blank and C1 bought old from Chi → 0 / 2
    expect(kpiCell(rows, kpi, "Chi", "2026-01").actual).toBe(0);
    // Binh: 2026-01 0 / 1, 2026-02 1 / 1
    expect(kpiCell(rows, kpi, "Binh", "2026-01").actual).toBe(0);
    expect(kpiCell(rows, kpi, "Binh", "2026-02").actual).toBe(1);
  });

  test("a region recounts distinct customers (C1 counts once for North), never averages its reps", () => {
    // North, 2026-01: active {C1, C2, C3} = 3, new-product buyers {C1} = 1 → 1 / 3 (the reps' mean would be 0.25)
    expect(kpiCell(rows, kpi, "North", "2026-01").actual).toBeCloseTo(1 / 3, 12);
    // Total, 2026-01: active {C1, C2, C3, C4} = 4, buyers {C1} → 1 / 4
    const total = computeScorecard({ data: salesData(rows), template: templateWith([kpi]), now: LATER }).history.find(
      (h) => h.level === "total" && h.period === "2026-01" && h.kpi === "new_product_distribution",
    );
    expect(total?.actual).toBe(0.25);
  });

  test("a period without active customers is not available, with the reason", () => {
    // An sold nothing in 2026-02 but is still listed: no active customers → no share.
    const cell = kpiCell(rows, kpi, "An", "2026-02");
    expect(cell.actual).toBeNull();
    const row = computeScorecard({
      data: salesData(rows),
      template: templateWith([kpi]),
      now: LATER,
      asOf: "2026-02",
    }).rows.find((r) => r.entity === "An")!;
    expect(row.kpis.new_product_distribution).toMatchObject({ reasonCode: "no_active_customers_in" });
  });
});

describe("customer_satisfaction", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-05", salesperson: "An", region: "North", satisfaction: 4 },
    { date: "2026-01-06", salesperson: "An", region: "North", satisfaction: 5 },
    { date: "2026-01-07", salesperson: "An", region: "North" }, // blank score: left out, not 0
    { date: "2026-01-08", salesperson: "Chi", region: "North", satisfaction: 3 },
    { date: "2026-01-09", salesperson: "Binh", region: "South" },
  ];
  const kpi = { kpi: "customer_satisfaction" as const, target: { type: "fixed" as const, value: 4 } };

  test("= the average of the scores given; a blank score is not a zero", () => {
    // An: (4 + 5) / 2 = 4.5 (not (4 + 5 + 0) / 3 = 3); attainment 4.5 / 4
    const cell = kpiCell(rows, kpi, "An", "2026-01");
    expect(cell.actual).toBe(4.5);
    expect(cell.attainment).toBeCloseTo(4.5 / 4, 12);
  });

  test("a region averages all its scores, not its reps' averages", () => {
    // North: (4 + 5 + 3) / 3 = 4 (the mean of An's 4.5 and Chi's 3 would be 3.75)
    expect(kpiCell(rows, kpi, "North", "2026-01").actual).toBe(4);
  });

  test("no score in the period is not available, naming the satisfaction scores", () => {
    const row = computeScorecard({ data: salesData(rows), template: templateWith([kpi]), now: LATER }).rows.find(
      (r) => r.entity === "Binh",
    )!;
    expect(row.kpis.customer_satisfaction).toMatchObject({
      actual: null,
      reasonCode: "no_amount_in_period",
      reasonParams: { amount: "satisfaction_scores" },
      reason: "no satisfaction scores in period",
    });
  });

  test("without a satisfaction column the KPI is marked not available, not the run refused", () => {
    const noScores = rows.map(({ satisfaction: _, ...rest }) => rest);
    const scorecard = computeScorecard({ data: salesData(noScores), template: templateWith([kpi]), now: LATER });
    expect(scorecard.kpis[0]).toMatchObject({
      id: "customer_satisfaction",
      available: false,
      missingRoles: ["satisfaction"],
    });
  });
});
