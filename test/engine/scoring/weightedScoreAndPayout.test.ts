import { payoutFor, weightedScore } from "../../../src/engine/scoring";
import type { PayoutCurve } from "../../../src/engine/types";

describe("weightedScore", () => {
  it("is Σ weight × score / Σ weight", () => {
    // (35×1.2 + 20×0.9 + 20×1.0 + 15×0.6 + 10×1.1) / 100 = (42 + 18 + 20 + 9 + 11) / 100 = 1.0
    expect(
      weightedScore([
        { weight: 35, score: 1.2 },
        { weight: 20, score: 0.9 },
        { weight: 20, score: 1.0 },
        { weight: 15, score: 0.6 },
        { weight: 10, score: 1.1 },
      ]),
    ).toBeCloseTo(1.0, 12);
  });

  it("leaves out a KPI without a value instead of counting it as zero", () => {
    // (45×0.9 + 20×1.2) / (45 + 20) = (40.5 + 24) / 65 = 64.5 / 65 = 0.992307…
    // (counted as zero it would be 64.5 / 100 = 0.645)
    expect(
      weightedScore([
        { weight: 45, score: 0.9 },
        { weight: 35, score: null },
        { weight: 20, score: 1.2 },
      ]),
    ).toBeCloseTo(64.5 / 65, 12);
  });

  it("has no value when no KPI has a score, or all scored weights are 0", () => {
    expect(weightedScore([{ weight: 50, score: null }])).toBeNull();
    expect(weightedScore([])).toBeNull();
    expect(weightedScore([{ weight: 0, score: 1 }])).toBeNull();
  });
});

describe("payoutFor", () => {
  // The built-in curve: threshold 0.8; 0.8 → 0.5, 1.0 → 1.0, 1.2 → 1.5; cap 1.5.
  const curve: PayoutCurve = {
    threshold: 0.8,
    points: [
      { attainment: 0.8, payout: 0.5 },
      { attainment: 1.0, payout: 1.0 },
      { attainment: 1.2, payout: 1.5 },
    ],
    cap: 1.5,
  };

  it.each([
    [0.79, 0], // below the threshold: nothing
    [0.8, 0.5],
    [0.9, 0.75], // 0.5 + (0.9 − 0.8) / (1.0 − 0.8) × (1.0 − 0.5) = 0.5 + 0.5 × 0.5
    [1.0, 1.0],
    [1.1, 1.25], // 1.0 + 0.5 × 0.5
    [1.2, 1.5],
    [1.4, 1.5], // beyond the last point: flat at its payout
  ])("weighted score %p → payout %p", (score, payout) => {
    expect(payoutFor(score, curve, false, 0.8)).toBeCloseTo(payout, 12);
  });

  it("caps the payout at curve.cap", () => {
    const steep: PayoutCurve = { ...curve, points: [...curve.points, { attainment: 1.5, payout: 2.5 }], cap: 1.8 };
    // 1.4: 1.5 + (1.4 − 1.2) / (1.5 − 1.2) × (2.5 − 1.5) = 1.5 + 0.6667 = 2.1667 → capped at 1.8
    expect(payoutFor(1.4, steep, false, 0.8)).toBe(1.8);
  });

  it("pays the first point's payout between the threshold and the first point", () => {
    const early: PayoutCurve = {
      threshold: 0.7,
      points: [
        { attainment: 0.8, payout: 0.5 },
        { attainment: 1, payout: 1 },
      ],
    };
    expect(payoutFor(0.75, early, false, 0.8)).toBe(0.5);
    expect(payoutFor(0.69, early, false, 0.8)).toBe(0);
  });

  it("the beer example: volume met but the mix gate failed caps the payout at the gate cap 0.8", () => {
    // Sales volume 12,000 / 10,000 = 1.2 → score 1.2; mix attainment 15 % → score 0.15;
    // weights 50/50: (50×1.2 + 50×0.15) / 100 = 0.675 → below threshold 0.8 → 0 anyway.
    expect(payoutFor(0.675, curve, true, 0.8)).toBe(0);
    // A rep at weighted score 1.1 would earn 1.25, but the failed gate caps it at 0.8.
    expect(payoutFor(1.1, curve, true, 0.8)).toBe(0.8);
    // A payout already below the gate cap is unchanged: 0.9 → 0.75.
    expect(payoutFor(0.9, curve, true, 0.8)).toBeCloseTo(0.75, 12);
  });

  it("has no payout without a weighted score", () => {
    expect(payoutFor(null, curve, false, 0.8)).toBeNull();
  });
});
