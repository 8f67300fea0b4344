/**
 * Pace by last year's curve of the same period (issue 13 §2): expected to date = target × (last year's actual
 * up to the same day of the period ÷ last year's actual over the whole period), per entity and KPI; an entity
 * without last year's figures follows the total's curve, and without those pace counts working days.
 */
import fc from "fast-check";
import { KPI_IDS } from "../../../src/engine/kpis";
import { computeScorecard } from "../../../src/engine/scorecard";
import { periodKey } from "../../../src/engine/periods";
import { lastYearDay } from "../../../src/engine/scorecard/pace";
import { isoDateSerial, serialIsoDate } from "../../../src/engine/values/excelSerial";
import { validateTemplate } from "../../../src/engine/templates";
import type { PaceBasis, PeriodKind, PeriodSpec, TemplateKpi } from "../../../src/engine/types";
import { validTemplateJson } from "../templates/templateBuilder";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

const rows: FixtureRow[] = [
  // March 2025: An sold 30 + 30 by the 13th of 200 in the month (share 60 / 200 = 0.3);
  // Chi 100 by the 13th of 200 (share 0.5); the total 160 of 400 (share 0.4).
  { date: "2025-03-05", salesperson: "An", region: "North", revenue: 30, collected: 10, receivable: 10 },
  { date: "2025-03-12", salesperson: "An", region: "North", revenue: 30, collected: 10, receivable: 10 },
  { date: "2025-03-20", salesperson: "An", region: "North", revenue: 140, collected: 10, receivable: 10 },
  { date: "2025-03-01", salesperson: "Chi", region: "North", revenue: 100, collected: 10, receivable: 10 },
  { date: "2025-03-25", salesperson: "Chi", region: "North", revenue: 100, collected: 10, receivable: 10 },
  // March 2026 to the 13th: An 50, Binh (no rows last year) 40, Chi nothing yet.
  { date: "2026-03-05", salesperson: "An", region: "North", revenue: 20, collected: 30, receivable: 40 },
  { date: "2026-03-12", salesperson: "An", region: "North", revenue: 30, collected: 0, receivable: 0 },
  { date: "2026-03-10", salesperson: "Binh", region: "North", revenue: 40, collected: 0, receivable: 0 },
  { date: "2026-03-20", salesperson: "An", region: "North", revenue: 100, collected: 10, receivable: 60 }, // after
];
const kpis: Array<Partial<TemplateKpi> & Pick<TemplateKpi, "kpi">> = [
  { kpi: "net_sales", target: { type: "fixed", value: 110 } },
  { kpi: "collection_rate", target: { type: "fixed", value: 0.8 } },
];
const run = (basis?: PaceBasis, templateBasis?: PaceBasis) =>
  computeScorecard({
    data: salesData(rows),
    template: templateWith(kpis, templateBasis ? { pace: { basis: templateBasis } } : {}),
    asOfDate: "2026-03-13",
    ...(basis ? { paceBasis: basis } : {}),
    now: LATER,
  });

