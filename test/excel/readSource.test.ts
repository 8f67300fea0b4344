import type { Progress } from "../../src/workbook/contract";
import { FAKE_ERROR_CODES } from "../fakes/excel";
import { fakePort, salesSeed } from "./support/excelPort";

describe("readSource", () => {
  it("reads a table: header, rows as Excel gives them, and the sheet row of the first data row", async () => {
    const { fake, port } = fakePort(salesSeed());
    const table = await port.readSource({ kind: "table", name: "Sales" });
    expect(table).toEqual({
      sheet: "Data",
      headers: ["Date", "Rep", "Customer", "Revenue", "Cost", "Bad debt"],
      rows: [
        ["2026-03-01", "An", '=HYPERLINK("x")', 100, 80, 0], // seeded as text, read back as text
        ["2026-03-02", "Bình", "Cửa hàng A", 200, 250, 5],
        ["2026-03-03", "An", "Cửa hàng B", 300, 200, 0],
      ],
      firstRow: 2,
    });
    // one round trip for the address, one for the values
    expect(fake.counters.syncs).toBe(2);
  });

  it("reads a sheet's used range, whose first non-empty row is the header", async () => {
    const { port } = fakePort({
      sheets: [{ name: "Raw", values: [[], [null, null], [null, "Ngày", "Doanh thu"], [null, 45000, 12]] }],
    });
    const table = await port.readSource({ kind: "sheet", name: "Raw" });
    expect(table.headers).toEqual(["Ngày", "Doanh thu"]);
    expect(table.rows).toEqual([[45000, 12]]);
    expect(table.firstRow).toBe(4);
  });

  it("reads the selection and skips empty rows above the header", async () => {
    const seed = {
      sheets: [{ name: "S", values: [["x"], [], ["Rep", "Revenue"], ["An", 5]] }],
      selection: { sheet: "S", address: "A2:B4" },
    };
    const { port } = fakePort(seed);
    const table = await port.readSource({ kind: "selection" });
    expect(table).toEqual({ sheet: "S", headers: ["Rep", "Revenue"], rows: [["An", 5]], firstRow: 4 });
  });

  it("splits a read that passes the payload budget into blocks and reports them in the progress", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`Rep ${i}`, i, "x".repeat(40)]);
    const { fake, port } = fakePort(
      { sheets: [{ name: "Big", values: [["Rep", "Revenue", "Note"], ...rows] }] },
      {},
      { payloadBudgetBytes: 20_000 },
    );
    const progress: Progress[] = [];
    const table = await port.readSource({ kind: "sheet", name: "Big" }, (p) => progress.push(p));
    expect(table.rows).toHaveLength(2000);
    expect(table.rows[1999]).toEqual(["Rep 1999", 1999, "x".repeat(40)]);
    expect(fake.counters.syncs).toBeGreaterThan(3);
    expect(fake.counters.maxResponseBytes).toBeLessThanOrEqual(20_000 * 1.2);
    expect(progress.at(-1)).toMatchObject({ phase: "reading", rowsDone: 2001, rowsTotal: 2001 });
    expect(progress.some((p) => /block 2 of/.test(p.detail ?? ""))).toBe(true);
  });

  it("halves a block that Excel refuses as too large and reads on", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`Customer ${i}`, "y".repeat(60)]);
    const limit = 30_000;
    const { fake, port } = fakePort(
      { sheets: [{ name: "Big", values: [["Customer", "Note"], ...rows] }] },
      { payloadLimitBytes: limit },
    );
    const table = await port.readSource({ kind: "sheet", name: "Big" });
    expect(table.rows).toHaveLength(1500);
    expect(fake.counters.rejectedSyncs).toBeGreaterThan(0);
    expect(fake.counters.maxResponseBytes).toBeLessThanOrEqual(limit);
  });

  it("reads past the cell limit in smaller blocks when Excel returns null", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [i, i * 2]);
    const { port } = fakePort({ sheets: [{ name: "N", values: [["a", "b"], ...rows] }] }, { readCellLimit: 100 });
    const table = await port.readSource({ kind: "sheet", name: "N" });
    expect(table.rows[299]).toEqual([299, 598]);
  });

  it("an injected 'payload too large' on the values halves the block and reads everything", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i, `r${i}`]);
    const { fake, port } = fakePort({ sheets: [{ name: "N", values: [["a", "b"], ...rows] }] });
    fake.injectFault({ code: FAKE_ERROR_CODES.requestTooLarge, afterSyncs: 1 });
    const progress: Progress[] = [];
    const table = await port.readSource({ kind: "sheet", name: "N" }, (p) => progress.push(p));
    expect(table.rows).toEqual(rows);
    // 1 address + 1 refused + 2 blocks: 50 of the 101 rows (header included), then the other 51
    expect(fake.counters.syncs).toBe(4);
    expect(progress.map((p) => p.detail).filter(Boolean)).toEqual(["block 1 of 2", "block 2 of 2"]);
  });

  it("an item-not-found fault from Excel gives the not-found message", async () => {
    const { fake, port } = fakePort(salesSeed());
    fake.injectFault({ code: FAKE_ERROR_CODES.itemNotFound });
    await expect(port.readSource({ kind: "sheet", name: "Data" })).rejects.toMatchObject({
      code: "not_found",
      message: 'Could not find the sheet "Data": it may have been renamed or deleted.',
    });
  });

  it("a missing table gives one message naming it", async () => {
    const { port } = fakePort(salesSeed());
    await expect(port.readSource({ kind: "table", name: "Sales2025" })).rejects.toMatchObject({
      code: "not_found",
      message: 'Could not find the table "Sales2025": it may have been renamed or deleted.',
    });
  });

  it("an empty sheet says there is no header row", async () => {
    const { port } = fakePort({
      sheets: [
        { name: "Empty", values: [] },
        { name: "Other", values: [["a"]] },
      ],
    });
    await expect(port.readSource({ kind: "sheet", name: "Empty" })).rejects.toMatchObject({
      code: "empty_source",
      message: expect.stringContaining('The sheet "Empty" is empty'),
    });
  });

  it("never changes the source", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.readSource({ kind: "table", name: "Sales" });
    expect(fake.mutations("Data")).toBe(0);
  });
});

describe("listSources and defaultSource", () => {
  it("lists tables and non-empty sheets with their sizes", async () => {
    const seed = salesSeed();
    seed.sheets.push({ name: "Blank", values: [] });
    const { port } = fakePort(seed);
    expect(await port.listSources()).toEqual([
      { kind: "table", name: "Sales", sheet: "Data", rows: 3, columns: 6 },
      { kind: "sheet", name: "Data", sheet: "Data", rows: 3, columns: 6 },
    ]);
  });

  it("defaults to the table the selection is in", async () => {
    const seed = { ...salesSeed(), selection: { sheet: "Data", address: "C3" } };
    expect(await fakePort(seed).port.defaultSource()).toEqual({ kind: "table", name: "Sales" });
  });

  it("else to a multi-cell selection, else to the selection's sheet", async () => {
    const seed = salesSeed();
    seed.sheets.push({
      name: "Loose",
      values: [
        ["Rep", "Revenue"],
        ["An", 1],
      ],
    });
    expect(await fakePort({ ...seed, selection: { sheet: "Loose", address: "A1:B2" } }).port.defaultSource()).toEqual({
      kind: "selection",
    });
    expect(await fakePort({ ...seed, selection: { sheet: "Loose", address: "B2" } }).port.defaultSource()).toEqual({
      kind: "sheet",
      name: "Loose",
    });
  });
});
