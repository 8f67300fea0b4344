import { clampScore, DEFAULT_BANDS, statusFor } from "../../../src/engine/scoring";

describe("DEFAULT_BANDS", () => {
  it("are met ≥ 100 %, at risk ≥ 90 %, missed from 0, ordered high to low", () => {
    expect(DEFAULT_BANDS).toEqual([
      { status: "met", min: 1, color: "#107C10" },
      { status: "at_risk", min: 0.9, color: "#FFB900" },
      { status: "missed", min: 0, color: "#D13438" },
    ]);
    expect(Object.isFrozen(DEFAULT_BANDS) && Object.isFrozen(DEFAULT_BANDS[0])).toBe(true);
  });
});

describe("statusFor", () => {
  it.each([
    [1.25, "met"],
    [1, "met"], // exactly on the band's min
    [0.9999, "at_risk"],
    [0.9, "at_risk"],
    [0.8999, "missed"],
    [0, "missed"],
    [-0.3, "missed"], // below every band: the lowest band
  ])("attainment %p → %p", (value, status) => {
    expect(statusFor(value, DEFAULT_BANDS)).toBe(status);
  });

  it("uses the template's own bands", () => {
    const bands = [
      { status: "excellent", min: 1.1, color: "#107C10" },
      { status: "good", min: 0.95, color: "#0078D4" },
      { status: "poor", min: 0, color: "#D13438" },
    ];
    expect(statusFor(1.05, bands)).toBe("good");
    expect(statusFor(1.1, bands)).toBe("excellent");
  });

  it("has no status without an attainment", () => {
    expect(statusFor(null, DEFAULT_BANDS)).toBeNull();
    expect(statusFor(NaN, DEFAULT_BANDS)).toBeNull();
  });
});

describe("clampScore", () => {
  it.each([
    [1.25, 1.2], // above the cap
    [1.1, 1.1],
    [0.5, 0.5],
    [-0.1, 0], // below the floor
  ])("attainment %p → score %p with [0, 1.2]", (value, score) => {
    expect(clampScore(value, 0, 1.2)).toBe(score);
  });

  it("uses the KPI's own floor and cap", () => {
    expect(clampScore(0.3, 0.5, 1.5)).toBe(0.5);
    expect(clampScore(1.7, 0.5, 1.5)).toBe(1.5);
  });

  it("has no score without an attainment", () => {
    expect(clampScore(null, 0, 1.2)).toBeNull();
  });

  it("throws on floor above cap (a programming mistake: templates are validated)", () => {
    expect(() => clampScore(1, 2, 1)).toThrow(RangeError);
  });
});