describe("as of 13 March 2026 with March 2025 in the data (default basis: last year's curve)", () => {
  const scorecard = run();

  test("the run says which basis and which day of last year it matched: 13 March 2025", () => {
    expect(scorecard.pace).toMatchObject({ asOfDate: "2026-03-13", basis: "lastYear", lastYearDate: "2025-03-13" });
  });

  test("An's own curve: 110 × 60/200 = 33 expected; 50 ÷ 0.3 = 166.67 projected, 151.5 % (met)", () => {
    const pace = rowOf(scorecard, "An").kpis.net_sales!.pace!;
    expect(pace.basis).toBe("lastYear");
    expect(pace.curveOf).toBeUndefined();
    expect(pace.share).toBeCloseTo(0.3, 12);
    expect(pace.expectedToDate).toBeCloseTo(33, 9);
    expect(pace.projected).toBeCloseTo(50 / 0.3, 9);
    expect(pace.projectedAttainment).toBeCloseTo(50 / 0.3 / 110, 9);
    expect(pace.status).toBe("met");
  });

  test("Chi's own curve: 100 of 200 by the 13th, share 0.5: expected 55, projected 0 (missed)", () => {
    const pace = rowOf(scorecard, "Chi").kpis.net_sales!.pace!;
    expect(pace.share).toBeCloseTo(0.5, 12);
    expect(pace.expectedToDate).toBeCloseTo(55, 9);
    expect(pace.projected).toBe(0);
    expect(pace.status).toBe("missed");
  });

  test("Binh had no rows last year: the total's curve, (60 + 100) / (200 + 200) = 0.4: expected 44, projected 100", () => {
    const pace = rowOf(scorecard, "Binh").kpis.net_sales!.pace!;
    expect(pace.basis).toBe("lastYear");
    expect(pace.curveOf).toBe("total");
    expect(pace.share).toBeCloseTo(0.4, 12);
    expect(pace.expectedToDate).toBeCloseTo(44, 9);
    expect(pace.projected).toBeCloseTo(100, 9);
    expect(pace.projectedAttainment).toBeCloseTo(100 / 110, 9);
  });

  test("the total's own curve: actual 90, share 0.4, projected 225", () => {
    const pace = rowOf(scorecard, "Total").kpis.net_sales!.pace!;
    expect(pace.share).toBeCloseTo(0.4, 12);
    expect(pace.projected).toBeCloseTo(90 / 0.4, 9);
  });

  test("a rate has no basis: expected at its target", () => {
    const pace = rowOf(scorecard, "An").kpis.collection_rate!.pace!;
    expect(pace.basis).toBeUndefined();
    expect(pace.share).toBeUndefined();
    expect(pace.expectedToDate).toBe(0.8);
  });

  test("one note names the entities that followed the total's curve", () => {
    const notes = scorecard.notes.filter((n) => n.kind === "pace_basis_fallback");
    expect(notes).toHaveLength(1);
    expect(notes[0].value).toBe("net_sales");
    expect(notes[0].problem).toContain("Binh");
    expect(notes[0].problem).not.toContain("An,");
  });

  test("attainment, score and payout are still the actual to date against the full target", () => {
    expect(rowOf(scorecard, "An").kpis.net_sales!.attainment).toBeCloseTo(50 / 110, 9);
  });
});

test("basis workingDays (template or run): 10 of 22 working days for everyone, no fallback note", () => {
  for (const scorecard of [run("workingDays"), run(undefined, "workingDays")]) {
    expect(scorecard.pace!.basis).toBe("workingDays");
    for (const name of ["An", "Binh", "Chi"]) {
      const pace = rowOf(scorecard, name).kpis.net_sales!.pace!;
      expect(pace.basis).toBe("workingDays");
      expect(pace.share).toBeCloseTo(10 / 22, 12);
      expect(pace.expectedToDate).toBeCloseTo((110 * 10) / 22, 9);
    }
    expect(scorecard.notes.some((n) => n.kind === "pace_basis_fallback")).toBe(false);
  }
  // The run's basis wins over the template's.
  expect(run("lastYear", "workingDays").pace!.basis).toBe("lastYear");
});

test("no last year in the data: working days, with the note naming every entity", () => {
  const scorecard = computeScorecard({
    data: salesData(rows.filter((r) => r.date!.startsWith("2026"))),
    template: templateWith(kpis),
    asOfDate: "2026-03-13",
    now: LATER,
  });
  const pace = rowOf(scorecard, "An").kpis.net_sales!.pace!;
  expect(pace.basis).toBe("workingDays");
  expect(pace.share).toBeCloseTo(10 / 22, 12);
  const note = scorecard.notes.find((n) => n.kind === "pace_basis_fallback")!;
  expect(note.problem).toContain("An, Binh");
});

test("last year's period with no sales for the whole data (not positive): working days", () => {
  const scorecard = computeScorecard({
    data: salesData([
      { date: "2025-02-10", salesperson: "An", revenue: 10 }, // data reaches back, but March 2025 is empty
      { date: "2026-03-05", salesperson: "An", revenue: 20 },
    ]),
    template: templateWith([{ kpi: "net_sales", target: { type: "fixed", value: 110 } }]),
    asOfDate: "2026-03-13",
    now: LATER,
  });
  expect(rowOf(scorecard, "An").kpis.net_sales!.pace!.basis).toBe("workingDays");
});

