import { iconSetRule } from "../../src/workbook/iconSetRule";

const band = (min: number) => ({ status: `s${min}`, min, color: "#000000" });

describe("iconSetRule", () => {
  it("three bands: the two upper minimums, ascending, in any band order", () => {
    expect(iconSetRule(6, [band(0.9), band(0), band(1)])).toEqual({
      type: "iconSet",
      column: 6,
      iconSet: "3TrafficLights1",
      thresholds: [0.9, 1],
    });
  });
  it("four bands give a four-icon set", () => {
    expect(iconSetRule(0, [band(1.1), band(1), band(0.9), band(0)])!.iconSet).toBe("4TrafficLights");
  });
  it("two bands repeat their one threshold so the middle icon never shows", () => {
    expect(iconSetRule(0, [band(1), band(0)])).toMatchObject({ iconSet: "3TrafficLights1", thresholds: [1, 1] });
  });
  it("one band distinguishes nothing: no rule", () => {
    expect(iconSetRule(0, [band(0)])).toBeNull();
  });
});
