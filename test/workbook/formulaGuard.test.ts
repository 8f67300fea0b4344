import { asTextEntry, isFormulaLike, needsTextPrefix } from "../../src/workbook/formulaGuard";

describe("formula guard", () => {
  it.each(['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "  =1", "\t=1", "\r=1", "\n=1", " \t+x"])(
    "takes %j as a formula",
    (text) => {
      expect(isFormulaLike(text)).toBe(true);
      expect(asTextEntry(text)).toBe("'" + text);
    },
  );
  it.each(["Bình", "a=b", "1-2", "", " x=1", "Total (=)"])("leaves %j as it is", (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(asTextEntry(text)).toBe(text);
  });
  it("prefixes text that already starts with an apostrophe, which Excel would otherwise eat", () => {
    expect(needsTextPrefix("'quoted")).toBe(true);
    expect(asTextEntry("'quoted")).toBe("''quoted");
  });
});
