/** Pace in the running period (issue 13 §2): expected to date, projection and projected status. */
import fc from "fast-check";
import { KPI_IDS } from "../../../src/engine/kpis";
import { computeScorecard } from "../../../src/engine/scorecard";
import { isoWeekday } from "../../../src/engine/scorecard/pace";
import { isoDateSerial } from "../../../src/engine/values/excelSerial";
import { validateTemplate } from "../../../src/engine/templates";
import type { PeriodKind, TemplateKpi } from "../../../src/engine/types";
import { validTemplateJson } from "../templates/templateBuilder";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

// March 2026 starts on a Sunday: Monday–Friday working days are 2–6, 9–13, 16–20, 23–27, 30–31 = 22.
// As of Friday 13 March, 10 of them have passed: share 10 / 22.
const rows: FixtureRow[] = [
  { date: "2026-03-05", salesperson: "An", region: "North", revenue: 20, collected: 30, receivable: 40 },
  { date: "2026-03-12", salesperson: "An", region: "North", revenue: 30, collected: 0, receivable: 0 },
  // After the as-of date: left out, with a note.
  { date: "2026-03-20", salesperson: "An", region: "North", revenue: 100, collected: 10, receivable: 60 },
];
const kpis: Array<Partial<TemplateKpi> & Pick<TemplateKpi, "kpi">> = [
  { kpi: "net_sales", target: { type: "fixed", value: 110 } },
  { kpi: "collection_rate", target: { type: "fixed", value: 0.8 } },
];

test("weekday helpers: 2026-03-01 is a Sunday, 2026-03-13 a Friday; bad dates are refused", () => {
  expect(isoWeekday(isoDateSerial("2026-03-01")!)).toBe(7);
  expect(isoWeekday(isoDateSerial("2026-03-13")!)).toBe(5);
  expect(isoDateSerial("2026-02-30")).toBeNull();
  expect(isoDateSerial("13/03/2026")).toBeNull();
});

describe("as of Friday 13 March 2026, Monday–Friday", () => {
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith(kpis),
    asOfDate: "2026-03-13",
    now: LATER,
  });
  const an = rowOf(scorecard, "An");

  test("the calendar facts: 10 of 22 working days", () => {
    expect(scorecard.asOf).toBe("2026-03");
    expect(scorecard.pace).toEqual({
      asOfDate: "2026-03-13",
      basis: "lastYear",
      lastYearDate: "2025-03-13",
      workWeek: [1, 2, 3, 4, 5],
      elapsedWorkingDays: 10,
      periodWorkingDays: 22,
    });
  });

  test("an amount: expected to date 110 × 10/22 = 50, projected 50 ÷ (10/22) = 110, on pace (met)", () => {
    const cell = an.kpis.net_sales!;
    expect(cell.actual).toBe(50); // 20 + 30; the 100 of 20 March is after the as-of date
    expect(cell.pace!.asOfDate).toBe("2026-03-13");
    expect(cell.pace!.expectedToDate).toBeCloseTo(50, 9);
    expect(cell.pace!.projected).toBeCloseTo(110, 9);
    expect(cell.pace!.projectedAttainment).toBeCloseTo(1, 9);
    expect(cell.pace!.status).toBe("met");
  });

  test("pace never changes attainment, score or payout: they are the actual to date against the full target", () => {
    const cell = an.kpis.net_sales!;
    expect(cell.attainment).toBeCloseTo(50 / 110, 9);
    expect(cell.status).toBe("missed");
    const rate = an.kpis.collection_rate!;
    // score = mean of min(50/110, 1.2) and min(0.75/0.8, 1.2); the payout curve pays the score
    expect(an.score).toBeCloseTo((50 / 110 + 0.75 / 0.8) / 2, 9);
    expect(an.payout).toBeCloseTo((50 / 110 + 0.75 / 0.8) / 2, 9);
    expect(rate.attainment).toBeCloseTo(0.75 / 0.8, 9);
  });

  test("a rate is expected at its target every day and projected as it stands", () => {
    const pace = an.kpis.collection_rate!.pace!;
    expect(an.kpis.collection_rate!.actual).toBeCloseTo(30 / 40, 9);
    expect(pace.expectedToDate).toBe(0.8);
    expect(pace.projected).toBeCloseTo(0.75, 9);
    expect(pace.projectedAttainment).toBeCloseTo(0.75 / 0.8, 9);
  });

  test("the rows after the as-of date are left out with one note; the history has no pace", () => {
    const later = scorecard.notes.filter((n) => n.kind === "after_as_of_date");
    expect(later).toHaveLength(1);
    expect(later[0].value).toBe("1");
    expect(scorecard.history.every((h) => !("pace" in h))).toBe(true);
  });
});

