import { SETTING_KEYS } from "../../src/excel/settingKeys";
import type { StoredSettings } from "../../src/workbook/contract";
import { fakePort, salesSeed } from "./support/excelPort";

describe("stored settings", () => {
  it("saves the template and mapping in the workbook, so a reopened workbook restores them", async () => {
    const { fake, port } = fakePort(salesSeed());
    expect(await port.loadSettings()).toBeNull();
    const settings: StoredSettings = {
      templateJson: '{"id":"sales-rep"}',
      overrides: { revenue: "Doanh thu", cost: null },
      source: { kind: "table", name: "Sales" },
      lang: "vi",
    };
    await port.saveSettings(settings);
    // "Reopen": a new host over the same stored settings.
    const reopened = fakePort({ ...salesSeed(), settings: fake.settings() });
    expect(await reopened.port.loadSettings()).toEqual(settings);
  });

  it("needs ExcelApi 1.4 and says so", async () => {
    const { port } = fakePort(salesSeed(), { apiMinor: 3 });
    await expect(port.loadSettings()).rejects.toMatchObject({
      code: "unsupported",
      message: expect.stringContaining("ExcelApi 1.4"),
    });
  });
});

describe("source-table rules", () => {
  it("flags bad debt and negative margin with two rules over the data rows, changing no value", async () => {
    const { fake, port } = fakePort(salesSeed());
    const before = JSON.stringify(fake.values("Data"));
    expect(await port.addSourceRules({ kind: "table", name: "Sales" }, { revenue: 3, cost: 4, badDebt: 5 })).toBe(true);
    expect(fake.conditionalFormats("Data")).toEqual([
      expect.objectContaining({
        type: "Custom",
        address: "A2:F4",
        custom: expect.objectContaining({ formula: "=AND(ISNUMBER($F2),$F2>0)" }),
      }),
      expect.objectContaining({
        type: "Custom",
        address: "A2:F4",
        custom: expect.objectContaining({ formula: "=AND(ISNUMBER($D2),ISNUMBER($E2),$D2-$E2<0)" }),
      }),
    ]);
    expect(JSON.stringify(fake.values("Data"))).toBe(before);
    expect(fake.settings()[SETTING_KEYS.sourceRules]).toEqual({ sheet: "Data" });
  });

  it("adding twice keeps one set; removing takes them all away in one action", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.addSourceRules({ kind: "table", name: "Sales" }, { profit: 3 });
    await port.addSourceRules({ kind: "table", name: "Sales" }, { profit: 3 });
    expect(fake.conditionalFormats("Data")).toHaveLength(1);
    await port.removeSourceRules();
    expect(fake.conditionalFormats("Data")).toEqual([]);
    expect(fake.settings()[SETTING_KEYS.sourceRules]).toBeUndefined();
  });

  it("removing finds the rules by what they are: a user's rules stay even when positions (ids) shift", async () => {
    const { fake, port } = fakePort(salesSeed());
    const userRule = (formula: string) =>
      fake.run(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem("Data").getRange("A2:F4").conditionalFormats.add("Custom");
        cf.custom.rule.formula = formula;
        cf.custom.format.fill.color = "#FFC7CE"; // the user's own rule may even use our colours
        cf.custom.format.font.color = "#9C0006";
        await ctx.sync();
      });
    await userRule("=$D2>250");
    await port.addSourceRules({ kind: "table", name: "Sales" }, { revenue: 3, cost: 4, badDebt: 5 });
    // The user deletes their first rule (ours move up one place) and adds another after ours.
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange().conditionalFormats.getItem("0").delete();
      await ctx.sync();
    });
    await userRule("=$E2<0");
    await port.removeSourceRules();
    expect(fake.conditionalFormats("Data").map((cf) => cf.custom?.formula)).toEqual(["=$E2<0"]);
  });

  it("returns false without ExcelApi 1.6 and leaves the source alone", async () => {
    const { fake, port } = fakePort(salesSeed(), { apiMinor: 5 });
    expect(await port.addSourceRules({ kind: "table", name: "Sales" }, { badDebt: 5 })).toBe(false);
    expect(fake.mutations("Data")).toBe(0);
  });
});
