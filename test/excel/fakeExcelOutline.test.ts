/** The fake rejects what Excel rejects for the hierarchy formats and fixed data bar bounds (issue 11). */
import { createFakeWorkbook, FAKE_ERROR_CODES } from "../fakes/excel";
import type { FakeRequestContext } from "../fakes/excel/clientObjects";

const seed = () => ({ sheets: [{ name: "Data", values: [["a"], ["b"], ["c"]] as string[][] }] });
const sheet = (ctx: FakeRequestContext) => ctx.workbook.worksheets.getItem("Data");

describe("fake Excel: indent, borders, row groups, data bar bounds", () => {
  it("indentLevel is an integer from 0 to 250 (ExcelApi 1.9)", async () => {
    const fake = createFakeWorkbook(seed());
    await fake.run(async (ctx: FakeRequestContext) => {
      sheet(ctx).getRange("A2:A3").format.indentLevel = 250;
      await ctx.sync();
    });
    expect(fake.indentLevel("Data", 2, 0)).toBe(250);
    for (const bad of [251, -1, 1.5])
      await expect(
        fake.run(async (ctx: FakeRequestContext) => {
          sheet(ctx).getRange("A1").format.indentLevel = bad;
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidArgument });
    const old = createFakeWorkbook(seed(), { apiMinor: 8 });
    await expect(
      old.run(async (ctx: FakeRequestContext) => void (sheet(ctx).getRange("A1").format.indentLevel = 1)),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.apiNotFound });
  });

  it("Range.group needs ExcelApi 1.10, deepens rows one level per call and stops at eight", async () => {
    const old = createFakeWorkbook(seed(), { apiMinor: 9 });
    await expect(
      old.run(async (ctx: FakeRequestContext) => void sheet(ctx).getRange("2:3").group("ByRows")),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.apiNotFound });
    const fake = createFakeWorkbook(seed());
    await fake.run(async (ctx: FakeRequestContext) => {
      sheet(ctx).getRange("2:3").group("ByRows");
      sheet(ctx).getRange("2:2").group("ByRows");
      await ctx.sync();
    });
    expect([1, 2, 3].map((r) => fake.outlineLevel("Data", r))).toEqual([2, 1, 0]);
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        for (let i = 0; i < 7; i++) sheet(ctx).getRange("2:2").group("ByRows");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.general });
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        sheet(ctx).getRange("3:3").group("Rows");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidArgument });
  });

  it("a top border takes a BorderLineStyle", async () => {
    const fake = createFakeWorkbook(seed());
    await fake.run(async (ctx: FakeRequestContext) => {
      sheet(ctx).getRange("A3:B3").format.borders.getItem("EdgeTop").style = "Continuous";
      await ctx.sync();
    });
    expect(fake.topBorder("Data", 2, 1)).toBe("Continuous");
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        sheet(ctx).getRange("A1").format.borders.getItem("EdgeTop").style = "Thin";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidArgument });
  });

  it("a Number data bar bound needs its formula", async () => {
    const fake = createFakeWorkbook(seed());
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        const cf = sheet(ctx).getRange("A1:A3").conditionalFormats.add("DataBar");
        cf.dataBar.upperBoundRule = { type: "Number" };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidArgument });
  });
});

describe("fake Excel: merged cells", () => {
  it("Range.merge joins the cells (ExcelApi 1.2) but not over a table or across another merge", async () => {
    const fake = createFakeWorkbook({
      sheets: [
        {
          name: "Data",
          values: [
            ["a", "b", "c"],
            [1, 2, 3],
          ],
          tables: [{ name: "T", address: "A1:B2" }],
        },
      ],
    });
    await fake.run(async (ctx: FakeRequestContext) => {
      sheet(ctx).getRange("D1:F1").merge(false);
      await ctx.sync();
    });
    expect(fake.merges("Data")).toEqual(["D1:F1"]);
    for (const address of ["B1:C1", "E1:G1"])
      await expect(
        fake.run(async (ctx: FakeRequestContext) => {
          sheet(ctx).getRange(address).merge(false);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidArgument });
    const old = createFakeWorkbook(seed(), { apiMinor: 1 });
    await expect(
      old.run(async (ctx: FakeRequestContext) => void sheet(ctx).getRange("A1:B1").merge(false)),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.apiNotFound });
  });
});
