/**
 * Issue 9, points 5 and 8: a re-run rewrites the add-in's own sheets in place, so that a user's
 * formulas on the history table or a scorecard sheet keep working and the KpiHistory table keeps its
 * identity; hosts without Range.copyFrom / Table.resize fall back to replacing the sheets, and say so.
 * A GeneralException from freeze panes degrades to a warning.
 */
import type { WorkbookOutput } from "../../src/workbook/contract";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { FAKE_ERROR_CODES } from "../fakes/excel";
import { smallScorecard } from "../workbook/support/scorecardFixture";
import { comparable, fakePort, salesSeed } from "./support/excelPort";

function output(lang: "en" | "vi" = "en", drop = 0): WorkbookOutput {
  const out = buildWorkbookOutput(smallScorecard(), lang);
  // A later run with fewer rows: every sheet shrinks (what lies past the new rows must go).
  for (const s of out.sheets) s.rows = s.rows.slice(0, Math.max(1, s.rows.length - drop));
  return out;
}

/** The sales data, and a user's own sheet for formulas on the output. */
function seed(): ReturnType<typeof salesSeed> {
  const base = salesSeed();
  base.sheets.push({ name: "Mine", values: [] });
  return base;
}

/** The user's formulas on the history table and on a scorecard cell, typed after the first apply. */
function userFormulas(fake: ReturnType<typeof fakePort>["fake"]): void {
  fake.setFormula("Mine", "A1", "=SUM(KpiHistory[Revenue])");
  fake.setFormula("Mine", "A2", "='KPI Scorecard'!E3");
}

