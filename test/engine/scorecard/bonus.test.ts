/** Bonus amounts (issue 13 §3): payout × base per entity; roll-ups and the total sum their members. */
import { computeScorecard } from "../../../src/engine/scorecard";
import { validateTemplate } from "../../../src/engine/templates";
import type { TargetEntry } from "../../../src/engine/types";
import { validTemplateJson } from "../templates/templateBuilder";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

// net_sales against a fixed target of 100; the payout curve is payout = score (0 → 0, 2 → 2), cap 1.2.
// An 80 → 0.8; Chi 50 → 0.5; Binh 110 → 1.1; Dao 100 → 1.0
const rows: FixtureRow[] = [
  { date: "2026-01-05", salesperson: "An", region: "North", revenue: 80 },
  { date: "2026-01-06", salesperson: "Chi", region: "North", revenue: 50 },
  { date: "2026-01-07", salesperson: "Binh", region: "South", revenue: 110 },
  { date: "2026-01-08", salesperson: "Dao", region: "South", revenue: 100 },
];
const netSales = [{ kpi: "net_sales" as const, target: { type: "fixed" as const, value: 100 } }];

test("a fixed base: each rep's payout × 1000, the region and total rows the sums of their reps", () => {
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith(netSales, { bonus: { base: 1000 } }),
    now: LATER,
  });
  expect(rowOf(scorecard, "An").bonus).toBeCloseTo(800, 9); // 0.8 × 1000
  expect(rowOf(scorecard, "Chi").bonus).toBeCloseTo(500, 9); // 0.5 × 1000
  expect(rowOf(scorecard, "Binh").bonus).toBeCloseTo(1100, 9); // 1.1 × 1000
  expect(rowOf(scorecard, "Dao").bonus).toBeCloseTo(1000, 9); // 1.0 × 1000
  expect(rowOf(scorecard, "North").bonus).toBeCloseTo(1300, 9); // 800 + 500
  expect(rowOf(scorecard, "South").bonus).toBeCloseTo(2100, 9); // 1100 + 1000
  expect(rowOf(scorecard, "Total").bonus).toBeCloseTo(3400, 9); // 1300 + 2100
  expect(scorecard.notes.filter((n) => n.kind === "bonus_base_missing")).toEqual([]);
});

describe("a base per entity from the targets table", () => {
  const targets: TargetEntry[] = [
    { entity: "An", period: "", kpi: "bonus_base", target: 2000 },
    { entity: "Chi", period: "", kpi: "bonus_base", target: 1000 },
    // A base for the scored period wins over the every-period one.
    { entity: "Binh", period: "", kpi: "bonus_base", target: 9999 },
    { entity: "Binh", period: "2026-01", kpi: "bonus_base", target: 500 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith(netSales, { bonus: { targetsColumn: "Bonus_Base" } }),
    targets,
    now: LATER,
  });

  test("each rep's bonus is its own payout × its own base", () => {
    expect(rowOf(scorecard, "An").bonus).toBeCloseTo(1600, 9); // 0.8 × 2000
    expect(rowOf(scorecard, "Chi").bonus).toBeCloseTo(500, 9); // 0.5 × 1000
    expect(rowOf(scorecard, "Binh").bonus).toBeCloseTo(550, 9); // 1.1 × 500
  });

  test("a region's bonus is the sum of its reps' bonuses, not its payout × the summed base", () => {
    // North: 1600 + 500 = 2100; its payout (80 + 50) / 200 = 0.65 × (2000 + 1000) would be 1950
    expect(rowOf(scorecard, "North").payout).toBeCloseTo(0.65, 9);
    expect(rowOf(scorecard, "North").bonus).toBeCloseTo(2100, 9);
    // Total: 2100 + 550 (South without Dao)
    expect(rowOf(scorecard, "Total").bonus).toBeCloseTo(2650, 9);
  });

  test("a rep without a base gets no bonus (null, not 0) and a note naming the rep and the column", () => {
    expect(rowOf(scorecard, "Dao").bonus).toBeNull();
    expect(rowOf(scorecard, "South").bonus).toBeCloseTo(550, 9); // Binh's 550 only
    const missing = scorecard.notes.filter((n) => n.kind === "bonus_base_missing");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ value: "Dao", column: "Bonus_Base" });
    expect(missing[0].problem).toContain("Dao (2026-01)");
  });
});

test("a region whose reps all lack a base has no bonus (null), and without a bonus setting rows have none", () => {
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith(netSales, { bonus: { targetsColumn: "bonus_base" } }),
    targets: [{ entity: "An", period: "", kpi: "bonus_base", target: 100 }],
    now: LATER,
  });
  expect(rowOf(scorecard, "South").bonus).toBeNull();
  expect(rowOf(scorecard, "Total").bonus).toBeCloseTo(80, 9); // An 0.8 × 100
  const plain = computeScorecard({ data: salesData(rows), template: templateWith(netSales), now: LATER });
  expect(plain.rows.every((row) => !("bonus" in row))).toBe(true);
});

describe("the template's bonus setting", () => {
  const withBonus = (bonus: unknown) => ({ ...validTemplateJson(), bonus });
  const errorsOf = (bonus: unknown) => {
    const result = validateTemplate(withBonus(bonus));
    return result.ok ? [] : result.errors;
  };

  test("base or targetsColumn is accepted and kept", () => {
    const fixed = validateTemplate(withBonus({ base: 1000 }));
    expect(fixed.ok && fixed.template.bonus).toEqual({ base: 1000 });
    const column = validateTemplate(withBonus({ targetsColumn: "bonus_base" }));
    expect(column.ok && column.template.bonus).toEqual({ targetsColumn: "bonus_base" });
  });

  test("bad settings are refused with their path", () => {
    expect(errorsOf({})).toEqual([
      {
        path: "bonus",
        message: "needs base (one amount for every entity) or targetsColumn (a column of the targets table)",
      },
    ]);
    expect(errorsOf({ base: 1, targetsColumn: "b" })).toEqual([
      { path: "bonus", message: "give base or targetsColumn, not both" },
    ]);
    expect(errorsOf({ base: -5 })).toEqual([{ path: "bonus.base", message: "must be at least 0" }]);
    expect(errorsOf({ base: "1000" })).toEqual([{ path: "bonus.base", message: "must be a number" }]);
    expect(errorsOf({ targetsColumn: "" })).toEqual([{ path: "bonus.targetsColumn", message: "must not be empty" }]);
    expect(errorsOf({ amount: 3 })).toEqual([{ path: "bonus", message: "unknown property 'amount'" }]);
  });
});
