/** The beer example of the source documents (seeds digest, product.md §4) as the margin-mix KPI and gate. */
import { computeScorecard } from "../../../src/engine/scorecard";
import type { TemplateKpi } from "../../../src/engine/types";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

const mixKpi = (unitMargins?: [number, number, number]): Partial<TemplateKpi> & { kpi: "margin_mix" } => ({
  kpi: "margin_mix",
  weight: 50,
  gate: true,
  marginMix: {
    basis: "quantity",
    tiers: [
      { tier: "premium", target: 2000, targetKind: "amount", kind: "min", unitMargin: unitMargins?.[0] },
      { tier: "standard", target: 6000, targetKind: "amount", kind: "min", unitMargin: unitMargins?.[1] },
      { tier: "economy", target: 2000, targetKind: "amount", kind: "min", unitMargin: unitMargins?.[2] },
    ],
  },
});

// The region sold 300 premium, 900 standard and 10,800 economy cases in March.
const beer: FixtureRow[] = [
  {
    date: "2026-03-02",
    salesperson: "North",
    margin_tier: "Premium",
    quantity: 300,
    revenue: 300 * 30,
    cost: 300 * 20,
  },
  {
    date: "2026-03-03",
    salesperson: "North",
    margin_tier: "Standard",
    quantity: 900,
    revenue: 900 * 20,
    cost: 900 * 15,
  },
  {
    date: "2026-03-04",
    salesperson: "North",
    margin_tier: "Economy",
    quantity: 10_800,
    revenue: 10_800 * 10,
    cost: 10_800 * 9.5,
  },
];

// Volume is scored too (target 10,000 cases); the payout curve would pay well above the gate cap.
const template = (mix = mixKpi()) =>
  templateWith([{ kpi: "sales_volume", weight: 50, target: { type: "fixed", value: 10_000 } }, mix], {
    rollup: [],
    gateCap: 0.8,
    payout: {
      threshold: 0,
      points: [
        { attainment: 0, payout: 0 },
        { attainment: 0.5, payout: 1 },
        { attainment: 1, payout: 1.5 },
      ],
    },
  });

test("the beer example: volume 120 %, mix 15 %, gate failed, payout capped at the gate cap", () => {
  const scorecard = computeScorecard({ data: salesData(beer), template: template(), now: LATER });
  const detail = scorecard.marginMix.find((d) => d.entity === "North")!;
  // volume: (300 + 900 + 10,800) / (2,000 + 6,000 + 2,000) = 12,000 / 10,000 = 1.2
  expect(detail.volumeAttainment).toBeCloseTo(1.2, 12);
  // tiers: 300 / 2,000 = 0.15; 900 / 6,000 = 0.15; 10,800 / 2,000 = 5.4 → lowest 0.15
  expect(detail.tiers.map((t) => t.attainment)).toEqual([0.15, 0.15, 5.4]);
  expect(detail.mixAttainment).toBeCloseTo(0.15, 12);
  // shares: actual 300/12,000 = 0.025, target 2,000/10,000 = 0.2
  expect(detail.tiers[0].actualShare).toBeCloseTo(0.025, 12);
  expect(detail.tiers[0].targetShare).toBeCloseTo(0.2, 12);
  expect(detail.gatePassed).toBe(false);

  const north = rowOf(scorecard, "North");
  expect(north.kpis.margin_mix!.actual).toBeCloseTo(0.15, 12);
  expect(north.gatesPassed).toBe(false);
  expect(north.failedGates).toEqual(["margin_mix"]);
  // weighted score: (50 × 1.2 [12,000 / 10,000 = 1.2, at the cap] + 50 × 0.15) / 100 = 0.675
  expect(north.score).toBeCloseTo(0.675, 12);
  // the curve pays 1 + (0.675 − 0.5) / 0.5 × 0.5 = 1.175, capped at the gate cap 0.8
  expect(north.payout).toBe(0.8);
});

