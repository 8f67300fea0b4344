/** Every built-in template computes end to end on data that carries all its roles. */
import { computeScorecard } from "../../../src/engine/scorecard";
import { payoutFor } from "../../../src/engine/scoring";
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from "../../../src/engine/templates";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, type FixtureRow } from "../support/salesFixture";

/** 15 months (Jan 2025 – Mar 2026) of two reps in two regions, every role filled. */
function fifteenMonths(): FixtureRow[] {
  const rows: FixtureRow[] = [];
  const tiers = ["premium", "standard", "economy"];
  for (let m = 0; m < 15; m++) {
    const month = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    for (let r = 0; r < 2; r++) {
      for (let k = 0; k < 3; k++) {
        const revenue = 1000 * (k + 1) + 100 * m;
        rows.push({
          date: `${month}-1${k}`,
          salesperson: `rep${r}`,
          region: `region${r}`,
          customer: `c${(m + k + r) % 7}`,
          margin_tier: tiers[k],
          new_product: k === 0,
          quantity: 10 * (k + 1),
          revenue,
          cost: revenue * 0.7,
          receivable: revenue,
          collected: revenue * 0.9,
          bad_debt: k === 2 ? 10 : 0,
        });
      }
    }
  }
  return rows;
}

test.each(BUILTIN_TEMPLATES.map((t) => [t.id]))(
  "built-in template %s: every KPI has an actual and a target in total",
  (id) => {
    const template = getBuiltinTemplate(id)!;
    const scorecard = computeScorecard({ data: salesData(fifteenMonths()), template, now: LATER });
    expect(scorecard.asOf).toBe("2026-03");
    const total = rowOf(scorecard, "Total");
    for (const tk of template.kpis) {
      const cell = total.kpis[tk.kpi]!;
      expect({ kpi: tk.kpi, actual: cell.actual === null ? cell.reason : "ok" }).toEqual({ kpi: tk.kpi, actual: "ok" });
      expect(cell.target).not.toBeNull();
    }
    expect(total.score).not.toBeNull();
    expect(scorecard.smart).toHaveLength(template.kpis.length);
  },
);

test("the built-in margin-mix template reproduces the beer example", () => {
  const beer: FixtureRow[] = [
    { date: "2026-03-02", region: "North", margin_tier: "premium", quantity: 300 },
    { date: "2026-03-03", region: "North", margin_tier: "standard", quantity: 900 },
    { date: "2026-03-04", region: "North", margin_tier: "economy", quantity: 10_800 },
  ];
  const template = getBuiltinTemplate("margin-mix")!;
  const scorecard = computeScorecard({ data: salesData(beer), template, now: LATER });
  // 12,000 / 10,000 = 1.2 volume; 300 / 2,000 = 0.15 mix; the gate fails
  expect(scorecard.marginMix[0]).toMatchObject({ entity: "North", gatePassed: false });
  expect(scorecard.marginMix[0].volumeAttainment).toBeCloseTo(1.2, 12);
  expect(scorecard.marginMix[0].mixAttainment).toBeCloseTo(0.15, 12);
  const north = rowOf(scorecard, "North");
  expect(north.failedGates).toEqual(["margin_mix"]);
  // score (50 × 1.2 + 50 × 0.15) / 100 = 0.675, paid on the template's curve with the gate failed
  expect(north.score).toBeCloseTo(0.675, 12);
  expect(north.payout).toBeCloseTo(payoutFor(0.675, template.payout, true, template.gateCap)!, 12);
});
