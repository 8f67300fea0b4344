import { contrastRatio, relativeLuminance, STATUS_DOT_COLORS, TEXT_ON_FILL } from "../../src/workbook/palette";

describe("palette contrast (WCAG 2)", () => {
  it("computes WCAG's reference ratios", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#FFFFFF")).toBeCloseTo(4.48, 2);
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 10);
  });

  it.each(TEXT_ON_FILL.map((p) => [p.what, p.text, p.fill]))(
    "%s: text %s on %s meets AA (≥ 4.5:1)",
    (_what, text, fill) => {
      expect(contrastRatio(text, fill)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it("status dots stand out from light and dark pane backgrounds (non-text AA, ≥ 3:1)", () => {
    for (const [status, colors] of Object.entries(STATUS_DOT_COLORS)) {
      expect([status, "light", contrastRatio(colors.light, "#FFFFFF") >= 3]).toEqual([status, "light", true]);
      expect([status, "dark", contrastRatio(colors.dark, "#292929") >= 3]).toEqual([status, "dark", true]);
    }
  });
});
