/**
 * Week and day periods through computeScorecard (issue 13 §5), hand-computed: growth against the same
 * week last year (W53 → W52), Sunday weeks, day periods on 29 February, pace within a week.
 */
import { computeScorecard } from "../../../src/engine/scorecard";
import type { TemplateKpi } from "../../../src/engine/types";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

const kpis: Array<Partial<TemplateKpi> & Pick<TemplateKpi, "kpi">> = [
  { kpi: "net_sales", target: { type: "fixed", value: 100 } },
  { kpi: "sales_growth_yoy", target: { type: "fixed", value: 0.1 } },
];
const sale = (date: string, revenue: number): FixtureRow => ({ date, salesperson: "An", region: "North", revenue });

describe("ISO weeks", () => {
  // 2020-W53 = Mon 2020-12-28 … Sun 2021-01-03; 2019 has 52 weeks, so last year's week is 2019-W52 =
  // Mon 2019-12-23 … Sun 2019-12-29 (2020-W01 starts Mon 2019-12-30).
  const rows = [
    sale("2019-12-23", 40),
    sale("2019-12-29", 40), // 2019-W52: 80
    sale("2019-12-30", 1000), // 2020-W01: not last year's week
    sale("2020-12-28", 60),
    sale("2021-01-03", 40), // 2020-W53: 100 (Sunday 3 January 2021 is still in 2020-W53)
    sale("2021-01-04", 7), // 2021-W01
  ];
  const template = templateWith(kpis, { period: { kind: "week", fiscalYearStartMonth: 1 } });
  const scorecard = computeScorecard({ data: salesData(rows), template, asOf: "2020-W53", now: LATER });

  test("2020-W53 holds 28 December – 3 January: net sales 60 + 40 = 100", () => {
    expect(scorecard.period).toBe("week");
    expect(scorecard.weekStart).toBe(1);
    expect(scorecard.asOf).toBe("2020-W53");
    expect(rowOf(scorecard, "An").kpis.net_sales!.actual).toBe(100);
  });

  test("growth against 2019-W52 (80): 100 / 80 − 1 = 25 %", () => {
    expect(rowOf(scorecard, "An").kpis.sales_growth_yoy!.actual).toBeCloseTo(0.25, 12);
  });

  test("history and the default as-of are in weeks: the latest complete week is 2021-W01", () => {
    const periods = [...new Set(scorecard.history.filter((h) => h.level === "total").map((h) => h.period))];
    expect(periods[0]).toBe("2019-W52");
    expect(periods).toContain("2020-W53");
    expect(periods[periods.length - 1]).toBe("2021-W01");
    expect(computeScorecard({ data: salesData(rows), template, now: LATER }).asOf).toBe("2021-W01");
  });
});

test("Sunday weeks: Thursday 2026-01-01 is in 2025-W53 (28 Dec – 3 Jan), compared with 2024-W52 (22 – 28 Dec 2024)", () => {
  const rows = [
    sale("2024-12-22", 30),
    sale("2024-12-28", 20), // 2024-W52 (Sunday weeks; 2025-W01 starts Sunday 29 December 2024): 50
    sale("2024-12-29", 500),
    sale("2025-12-28", 40),
    sale("2026-01-01", 35), // 2025-W53: 75
    sale("2026-01-04", 9), // 2026-W01
  ];
  const template = templateWith(kpis, { period: { kind: "week", fiscalYearStartMonth: 1, weekStart: 7 } });
  const scorecard = computeScorecard({ data: salesData(rows), template, asOfDate: "2026-01-03", now: LATER });
  expect(scorecard.asOf).toBe("2025-W53");
  expect(scorecard.weekStart).toBe(7);
  const an = rowOf(scorecard, "An").kpis;
  expect(an.net_sales!.actual).toBe(75);
  expect(an.sales_growth_yoy!.actual).toBeCloseTo(75 / 50 - 1, 12);
  // Saturday 3 January ends the week: pace is the actual (Mon–Fri are 5 of the week's 5 working days).
  expect(scorecard.pace).toMatchObject({ elapsedWorkingDays: 5, periodWorkingDays: 5 });
});

test("pace within an ISO week: as of Tuesday 2026-03-03, 2 of 5 working days; 40 so far → projected 100", () => {
  const rows = [sale("2026-03-02", 25), sale("2026-03-03", 15), sale("2026-03-04", 500)];
  const template = templateWith([kpis[0]], { period: { kind: "week", fiscalYearStartMonth: 1 } });
  const scorecard = computeScorecard({ data: salesData(rows), template, asOfDate: "2026-03-03", now: LATER });
  expect(scorecard.asOf).toBe("2026-W10");
  const cell = rowOf(scorecard, "An").kpis.net_sales!;
  expect(cell.actual).toBe(40); // the 500 of Wednesday is after the as-of date
  expect(cell.pace!.expectedToDate).toBeCloseTo(100 * (2 / 5), 12);
  expect(cell.pace!.projected).toBeCloseTo(40 / (2 / 5), 12);
  expect(cell.pace!.status).toBe("met");
});

test("days: 2024-02-29 is compared with 2023-02-28; 2025-02-28 with 2024-02-28, not the leap day", () => {
  const rows = [
    sale("2023-02-28", 50),
    sale("2024-02-28", 80),
    sale("2024-02-29", 60),
    sale("2025-02-28", 100),
    sale("2025-03-01", 1),
  ];
  const template = templateWith(kpis, { period: { kind: "day", fiscalYearStartMonth: 1 } });
  const leap = computeScorecard({ data: salesData(rows), template, asOf: "2024-02-29", now: LATER });
  expect(leap.period).toBe("day");
  expect(rowOf(leap, "An").kpis.net_sales!.actual).toBe(60);
  expect(rowOf(leap, "An").kpis.sales_growth_yoy!.actual).toBeCloseTo(60 / 50 - 1, 12);
  const after = computeScorecard({ data: salesData(rows), template, asOf: "2025-02-28", now: LATER });
  expect(rowOf(after, "An").kpis.sales_growth_yoy!.actual).toBeCloseTo(100 / 80 - 1, 12);
});
