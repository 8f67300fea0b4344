import fc from "fast-check";
import { attainment, clampScore, payoutFor, weightedScore } from "../../../src/engine/scoring";
import type { PayoutCurve } from "../../../src/engine/types";

const fraction = fc.double({ min: -2, max: 5, noNaN: true });
const bounds = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }))
  .map(([floor, extra]) => ({ floor, cap: floor + extra }));

/** A payout curve as validateTemplate allows: points ascending in attainment, payouts non-decreasing. */
const curves: fc.Arbitrary<PayoutCurve> = fc
  .record({
    threshold: fc.double({ min: 0, max: 1, noNaN: true }),
    steps: fc.array(
      fc.tuple(fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
      { minLength: 1, maxLength: 6 },
    ),
    cap: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }),
  })
  .map(({ threshold, steps, cap }) => {
    let attainmentAt = 0.5;
    let payout = 0;
    const points = steps.map(([da, dp]) => {
      attainmentAt += da;
      payout += dp;
      return { attainment: attainmentAt, payout };
    });
    return cap === undefined ? { threshold, points } : { threshold, points, cap };
  });

describe("scoring properties", () => {
  it("score is non-decreasing in attainment", () => {
    fc.assert(
      fc.property(fraction, fraction, bounds, (a, b, { floor, cap }) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(clampScore(low, floor, cap)!).toBeLessThanOrEqual(clampScore(high, floor, cap)!);
      }),
    );
  });

  it("a clamped score stays in [floor, cap]", () => {
    fc.assert(
      fc.property(fraction, bounds, (a, { floor, cap }) => {
        const score = clampScore(a, floor, cap)!;
        expect(score).toBeGreaterThanOrEqual(floor);
        expect(score).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it("attainment is non-decreasing in the actual when higher is better, non-increasing when lower is better", () => {
    const amount = fc.double({ min: 0.001, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(amount, amount, amount, (x, y, target) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        expect(attainment(low, target, "higher")!).toBeLessThanOrEqual(attainment(high, target, "higher")!);
        expect(attainment(low, target, "lower")!).toBeGreaterThanOrEqual(attainment(high, target, "lower")!);
      }),
    );
  });

  const items = fc.array(
    fc.record({
      weight: fc.double({ min: 0.1, max: 100, noNaN: true }),
      score: fc.option(fc.double({ min: 0, max: 1.5, noNaN: true }), { nil: null }),
    }),
    { minLength: 1, maxLength: 10 },
  );

  it("weighted score is unchanged when all weights are scaled by the same positive factor", () => {
    fc.assert(
      fc.property(items, fc.double({ min: 0.01, max: 1000, noNaN: true }), (list, factor) => {
        const scaled = list.map(({ weight, score }) => ({ weight: weight * factor, score }));
        const before = weightedScore(list);
        const after = weightedScore(scaled);
        if (before === null) expect(after).toBeNull();
        else expect(after!).toBeCloseTo(before, 9);
      }),
    );
  });

  it("weighted score lies between the lowest and the highest score", () => {
    fc.assert(
      fc.property(items, (list) => {
        const scores = list.map((item) => item.score).filter((score): score is number => score !== null);
        const result = weightedScore(list);
        if (scores.length === 0) {
          expect(result).toBeNull();
          return;
        }
        expect(result!).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-12);
        expect(result!).toBeLessThanOrEqual(Math.max(...scores) + 1e-12);
      }),
    );
  });

  it("payout is non-decreasing in the weighted score", () => {
    fc.assert(
      fc.property(
        curves,
        fraction,
        fraction,
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (curve, a, b, gateFailed, gateCap) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(payoutFor(low, curve, gateFailed, gateCap)!).toBeLessThanOrEqual(
            payoutFor(high, curve, gateFailed, gateCap)! + 1e-12,
          );
        },
      ),
    );
  });
});
