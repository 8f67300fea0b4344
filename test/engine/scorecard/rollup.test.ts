/** Grouping, roll-up, ordering and the period of a scorecard (product.md §4, §7, §9). */
import { computeScorecard } from "../../../src/engine/scorecard";
import { historyOf, rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

describe("roll-up recomputes from sums", () => {
  const rows: FixtureRow[] = [
    // An (North): 90 / 100 = 0.9; Chi (North): 20 / 40 = 0.5; Binh (South): 30 / 30 = 1
    { date: "2026-01-05", salesperson: "An", region: "North", customer: "C1", collected: 90, receivable: 100 },
    { date: "2026-01-06", salesperson: "Chi", region: "North", customer: "C1", collected: 20, receivable: 40 },
    { date: "2026-01-07", salesperson: "Binh", region: "South", customer: "C2", collected: 30, receivable: 30 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "collection_rate" }, { kpi: "active_customers" }]),
    now: LATER,
  });

  test("a region's rate is its summed collected over its summed receivable, not the mean of its reps' rates", () => {
    // North: (90 + 20) / (100 + 40) = 110 / 140; the mean of 0.9 and 0.5 would be 0.7
    expect(rowOf(scorecard, "North").kpis.collection_rate!.actual).toBeCloseTo(110 / 140, 12);
    // Total: (90 + 20 + 30) / (100 + 40 + 30) = 140 / 170
    expect(rowOf(scorecard, "Total").kpis.collection_rate!.actual).toBeCloseTo(140 / 170, 12);
  });

  test("distinct customers are not double counted across reps", () => {
    // C1 bought from An and from Chi: North has 1 active customer, not 2; the total has C1 and C2
    expect(rowOf(scorecard, "An").kpis.active_customers!.actual).toBe(1);
    expect(rowOf(scorecard, "Chi").kpis.active_customers!.actual).toBe(1);
    expect(rowOf(scorecard, "North").kpis.active_customers!.actual).toBe(1);
    expect(rowOf(scorecard, "Total").kpis.active_customers!.actual).toBe(2);
  });

  test("rows read depth first: each region's reps by name, then its subtotal, the total last", () => {
    expect(scorecard.rows.map((r) => `${r.level}:${r.entity}:${r.parent}`)).toEqual([
      "salesperson:An:North",
      "salesperson:Chi:North",
      "region:North:Total",
      "salesperson:Binh:South",
      "region:South:Total",
      "total:Total:null",
    ]);
  });
});

test("an entity whose rows carry two regions rolls up under the one most of its rows carry, with a note", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-05", salesperson: "An", region: "North", revenue: 10 },
    { date: "2026-01-06", salesperson: "An", region: "South", revenue: 20 },
    { date: "2026-01-07", salesperson: "An", region: "North", revenue: 30 },
    { date: "2026-01-07", salesperson: "Binh", region: "South", revenue: 5 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales" }]),
    now: LATER,
  });
  expect(rowOf(scorecard, "An").parent).toBe("North");
  // North gets all of An's rows, South only Binh's: 10 + 20 + 30 = 60 and 5
  expect(rowOf(scorecard, "North").kpis.net_sales!.actual).toBe(60);
  expect(rowOf(scorecard, "South").kpis.net_sales!.actual).toBe(5);
  const note = scorecard.notes.find((n) => n.kind === "ambiguous_parent")!;
  expect(note.problem).toBe("An has rows in more than one region (North 2, South 1); rolled up under North");
});

test("fiscal quarters (year starting in April) through computeScorecard", () => {
  const rows: FixtureRow[] = [
    { date: "2025-04-01", salesperson: "An", revenue: 1 }, // FY2026-Q1 (Apr–Jun 2025)
    { date: "2025-06-30", salesperson: "An", revenue: 2 }, // FY2026-Q1
    { date: "2025-07-01", salesperson: "An", revenue: 4 }, // FY2026-Q2
    { date: "2026-03-31", salesperson: "An", revenue: 8 }, // FY2026-Q4 (Jan–Mar 2026)
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales" }], {
      period: { kind: "quarter", fiscalYearStartMonth: 4 },
      rollup: [],
    }),
    now: LATER,
  });
  expect(scorecard.asOf).toBe("FY2026-Q4");
  expect(historyOf(scorecard, "An", "FY2026-Q1", "net_sales").actual).toBe(3); // 1 + 2
  expect(historyOf(scorecard, "An", "FY2026-Q2", "net_sales").actual).toBe(4);
  expect(historyOf(scorecard, "An", "FY2026-Q3", "net_sales").actual).toBe(0); // between sales: nothing sold
  expect(rowOf(scorecard, "An").kpis.net_sales!.actual).toBe(8);
});