describe("re-running keeps the user's references alive", () => {
  it("a formula on KpiHistory and one on the scorecard sheet still work after a second apply; the table keeps its id", async () => {
    const { fake, port } = fakePort(seed());
    await port.writeOutput(output());
    userFormulas(fake);
    const tableId = fake.tableId("KpiHistory");
    const sheetIds = fake.state.sheets.filter((s) => !s.deleted).map((s) => s.id);
    const report = await port.writeOutput(output("en", 1));
    expect(fake.formulaResult("Mine", "A1")).not.toBe("#REF!");
    expect(fake.formulaResult("Mine", "A2")).not.toBe("#REF!");
    expect(fake.tableId("KpiHistory")).toBe(tableId);
    expect(fake.state.sheets.filter((s) => !s.deleted).map((s) => s.id)).toEqual(sheetIds);
    expect(report.warnings).toEqual([]);
  });

  it("the rewritten sheets hold exactly what a first write of the same output holds (nothing of the old run left)", async () => {
    const twice = fakePort(seed());
    await twice.port.writeOutput(output());
    await twice.port.writeOutput(output("en", 1));
    const once = fakePort(seed());
    await once.port.writeOutput(output("en", 1));
    expect(comparable(twice.fake)).toEqual(comparable(once.fake));
    expect(twice.fake.tables().find((t) => t.name === "KpiHistory")?.address).toBe(
      once.fake.tables().find((t) => t.name === "KpiHistory")?.address,
    );
  });

  it("a rewritten scorecard keeps its merged KPI header and its row groups, never nested one level deeper", async () => {
    const { fake, port } = fakePort(seed());
    await port.writeOutput(output());
    const levels = (): number[] => Array.from({ length: 12 }, (_, r) => fake.outlineLevel("KPI Scorecard", r));
    const merges = fake.merges("KPI Scorecard");
    const before = levels();
    expect(merges.length).toBeGreaterThan(0);
    expect(Math.max(...before)).toBeGreaterThan(0);
    await port.writeOutput(output());
    expect(fake.merges("KPI Scorecard")).toEqual(merges);
    expect(levels()).toEqual(before);
  });

  it("a re-run after a reopen (new sheet ids) also rewrites in place", async () => {
    const { fake, port } = fakePort(seed());
    await port.writeOutput(output());
    userFormulas(fake);
    fake.reopen();
    const tableId = fake.tableId("KpiHistory");
    await port.writeOutput(output());
    expect(fake.formulaResult("Mine", "A1")).not.toBe("#REF!");
    expect(fake.tableId("KpiHistory")).toBe(tableId);
    expect(fake.sheetNames()).toEqual([
      "Data",
      "Mine",
      "KPI Scorecard",
      "KPI History",
      "KPI Margin Mix",
      "KPI Notes",
      "KPI Trends",
    ]);
  });

  it("without Table.resize (ExcelApi 1.13) the sheets are replaced, the references break, and the pane is told in its language", async () => {
    const { fake, port } = fakePort(seed(), { apiMinor: 12 });
    await port.writeOutput(output("vi"));
    userFormulas(fake);
    const report = await port.writeOutput(output("vi"));
    expect(fake.formulaResult("Mine", "A1")).toBe("#REF!");
    expect(report.warnings.join(" ")).toMatch(/ExcelApi 1\.13/);
    expect(report.warnings.join(" ")).toMatch(/trang tính/);
  });

  it("the fake models the calls: copyFrom needs ExcelApi 1.9, Table.resize 1.13 and keeps the header row", async () => {
    const { fake } = fakePort(seed(), { apiMinor: 8 });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("H1").copyFrom("A1:B2");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const strict = fakePort(seed());
    await expect(
      strict.fake.run(async (ctx) => {
        ctx.workbook.tables.getItem("Sales").resize("A2:F6");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await strict.fake.run(async (ctx) => {
      const data = ctx.workbook.worksheets.getItem("Data");
      ctx.workbook.tables.getItem("Sales").resize("A1:F3");
      data.getRange("H1:I2").numberFormat = [
        ["@", "0%"],
        ["@", "0%"],
      ];
      data.getRange("H1:I2").values = [
        ["x", 0.5],
        ["y", 0.25],
      ];
      data.getRange("K3").copyFrom(data.getRange("H1:I2"), "All");
      await ctx.sync();
    });
    expect(strict.fake.tables()[0].address).toBe("A1:F3");
    expect(strict.fake.values("Data")[3].slice(10, 12)).toEqual(["y", 0.25]);
    expect(strict.fake.numberFormat("Data", 3, 11)).toBe("0%");
    // Copying a table's cells would paste a new table in Excel: the fake refuses rather than guess.
    await expect(
      strict.fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("M1").copyFrom("A1:B2");
        await ctx.sync();
      }),
    ).rejects.toThrow(/not modelled/);
  });
});

describe("freeze panes refused with GeneralException", () => {
  it("degrades to a warning: everything else is written", async () => {
    const { fake, port } = fakePort(seed());
    fake.failFreezePanes();
    const report = await port.writeOutput(output());
    expect(fake.sheetNames()).toEqual([
      "Data",
      "Mine",
      "KPI Scorecard",
      "KPI History",
      "KPI Margin Mix",
      "KPI Notes",
      "KPI Trends",
    ]);
    expect(fake.frozenRows("KPI Scorecard")).toBe(0);
    expect(fake.tables().map((t) => t.name)).toEqual(["Sales", "KpiHistory"]);
    expect(report.warnings.join(" ")).toMatch(/freeze/);
  });

  it("on a re-run too (the in-place rewrite freezes in the commit)", async () => {
    const { fake, port } = fakePort(seed());
    await port.writeOutput(output());
    fake.failFreezePanes();
    const report = await port.writeOutput(output("en", 1));
    expect(report.warnings.join(" ")).toMatch(/freeze/);
    expect(fake.sheetNames().some((n) => n.startsWith("KPI~tmp~"))).toBe(false);
  });

  it("any other GeneralException still fails the write and leaves the workbook as it was", async () => {
    const { fake, port } = fakePort(seed());
    await port.writeOutput(output());
    const before = fake.snapshot();
    fake.injectFault({ code: FAKE_ERROR_CODES.general, afterSyncs: 1 });
    await expect(port.writeOutput(output())).rejects.toMatchObject({ code: "host_error" });
    expect(fake.snapshot()).toEqual(before);
  });
});
