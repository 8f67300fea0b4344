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
    // the address and the values come back in the same round trip
    expect(fake.counters.syncs).toBe(1);
    expect(fake.counters.rejectedSyncs).toBe(0);
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

  it("an injected 'payload too large' on the first read and on a block: address alone, then halved blocks", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i, `r${i}`]);
    const { fake, port } = fakePort({ sheets: [{ name: "N", values: [["a", "b"], ...rows] }] });
    // The first round trip (address + values) is refused; after the address alone, so is the first block.
    fake.injectFault({ code: FAKE_ERROR_CODES.responseTooLarge });
    fake.injectFault({ code: FAKE_ERROR_CODES.requestTooLarge, afterSyncs: 1 });
    const progress: Progress[] = [];
    const table = await port.readSource({ kind: "sheet", name: "N" }, (p) => progress.push(p));
    expect(table.rows).toEqual(rows);
    // 1 refused + 1 address + 1 refused + 2 blocks: 50 of the 101 rows (header included), then the other 51
    expect(fake.counters.syncs).toBe(5);
    expect(progress.map((p) => p.detail).filter(Boolean)).toEqual(["block 1 of 2", "block 2 of 2"]);
  });

  it("a first read Excel refuses as over 5 MB falls back to the address alone and blocks under the limit", async () => {
    // 4 cells of 100 characters: 4 × (100 + 3) + 3 = 415 JSON bytes a row
    const rows = Array.from({ length: 600 }, (_, i) => [
      `${i}`.padEnd(100, "a"),
      "b".repeat(100),
      "c".repeat(100),
      "d".repeat(100),
    ]);
    const limit = 50_000;
    const { fake, port } = fakePort(
      { sheets: [{ name: "Wide", values: [["A", "B", "C", "D"], ...rows] }] },
      { payloadLimitBytes: limit },
      // headRows = 40,000 / 256 = 156 rows: 156 × 415 = 64,740 bytes, over the limit
      { payloadBudgetBytes: 40_000 },
    );
    const table = await port.readSource({ kind: "sheet", name: "Wide" });
    expect(table.rows).toEqual(rows);
    expect(fake.syncLog[0].rejected).toBe(true);
    // the address alone: a few dozen bytes
    expect(fake.syncLog[1]).toMatchObject({ rejected: false });
    expect(fake.syncLog[1].responseBytes).toBeLessThan(100);
    expect(fake.counters.maxResponseBytes).toBeLessThanOrEqual(limit);
  });

  it("a source below the sheet rows read first is read in blocks, with its sheet rows", async () => {
    const values: Array<Array<string | number>> = Array.from({ length: 19 }, () => []);
    values.push(["Rep", "Revenue"], ...Array.from({ length: 30 }, (_, i) => [`Rep ${i}`, i]));
    // budget 2,560 bytes: the first round trip covers sheet rows 1..10 (2,560 / 256), and the source starts on row 20
    const { fake, port } = fakePort(
      { sheets: [{ name: "Low", values }], selection: { sheet: "Low", address: "A20:B50" } },
      {},
      { payloadBudgetBytes: 2_560 },
    );
    const table = await port.readSource({ kind: "selection" });
    expect(table.headers).toEqual(["Rep", "Revenue"]);
    expect(table.rows).toHaveLength(30);
    expect(table.rows[29]).toEqual(["Rep 29", 29]);
    expect(table.firstRow).toBe(21);
    expect(fake.counters.syncs).toBeGreaterThan(1);
  });

  it("a source partly within the sheet rows read first keeps those rows and reads the rest after them", async () => {
    const values: Array<Array<string | number>> = [[], [], [], []];
    values.push(["Rep", "Revenue"], ...Array.from({ length: 30 }, (_, i) => [`Rep ${i}`, i]));
    // sheet rows 1..10 come first: the source's rows 5..10 (header and Rep 0..4), then the rest
    const { port } = fakePort(
      { sheets: [{ name: "Mid", values }], selection: { sheet: "Mid", address: "A5:B35" } },
      {},
      { payloadBudgetBytes: 2_560 },
    );
    const progress: Progress[] = [];
    const table = await port.readSource({ kind: "selection" }, (p) => progress.push(p));
    expect(table.rows).toEqual(Array.from({ length: 30 }, (_, i) => [`Rep ${i}`, i]));
    expect(table.firstRow).toBe(6);
    expect(progress[0]).toMatchObject({ phase: "reading", rowsDone: 6, rowsTotal: 31 });
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
