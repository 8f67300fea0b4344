import { attainment } from "../../../src/engine/scoring";

describe("attainment", () => {
  describe("higher is better: actual / target", () => {
    it.each([
      [1_250_000, 1_000_000, 1.25], // 1,250,000 / 1,000,000
      [900, 1000, 0.9], // 900 / 1,000
      [0, 500, 0], // nothing sold
      [-100, 1000, -0.1], // returns exceed sales: -100 / 1,000, clamped later by the score floor
    ])("actual %p, target %p → %p", (actual, target, expected) => {
      expect(attainment(actual, target, "higher")).toBeCloseTo(expected, 12);
    });

    it("has no value when the target is 0 or negative", () => {
      expect(attainment(100, 0, "higher")).toBeNull();
      expect(attainment(100, -5, "higher")).toBeNull();
    });
  });

  describe("lower is better: target / actual", () => {
    it.each([
      [0.01, 0.02, 2], // bad debt 1 % against a 2 % ceiling: 0.02 / 0.01
      [0.04, 0.02, 0.5], // 0.02 / 0.04
      [0.02, 0.02, 1],
    ])("actual %p, target %p → %p", (actual, target, expected) => {
      expect(attainment(actual, target, "lower")).toBeCloseTo(expected, 12);
    });

    it("an actual of 0 with a positive target earns the cap (default 1.2)", () => {
      expect(attainment(0, 0.02, "lower")).toBe(1.2);
      expect(attainment(0, 0.02, "lower", 1.5)).toBe(1.5);
    });

    it("a target of 0 is met only by an actual of 0", () => {
      expect(attainment(0, 0, "lower")).toBe(1);
      expect(attainment(5, 0, "lower")).toBe(0);
    });

    it("negative actuals or targets have no value", () => {
      expect(attainment(-1, 0.02, "lower")).toBeNull();
      expect(attainment(0.01, -0.02, "lower")).toBeNull();
    });
  });

  describe("band: 1 inside [min, max], falling off linearly outside", () => {
    const band = { min: 200_000, max: 250_000 }; // annual sales 200k to 250k

    it.each([
      [200_000, 1],
      [225_000, 1],
      [250_000, 1],
      [150_000, 0.75], // 1 − (200,000 − 150,000) / 200,000 = 1 − 0.25
      [300_000, 0.8], // 1 − (300,000 − 250,000) / 250,000 = 1 − 0.2
      [0, 0], // 1 − 200,000 / 200,000
      [-100_000, 0], // 1 − 300,000 / 200,000 = −0.5, not below 0
      [600_000, 0], // 1 − 350,000 / 250,000 = −0.4, not below 0
    ])("actual %p → %p", (actual, expected) => {
      expect(attainment(actual, band, "band")).toBeCloseTo(expected, 12);
    });

    it("expense within 5 % of budget: 0.95 to 1.05 of budget", () => {
      // 1.10: 1 − (1.10 − 1.05) / 1.05 = 1 − 0.047619… = 0.952381…
      expect(attainment(1.1, { min: 0.95, max: 1.05 }, "band")).toBeCloseTo(0.952381, 6);
    });

    it("a single number as a band is the band [target, target]", () => {
      // 1 − (110 − 100) / 100
      expect(attainment(110, 100, "band")).toBeCloseTo(0.9, 12);
      expect(attainment(100, 100, "band")).toBe(1);
    });

    it("an edge at or below 0 gives no relative distance", () => {
      expect(attainment(-5, { min: 0, max: 10 }, "band")).toBeNull();
      expect(attainment(5, { min: -10, max: 0 }, "band")).toBeNull();
    });
  });

  it("a range with higher/lower is measured against its lower/upper edge", () => {
    const range = { min: 200, max: 250 };
    expect(attainment(300, range, "higher")).toBeCloseTo(1.5, 12); // 300 / 200
    expect(attainment(500, range, "lower")).toBeCloseTo(0.5, 12); // 250 / 500
  });

  it("non-finite inputs have no value", () => {
    expect(attainment(NaN, 100, "higher")).toBeNull();
    expect(attainment(100, Infinity, "higher")).toBeNull();
  });
});
