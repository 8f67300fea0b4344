/** The fake's charts behave as Excel's: series made from the source by columns, found when the request runs. */
import { createFakeWorkbook, FAKE_ERROR_CODES } from "../fakes/excel";
import type { FakeRequestContext } from "../fakes/excel/clientObjects";

const seed = (apiMinor = 17) =>
  createFakeWorkbook(
    {
      sheets: [
        {
          name: "T",
          values: [
            ["Period", "North", "South"],
            ["2026-01", 1, 2],
            ["2026-02", 3, 4],
          ] as Array<Array<string | number>>,
        },
      ],
    },
    { apiMinor },
  );

describe("fake Excel charts", () => {
  it("a text header row names the series, a text first column gives the categories, every other column is a series", async () => {
    const fake = seed();
    await fake.run(async (ctx: FakeRequestContext) => {
      const ws = ctx.workbook.worksheets.getItem("T");
      ws.charts.add("Line", ws.getRange("A1:C3"), "Columns").name = "Whole";
      // Numbers only under the header: no category column, every column a series.
      ws.charts.add("Line", ws.getRange("B1:C3"), "Columns").name = "Values";
      await ctx.sync();
    });
    const [whole, values] = fake.charts("T");
    expect(whole.series).toEqual([
      { name: "North", values: "B2:B3", categories: "A2:A3" },
      { name: "South", values: "C2:C3", categories: "A2:A3" },
    ]);
    expect(values.series).toEqual([
      { name: "North", values: "B2:B3" },
      { name: "South", values: "C2:C3" },
    ]);
  });

  it("a series past the last is ItemNotFound when the request runs; lineStyle and setXAxisValues need ExcelApi 1.7", async () => {
    const fake = seed();
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        const ws = ctx.workbook.worksheets.getItem("T");
        const chart = ws.charts.add("Line", ws.getRange("B1:C3"), "Columns");
        chart.series.getItemAt(2).format.line.color = "#000000";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.itemNotFound });
    const old = seed(6);
    await expect(
      old.run(async (ctx: FakeRequestContext) => {
        const ws = ctx.workbook.worksheets.getItem("T");
        ws.charts.add("Line", ws.getRange("B1:C3"), "Columns").series.getItemAt(0).format.line.lineStyle = "Dash";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.apiNotFound });
  });

  it("an unknown chart type or a bad position cell is InvalidArgument", async () => {
    const fake = seed();
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        const ws = ctx.workbook.worksheets.getItem("T");
        ws.charts.add("Sparkle", ws.getRange("B1:C3"), "Columns");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidArgument });
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        const ws = ctx.workbook.worksheets.getItem("T");
        ws.charts.add("Line", ws.getRange("B1:C3"), "Columns").setPosition("not a cell");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidArgument });
  });
});
