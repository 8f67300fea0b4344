import { LANGS } from "../../src/engine/types";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { freeSheetName, legalSheetName, MAX_SHEET_NAME } from "../../src/workbook/sheetNames";

describe("sheet names", () => {
  it("every localized output name is a legal, distinct Excel sheet name", () => {
    for (const lang of LANGS) {
      const names = Object.values(SHEET_NAMES).map((n) => n[lang]);
      for (const name of names) {
        expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
        expect(legalSheetName(name)).toBe(name);
      }
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    }
  });
  it('picks "Name (2)", "Name (3)" when a sheet the add-in does not own has the name (ignoring case)', () => {
    expect(freeSheetName("KPI Scorecard", ["Data"])).toBe("KPI Scorecard");
    expect(freeSheetName("KPI Scorecard", ["kpi scorecard"])).toBe("KPI Scorecard (2)");
    expect(freeSheetName("KPI Scorecard", ["KPI Scorecard", "KPI Scorecard (2)"])).toBe("KPI Scorecard (3)");
  });
  it("keeps 31 characters with the suffix and replaces forbidden characters", () => {
    const long = "A".repeat(31);
    const name = freeSheetName(long, [long]);
    expect(name).toBe("A".repeat(27) + " (2)");
    expect(legalSheetName("Q1/Q2: [draft]?")).toBe("Q1_Q2_ _draft__");
  });
});