describe("day alignment: the same offset from the period's start, at most last year's last day", () => {
  const month: PeriodSpec = { kind: "month", fiscalYearStartMonth: 1 };
  const quarter: PeriodSpec = { kind: "quarter", fiscalYearStartMonth: 1 };
  const year: PeriodSpec = { kind: "year", fiscalYearStartMonth: 1 };
  const fiscalQuarter: PeriodSpec = { kind: "quarter", fiscalYearStartMonth: 4 };
  const match = (day: string, spec: PeriodSpec) => {
    const serial = isoDateSerial(day)!;
    return serialIsoDate(lastYearDay(serial, periodKey(serial, spec), spec));
  };
  test.each([
    ["2026-03-12", month, "2025-03-12"], // day 12 ↔ day 12
    ["2026-02-09", quarter, "2025-02-09"], // Q1 day 40 (31 + 9) ↔ 1 Jan 2025 + 39 = 9 Feb 2025
    ["2024-03-30", quarter, "2023-03-31"], // leap Q1, day 90 (31 + 29 + 30) ↔ 1 Jan 2023 + 89 = 31 Mar 2023, its last day
    ["2024-03-31", quarter, "2023-03-31"], // the last day ↔ the last day
    ["2025-02-28", month, "2024-02-29"], // last day of February 2025 ↔ last day of February 2024
    ["2024-02-29", month, "2023-02-28"], // day 29 ↔ at most 28 February 2023
    ["2024-02-28", month, "2023-02-28"], // day 28 ↔ day 28
    ["2026-07-01", year, "2025-07-01"], // day 182 of 2026 ↔ 1 Jan 2025 + 181 = 1 Jul 2025
    ["2024-12-30", year, "2023-12-31"], // day 365 of leap 2024 ↔ 1 Jan 2023 + 364 = 31 Dec 2023
    ["2026-05-20", fiscalQuarter, "2025-05-20"], // FY quarter Apr–Jun: day 50 (30 + 20) ↔ 1 Apr 2025 + 49
  ])("%s (%o) ↔ %s", (day, spec, expected) => {
    expect(match(day, spec as PeriodSpec)).toBe(expected);
  });
});

test("the pace settings are validated with their path", () => {
  const errorsOf = (pace: unknown) => {
    const result = validateTemplate({ ...validTemplateJson(), pace });
    return result.ok ? [] : result.errors;
  };
  expect(errorsOf({ basis: "workingDays" })).toEqual([]);
  expect(errorsOf({ basis: "lastYear", workWeek: [1, 2, 3, 4, 5, 6] })).toEqual([]);
  expect(errorsOf({ basis: "calendar" })).toEqual([expect.objectContaining({ path: "pace.basis" })]);
});

describe("property: on the period's last day pace equals attainment, on either basis", () => {
  const row: fc.Arbitrary<FixtureRow> = fc.record({
    date: fc
      .record({
        y: fc.constantFrom(2025, 2026),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
    salesperson: fc.constantFrom("An", "Binh", "Chi"),
    region: fc.constantFrom("North", "South"),
    customer: fc.constantFrom("c1", "c2", "c3"),
    margin_tier: fc.constantFrom("premium", "standard"),
    revenue: fc.integer({ min: -50, max: 1000 }),
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
  // 2026-03-29 is a Sunday, the last day of ISO week 2026-W13.
  const lastDay: Record<PeriodKind, string> = {
    month: "2026-03-31",
    quarter: "2026-06-30",
    year: "2026-12-31",
    week: "2026-03-29",
    day: "2026-03-31",
  };
  const cases = (["month", "quarter", "year", "week", "day"] as PeriodKind[]).flatMap((kind) =>
    (["lastYear", "workingDays"] as PaceBasis[]).map((basis) => [kind, basis] as const),
  );

  test.each(cases)("%s, %s", (kind, basis) => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (data) => {
        const scorecard = computeScorecard({
          data: salesData(data),
          template: templateWith(every as never, { period: { kind, fiscalYearStartMonth: 1 }, pace: { basis } }),
          asOfDate: lastDay[kind],
          now: LATER,
        });
        for (const r of scorecard.rows) {
          for (const cell of Object.values(r.kpis)) {
            if (cell!.pace === undefined && cell!.reasonCode === "column_not_mapped") continue;
            if (cell!.pace!.share !== undefined) expect(cell!.pace!.share).toBe(1);
            expect(cell!.pace!.projected).toBe(cell!.actual);
            expect(cell!.pace!.projectedAttainment).toBe(cell!.attainment);
            expect(cell!.pace!.status).toBe(cell!.status);
            expect(cell!.pace!.expectedToDate).toBe(cell!.target ?? null);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