test("the period kind can be overridden: the same rows by year", () => {
  const rows: FixtureRow[] = [
    { date: "2025-04-01", salesperson: "An", revenue: 1 },
    { date: "2026-03-31", salesperson: "An", revenue: 8 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales" }], {
      period: { kind: "quarter", fiscalYearStartMonth: 4 },
      rollup: [],
    }),
    period: "year",
    now: LATER,
  });
  // Both rows fall in the fiscal year Apr 2025 – Mar 2026, labelled by the year it ends in: 1 + 8
  expect(scorecard.asOf).toBe("FY2026");
  expect(rowOf(scorecard, "An").kpis.net_sales!.actual).toBe(9);
});

describe("asOf", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-10", salesperson: "An", revenue: 1 },
    { date: "2026-02-10", salesperson: "An", revenue: 2 },
    { date: "2026-03-10", salesperson: "An", revenue: 4 },
  ];
  const template = templateWith([{ kpi: "net_sales" }], { rollup: [] });
  test("defaults to the latest period the clock has passed", () => {
    expect(computeScorecard({ data: salesData(rows), template, now: LATER }).asOf).toBe("2026-03");
  });
  test("a period still running is not complete: the one before it is used", () => {
    const scorecard = computeScorecard({ data: salesData(rows), template, now: new Date("2026-03-20T00:00:00Z") });
    expect(scorecard.asOf).toBe("2026-02");
    expect(rowOf(scorecard, "An").kpis.net_sales!.actual).toBe(2);
  });
  test("an explicit asOf wins, and history still covers every period", () => {
    const scorecard = computeScorecard({ data: salesData(rows), template, asOf: "2026-01", now: LATER });
    expect(scorecard.rows.map((r) => r.period)).toEqual(["2026-01", "2026-01"]);
    expect(scorecard.history.filter((h) => h.entity === "An").map((h) => h.period)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
  });
  test("an asOf that is not a period label is a programming mistake", () => {
    expect(() => computeScorecard({ data: salesData(rows), template, asOf: "March", now: LATER })).toThrow(
      /asOf "March"/,
    );
  });
});

test("grouping can be overridden (by region, no roll-up above it)", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-05", salesperson: "An", region: "North", revenue: 10 },
    { date: "2026-01-06", salesperson: "Binh", region: "North", revenue: 20 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales" }]),
    groupBy: "region",
    now: LATER,
  });
  expect(scorecard.rows.map((r) => [r.level, r.entity, r.kpis.net_sales!.actual])).toEqual([
    ["region", "North", 30],
    ["total", "Total", 30],
  ]);
});

test("rows with a blank group-by cell are scored under (blank), not dropped", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-05", salesperson: "An", revenue: 10 },
    { date: "2026-01-06", revenue: 5 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales" }], { rollup: [] }),
    now: LATER,
  });
  expect(rowOf(scorecard, "(blank)").kpis.net_sales!.actual).toBe(5);
  expect(rowOf(scorecard, "Total").kpis.net_sales!.actual).toBe(15);
});

test("a rep with no sale in the asOf month is listed with zero sales, not left out; a rep who starts later is not", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-05", salesperson: "An", region: "North", revenue: 10 },
    { date: "2026-02-05", salesperson: "Binh", region: "North", revenue: 20 },
    { date: "2026-03-05", salesperson: "Chi", region: "North", revenue: 30 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales", target: { type: "fixed", value: 25 } }]),
    asOf: "2026-02",
    now: LATER,
  });
  expect(rowOf(scorecard, "An").kpis.net_sales).toMatchObject({
    actual: 0,
    target: 25,
    attainment: 0,
    status: "missed",
  });
  expect(scorecard.rows.some((r) => r.entity === "Chi")).toBe(false);
  // North's target sums the reps listed in February: An and Binh, 25 + 25
  expect(rowOf(scorecard, "North").kpis.net_sales).toMatchObject({ actual: 20, target: 50 });
  // history: An from January on, Chi only from March
  expect(scorecard.history.filter((h) => h.entity === "An").map((h) => h.period)).toEqual([
    "2026-01",
    "2026-02",
    "2026-03",
  ]);
  expect(scorecard.history.filter((h) => h.entity === "Chi").map((h) => h.period)).toEqual(["2026-03"]);
});