test("a six-day week counts Saturdays: 11 of 26 working days as of 13 March", () => {
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith(kpis, { pace: { workWeek: [1, 2, 3, 4, 5, 6] } }),
    asOfDate: "2026-03-13",
    now: LATER,
  });
  // Saturdays 7, 14, 21, 28 added: 22 + 4 = 26; elapsed 2–7 and 9–13 = 11
  expect(scorecard.pace).toMatchObject({ elapsedWorkingDays: 11, periodWorkingDays: 26 });
  expect(rowOf(scorecard, "An").kpis.net_sales!.pace!.expectedToDate).toBeCloseTo((110 * 11) / 26, 9);
});

test("a complete period has no pace; scoring today's period on the clock gives pace as of today", () => {
  const complete = computeScorecard({ data: salesData(rows), template: templateWith(kpis), now: LATER });
  expect(complete.pace).toBeUndefined();
  expect(complete.rows.every((r) => Object.values(r.kpis).every((c) => !("pace" in c!)))).toBe(true);
  const running = computeScorecard({
    data: salesData(rows),
    template: templateWith(kpis),
    asOf: "2026-03",
    now: new Date("2026-03-13T09:00:00Z"),
  });
  expect(running.pace?.asOfDate).toBe("2026-03-13");
  expect(rowOf(running, "An").kpis.net_sales!.actual).toBe(50);
});

test("the pace setting is validated with its path", () => {
  const errorsOf = (pace: unknown) => {
    const result = validateTemplate({ ...validTemplateJson(), pace });
    return result.ok ? [] : result.errors;
  };
  expect(errorsOf({ workWeek: [1, 2, 3, 4, 5, 6] })).toEqual([]);
  expect(errorsOf({ workWeek: [0] })).toEqual([{ path: "pace.workWeek[0]", message: "must be at least 1" }]);
  expect(errorsOf({ workWeek: [] })).toEqual([{ path: "pace.workWeek", message: "must not be empty" }]);
  expect(errorsOf({ workWeek: [1, 1] })).toEqual([
    { path: "pace.workWeek", message: "must not repeat: items 1 and 0 are the same" },
  ]);
});

describe("property: on the period's last day pace equals attainment", () => {
  const row: fc.Arbitrary<FixtureRow> = fc.record({
    date: fc
      .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ m, d }) => `2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
    salesperson: fc.constantFrom("An", "Binh", "Chi"),
    region: fc.constantFrom("North", "South"),
    customer: fc.constantFrom("c1", "c2", "c3"),
    margin_tier: fc.constantFrom("premium", "standard"),
    revenue: fc.integer({ min: 0, max: 1000 }),
    quantity: fc.integer({ min: 0, max: 50 }),
    cost: fc.integer({ min: 0, max: 800 }),
    collected: fc.integer({ min: 0, max: 500 }),
    receivable: fc.integer({ min: 0, max: 500 }),
    bad_debt: fc.integer({ min: 0, max: 50 }),
    expense: fc.integer({ min: 0, max: 300 }),
  });
  const every = KPI_IDS.map((kpi) => ({
    kpi,
    target: { type: "fixed" as const, value: 0.5 },
    marginMix:
      kpi === "margin_mix"
        ? { basis: "quantity" as const, tiers: [{ tier: "premium", target: 10, targetKind: "amount" as const }] }
        : undefined,
  }));
  // Sunday 8 March 2026 ends ISO week 2026-W10; Tuesday 31 March is a working day.
  const lastDay: Record<PeriodKind, string> = {
    month: "2026-03-31",
    quarter: "2026-06-30",
    year: "2026-12-31",
    week: "2026-03-08",
    day: "2026-03-31",
  };

  test.each(["month", "quarter", "year", "week", "day"] as PeriodKind[])("%s", (kind) => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (data) => {
        const scorecard = computeScorecard({
          data: salesData(data),
          template: templateWith(every as never, { period: { kind, fiscalYearStartMonth: 1 } }),
          asOfDate: lastDay[kind],
          now: LATER,
        });
        expect(scorecard.pace!.elapsedWorkingDays).toBe(scorecard.pace!.periodWorkingDays);
        for (const r of scorecard.rows) {
          for (const cell of Object.values(r.kpis)) {
            // A KPI whose column is missing has no value and so no pace.
            if (cell!.pace === undefined && cell!.reasonCode === "column_not_mapped") continue;
            expect(cell!.pace!.projected).toBe(cell!.actual);
            expect(cell!.pace!.projectedAttainment).toBe(cell!.attainment);
            expect(cell!.pace!.status).toBe(cell!.status);
            expect(cell!.pace!.expectedToDate).toBe(cell!.target ?? null);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
