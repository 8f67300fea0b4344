/** The fake behaves like Excel where the adapter's correctness depends on it. */
import { salesWorkbook } from "../../bench/excel-roundtrips";
import { createFakeWorkbook, FAKE_ERROR_CODES, FAKE_PAYLOAD_LIMIT } from "../fakes/excel";
import type { FakeRange, FakeRequestContext } from "../fakes/excel/clientObjects";

const seed = () => ({
  sheets: [
    {
      name: "Data",
      values: [
        ["a", "b"],
        [1, 2],
      ] as Array<Array<string | number>>,
    },
  ],
});

describe("fake Excel", () => {
  // Reading before load + sync is the point of this test, so the Office add-in lint rules are off here.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
  it("reading a property before load + sync fails with PropertyNotLoaded", async () => {
    const fake = createFakeWorkbook(seed());
    await fake.run(async (ctx: FakeRequestContext) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: FAKE_ERROR_CODES.propertyNotLoaded }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: FAKE_ERROR_CODES.propertyNotLoaded }));
      await ctx.sync();
      expect(range.values).toEqual([
        ["a", "b"],
        [1, 2],
      ]);
    });
    expect(fake.counters.syncs).toBe(1);
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */

  it("rejects values whose shape does not match the range", async () => {
    const fake = createFakeWorkbook(seed());
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [[1, 2, 3]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidArgument });
  });

  it("stores strings starting with = + - @ as formulas, and apostrophe-prefixed strings as text", async () => {
    const fake = createFakeWorkbook(seed());
    await fake.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A3:E3").values = [["=1+1", " +A1", "-5", "'=1+1", "@x"]];
      await ctx.sync();
    });
    expect([0, 1, 2, 3, 4].map((c) => fake.isFormula("Data", 2, c))).toEqual([true, true, false, false, true]);
    expect(fake.cell("Data", 2, 3)).toBe("=1+1");
  });

  it("null in a values write leaves the cell as it was (Office.js semantics)", async () => {
    const fake = createFakeWorkbook(seed());
    await fake.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A2:B2").values = [[null, 9]];
    });
    expect(fake.values("Data")[1]).toEqual([1, 9]);
  });

  it("counts syncs and queued calls, and measures request and response bytes", async () => {
    const fake = createFakeWorkbook(seed());
    await fake.run(async (ctx: FakeRequestContext) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B2").load("values");
      await ctx.sync();
      void r;
    });
    expect(fake.counters.syncs).toBe(1);
    expect(fake.counters.operations).toBe(3); // getItem, getRange, load (the worksheets collection is pre-bound)
    expect(fake.counters.maxResponseBytes).toBeGreaterThanOrEqual(
      JSON.stringify([
        ["a", "b"],
        [1, 2],
      ]).length,
    );
  });

  it("refuses a request over 5 MB with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const fake = createFakeWorkbook(seed());
    const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("Data").getRange("D1:D60000").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.requestTooLarge });
    expect(fake.mutations("Data")).toBe(0);
  });

  it("refuses a whole-range values load over 5 MB with ResponsePayloadSizeLimitExceeded, failing the whole batch", async () => {
    // 100,000 sales rows of 11 columns: about 74 JSON bytes a row, 7.4 MB in all
    const fake = salesWorkbook(100_000);
    let range: FakeRange | undefined;
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        range = ctx.workbook.tables.getItem("Sales").getRange().load("address,values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.responseTooLarge });
    // nothing of the batch came back, not even the address loaded with the values
    expect(() => range!.address).toThrow(expect.objectContaining({ code: FAKE_ERROR_CODES.propertyNotLoaded }));
    expect(fake.counters.rejectedSyncs).toBe(1);
    expect(fake.syncLog[0].responseBytes).toBeGreaterThan(FAKE_PAYLOAD_LIMIT);
    expect(fake.counters.maxResponseBytes).toBe(0);
  });

  it("getIntersectionOrNullObject gives the common cells, or a null object when there are none", async () => {
    const fake = createFakeWorkbook(seed());
    await fake.run(async (ctx: FakeRequestContext) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("B2:D9");
      const common = range.getIntersectionOrNullObject("A1:C3").load("address");
      const none = range.getIntersectionOrNullObject("E1:F3").load("address");
      await ctx.sync();
      expect(common.address).toBe("Data!B2:C3");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("a read past the cell limit comes back null", async () => {
    const fake = createFakeWorkbook(seed(), { readCellLimit: 3 });
    await fake.run(async (ctx: FakeRequestContext) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B2").load("values");
      await ctx.sync();
      expect(r.values).toBeNull();
    });
  });

  it("missing sheets and tables raise ItemNotFound at sync", async () => {
    const fake = createFakeWorkbook(seed());
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.tables.getItem("Nope").getRange().load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.itemNotFound });
  });

  it("injected faults fail the chosen syncs", async () => {
    const fake = createFakeWorkbook(seed());
    fake.injectFault({ code: FAKE_ERROR_CODES.cellEditMode, afterSyncs: 1 });
    const attempt = () => fake.run(async (ctx: FakeRequestContext) => void (await ctx.sync()));
    await expect(attempt()).resolves.toBeUndefined();
    await expect(attempt()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    await expect(attempt()).resolves.toBeUndefined();
  });

  it("conditional formats need ExcelApi 1.6", async () => {
    const fake = createFakeWorkbook(seed(), { apiMinor: 5 });
    await expect(
      fake.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1").conditionalFormats.add("DataBar");
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.apiNotFound });
    expect(fake.isSetSupported("ExcelApi", "1.5")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.6")).toBe(false);
  });

  it("reopen: settings, sheets and names persist only through a save; every sheet gets a new id", async () => {
    const fake = createFakeWorkbook({ sheets: [{ name: "Data", values: [["a"]] }] });
    const write = (key: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.settings.add(key, { on: true });
        ctx.workbook.worksheets.add(`Sheet ${key}`);
        await ctx.sync();
      });
    await write("kept");
    fake.save();
    await write("lost");
    const id = fake.sheet("Data").id;
    fake.reopen({ save: false });
    expect(Object.keys(fake.settings())).toEqual(["kept"]);
    expect(fake.sheetNames()).toEqual(["Data", "Sheet kept"]);
    expect(fake.sheet("Data").id).not.toBe(id);
    await write("saved at close");
    fake.reopen();
    expect(Object.keys(fake.settings())).toEqual(["kept", "saved at close"]);
  });
});
