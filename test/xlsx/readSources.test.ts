import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { RawCell } from "../../src/engine/types";
import { detectDelimiter, streamCsv } from "../../src/xlsx/readCsvSource";
import { loadWorkbook, readLoadedSource, streamXlsxSheet } from "../../src/xlsx/readXlsxSource";
import type { SourceRowSink } from "../../src/xlsx/sourceRows";

class Collect implements SourceRowSink {
  headers: string[] = [];
  sheet = "";
  rows: Array<{ row: number; cells: RawCell[] }> = [];
  header(headers: string[], sheet: string) {
    this.headers = headers;
    this.sheet = sheet;
  }
  row(cells: RawCell[], row: number) {
    this.rows.push({ row, cells: cells.slice() });
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-read-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

async function workbookFile(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(at(name));
  return at(name);
}

describe(".xlsx sources", () => {
  let file: string;
  beforeAll(async () => {
    file = await workbookFile("book.xlsx", (wb) => {
      wb.addWorksheet("Cover"); // empty: skipped when no sheet is named
      const ws = wb.addWorksheet("Sales");
      ws.getRow(2).values = ["Date", "Customer", "Revenue"]; // header on row 2, under a blank row
      ws.getRow(3).values = [new Date(Date.UTC(2026, 2, 15)), '=HYPERLINK("x")', 1200.5];
      ws.getRow(5).values = [46100, { richText: [{ text: "Rich " }, { text: "Mart" }] }, { formula: "1+1", result: 2 }];
      ws.getCell("D5").value = "beyond the header: ignored";
      const other = wb.addWorksheet("Numbers");
      other.addRow([1, 2, 3]);
      other.addRow([4, 5, 6]);
      const t = wb.addWorksheet("WithTable");
      t.getCell("A1").value = "title above the table";
      t.addTable({
        name: "SalesTable",
        ref: "B3",
        headerRow: true,
        columns: [{ name: "Date" }, { name: "Revenue" }],
        rows: [
          [46000, 10],
          [46001, 20],
        ],
      });
    });
  });

  test("streams the first sheet with data: header row and rows with their sheet row numbers, dates as serials", async () => {
    const sink = new Collect();
    const result = await streamXlsxSheet(file, undefined, sink);
    expect(result).toEqual({ ok: true, sheet: "Sales", rows: 2, date1904: false });
    expect(sink.headers).toEqual(["Date", "Customer", "Revenue"]);
    // 2026-03-15 is serial 46096; formula cells give their result; text stays text.
    expect(sink.rows).toEqual([
      { row: 3, cells: [46096, '=HYPERLINK("x")', 1200.5] },
      // Cells beyond the first row's width are passed on (a title block above the header may be
      // one cell wide: issue 14); the engine reads only the mapped columns.
      { row: 5, cells: [46100, "Rich Mart", 2, "beyond the header: ignored"] },
    ]);
  });

  test("the loaded-workbook reader gives the same rows as the stream", async () => {
    const opened = await loadWorkbook(file);
    if (!opened.ok) throw new Error(opened.message);
    const streamed = new Collect();
    const loaded = new Collect();
    await streamXlsxSheet(file, "Sales", streamed);
    expect(readLoadedSource(opened.workbook, file, { sheet: "Sales" }, loaded)).toEqual({
      ok: true,
      sheet: "Sales",
      rows: 2,
    });
    expect(loaded.rows).toEqual(streamed.rows);
  });

  test("reads a named table inside its range", async () => {
    const opened = await loadWorkbook(file);
    if (!opened.ok) throw new Error(opened.message);
    const sink = new Collect();
    expect(readLoadedSource(opened.workbook, file, { table: "salestable" }, sink)).toEqual({
      ok: true,
      sheet: "WithTable",
      rows: 2,
    });
    expect(sink.headers).toEqual(["Date", "Revenue"]);
    expect(sink.rows).toEqual([
      { row: 4, cells: [46000, 10] },
      { row: 5, cells: [46001, 20] },
    ]);
    const missing = readLoadedSource(opened.workbook, file, { table: "Nope" }, new Collect());
    expect(missing).toMatchObject({ ok: false, kind: "no_table" });
    expect(!missing.ok && missing.message).toContain('"SalesTable"');
  });

  test("a sheet that starts with numbers has no header: the message names the sheet row", async () => {
    const result = await streamXlsxSheet(file, "Numbers", new Collect());
    expect(result).toMatchObject({ ok: false, kind: "no_header" });
    expect(!result.ok && result.message).toMatch(/sheet "Numbers" row 1 holds data/);
  });

  test("an unknown sheet lists the sheets there are", async () => {
    const result = await streamXlsxSheet(file, "Salez", new Collect());
    expect(result).toMatchObject({ ok: false, kind: "no_sheet" });
    expect(!result.ok && result.message).toContain('sheets: "Cover", "Sales", "Numbers", "WithTable"');
  });

  test("a text file renamed .xlsx is not a workbook", async () => {
    fs.writeFileSync(at("fake.xlsx"), "Date,Revenue\n2026-01-01,5\n");
    expect(await streamXlsxSheet(at("fake.xlsx"), undefined, new Collect())).toMatchObject({
      ok: false,
      kind: "not_a_workbook",
    });
    expect(await loadWorkbook(at("fake.xlsx"))).toMatchObject({ ok: false, kind: "not_a_workbook" });
  });

  test("an empty workbook has no sheet with data", async () => {
    const empty = await workbookFile("empty.xlsx", (wb) => wb.addWorksheet("Sheet1"));
    expect(await streamXlsxSheet(empty, undefined, new Collect())).toMatchObject({ ok: false, kind: "no_data" });
  });
});

describe(".csv sources", () => {
  test("comma CSV with quoted fields", async () => {
    fs.writeFileSync(at("a.csv"), 'Date,Customer,Revenue\n2026-03-01,"Mart, North","1,234.5"\n\n2026-03-02,B,7\n');
    const sink = new Collect();
    expect(await streamCsv(at("a.csv"), sink)).toEqual({
      ok: true,
      sheet: "csv",
      rows: 2,
      encoding: "utf-8",
      encodingReason: "valid UTF-8",
      delimiter: ",",
    });
    expect(sink.rows).toEqual([
      { row: 2, cells: ["2026-03-01", "Mart, North", "1,234.5"] },
      { row: 4, cells: ["2026-03-02", "B", "7"] },
    ]);
  });

  test("semicolon CSV with a BOM (Excel in comma-decimal locales)", async () => {
    fs.writeFileSync(at("b.csv"), "\uFEFFNgày;Khách hàng;Doanh thu\r\n15/03/2026;Minh Anh;1.234,5\r\n");
    const sink = new Collect();
    expect(await streamCsv(at("b.csv"), sink)).toEqual({
      ok: true,
      sheet: "csv",
      rows: 1,
      encoding: "utf-8",
      encodingReason: "byte order mark",
      delimiter: ";",
    });
    expect(sink.headers).toEqual(["Ngày", "Khách hàng", "Doanh thu"]);
    expect(sink.rows[0].cells).toEqual(["15/03/2026", "Minh Anh", "1.234,5"]);
  });

  test("the delimiter is the one the header line uses most, outside quotes", () => {
    expect(detectDelimiter('a;b;"c,d,e"\n')).toBe(";");
    expect(detectDelimiter("a,b;c,d\n")).toBe(",");
  });

  test("an empty CSV and a CSV without a header row are unreadable", async () => {
    fs.writeFileSync(at("empty.csv"), "\n\n");
    expect(await streamCsv(at("empty.csv"), new Collect())).toMatchObject({ ok: false, kind: "no_data" });
    fs.writeFileSync(at("noheader.csv"), "46000,12\n46001,13\n");
    expect(await streamCsv(at("noheader.csv"), new Collect())).toMatchObject({ ok: false, kind: "no_header" });
  });
});