test("meeting every tier passes the gate and leaves the payout uncapped", () => {
  const balanced: FixtureRow[] = [
    { date: "2026-03-02", salesperson: "North", margin_tier: "premium", quantity: 2_000 },
    { date: "2026-03-03", salesperson: "North", margin_tier: "standard", quantity: 6_000 },
    { date: "2026-03-04", salesperson: "North", margin_tier: "economy", quantity: 2_000 },
  ];
  const north = rowOf(computeScorecard({ data: salesData(balanced), template: template(), now: LATER }), "North");
  // every tier at 1.0; volume 10,000 / 10,000 = 1 → score (50 × 1 + 50 × 1) / 100 = 1 → payout 1.5
  expect(north.gatesPassed).toBe(true);
  expect(north.payout).toBeCloseTo(1.5, 12);
});

test("mix effect in money uses the template's unit margins", () => {
  const scorecard = computeScorecard({ data: salesData(beer), template: template(mixKpi([10, 5, 1])), now: LATER });
  // Σ (actual share − target share) × 12,000 × unit margin
  // = (0.025 − 0.2) × 12,000 × 10 + (0.075 − 0.6) × 12,000 × 5 + (0.9 − 0.2) × 12,000 × 1
  // = −21,000 − 31,500 + 8,400 = −44,100
  expect(scorecard.marginMix[0].mixEffect).toBeCloseTo(-44_100, 6);
});

test("mix effect falls back to each tier's average margin in the data", () => {
  const scorecard = computeScorecard({ data: salesData(beer), template: template(), now: LATER });
  // margins per case: premium 30 − 20 = 10, standard 20 − 15 = 5, economy 10 − 9.5 = 0.5
  // (0.025 − 0.2) × 12,000 × 10 + (0.075 − 0.6) × 12,000 × 5 + (0.9 − 0.2) × 12,000 × 0.5 = −21,000 − 31,500 + 4,200
  expect(scorecard.marginMix[0].mixEffect).toBeCloseTo(-48_300, 6);
});

test("a max tier is met by selling at most its target; selling none earns the cap", () => {
  const spec = mixKpi();
  spec.marginMix!.tiers[2] = { tier: "economy", target: 2000, targetKind: "amount", kind: "max" };
  const scorecard = computeScorecard({ data: salesData(beer), template: template(spec), now: LATER });
  // economy max: 2,000 / 10,800
  expect(scorecard.marginMix[0].tiers[2].attainment).toBeCloseTo(2000 / 10_800, 12);
  const none = computeScorecard({ data: salesData(beer.slice(0, 2)), template: template(spec), now: LATER });
  expect(none.marginMix[0].tiers[2].attainment).toBe(1.2);
});

test("tier targets come from the targets table when it has them (margin_mix:<tier>)", () => {
  const scorecard = computeScorecard({
    data: salesData(beer),
    template: template(),
    targets: [{ entity: "North", period: "2026-03", kpi: "margin_mix:premium", target: 250 }],
    now: LATER,
  });
  // premium 300 / 250 = 1.2; standard still 900 / 6,000 = 0.15 is the lowest
  expect(scorecard.marginMix[0].tiers[0].target).toBe(250);
  expect(scorecard.marginMix[0].tiers[0].attainment).toBeCloseTo(1.2, 12);
  expect(scorecard.marginMix[0].mixAttainment).toBeCloseTo(0.15, 12);
});

test("share targets: attainment against the share of the actual total, no volume attainment", () => {
  const spec = mixKpi();
  spec.marginMix!.tiers = [
    { tier: "premium", target: 0.2, targetKind: "share", kind: "min" },
    { tier: "economy", target: 0.5, targetKind: "share", kind: "max" },
  ];
  const detail = computeScorecard({ data: salesData(beer), template: template(spec), now: LATER }).marginMix[0];
  // premium: 300 / (0.2 × 12,000 = 2,400) = 0.125; economy max: (0.5 × 12,000 = 6,000) / 10,800
  expect(detail.tiers[0].attainment).toBeCloseTo(0.125, 12);
  expect(detail.tiers[1].attainment).toBeCloseTo(6000 / 10_800, 12);
  expect(detail.volumeAttainment).toBeNull();
  expect(detail.mixAttainment).toBeCloseTo(0.125, 12);
});
