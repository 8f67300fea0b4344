import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { detectColumns } from "../../src/engine";
import { LANGS } from "../../src/engine/types";
import { COL, generateSales } from "../../src/samples/generateSales";
import { SAMPLE_COLUMNS, SAMPLE_VOCABULARY } from "../../src/samples/sampleVocabulary";
import { writeSampleWorkbook } from "../../src/samples/writeSampleWorkbook";
import { dateToSerial } from "../../src/xlsx/cellValue";

const options = { rows: 1500, seed: 7, lang: "en" as const };

describe("generateSales", () => {
  const sample = generateSales(options);
  const rows = sample.sales.rows;

  test("is reproducible: the same seed gives the same rows, another seed other rows", () => {
    expect(generateSales(options)).toEqual(sample);
    expect(generateSales({ ...options, seed: 8 }).sales.rows).not.toEqual(rows);
  });

  test("gives the rows asked for, in date order, over 15 months from 2025-01", () => {
    expect(rows).toHaveLength(1500);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i][COL.date] as number).toBeGreaterThanOrEqual(rows[i - 1][COL.date] as number);
    // 2025-01-01 is serial 45658; 2026-03-31 is 46112.
    expect(rows[0][COL.date]).toBeGreaterThanOrEqual(45658);
    expect(rows[rows.length - 1][COL.date]).toBeLessThanOrEqual(46112);
  });

  test("customers appear over time, so every month after the first has new customers", () => {
    const firstMonth = new Map<string, number>();
    for (const r of rows) {
      const month = Math.floor(((r[COL.date] as number) - 45658) / 30.5);
      if (!firstMonth.has(r[COL.customer] as string)) firstMonth.set(r[COL.customer] as string, month);
    }
    const newPerMonth = new Array(15).fill(0);
    for (const m of firstMonth.values()) newPerMonth[Math.min(14, m)]++;
    expect(newPerMonth.slice(1).every((n) => n > 0)).toBe(true);
  });

  test("has partial collections, bad debt, every deal status, every tier and new products", () => {
    expect(rows.some((r) => (r[COL.collected] as number) < (r[COL.receivable] as number))).toBe(true);
    expect(rows.some((r) => (r[COL.bad_debt] as number) > 0)).toBe(true);
    expect(new Set(rows.map((r) => r[COL.status]))).toEqual(new Set(["Won", "Lost", "Cancelled", "Open"]));
    expect(new Set(rows.map((r) => r[COL.margin_tier]))).toEqual(new Set(["Premium", "Standard", "Economy"]));
    expect(new Set(rows.map((r) => r[COL.new_product]))).toEqual(new Set(["Yes", "No"]));
    // A deal that was not won books no revenue, cost or receivable.
    for (const r of rows.filter((x) => x[COL.status] !== "Won"))
      expect([r[COL.revenue], r[COL.cost], r[COL.receivable]]).toEqual([0, 0, 0]);
  });

  test("a targets row per salesperson per month", () => {
    expect(sample.targets.rows).toHaveLength(8 * 15);
    expect(sample.targets.headers).toEqual(["Salesperson", "Period", "net_sales", "collection_rate", "new_customers"]);
    expect(sample.targets.rows[0].slice(0, 2)).toEqual(["Alice Johnson", "2025-01"]);
  });

  test.each(LANGS)("headers in %s are recognised by the engine's column detection", (lang) => {
    const s = generateSales({ rows: 300, seed: 1, lang });
    const detected = detectColumns({ sheet: s.sales.sheet, headers: s.sales.headers, rows: s.sales.rows, firstRow: 2 });
    const byColumn = new Map(detected.map((d) => [d.column, d.role]));
    SAMPLE_COLUMNS.forEach((role, column) => expect([column, byColumn.get(column)]).toEqual([column, role]));
    expect(s.sales.headers[COL.revenue]).toBe(SAMPLE_VOCABULARY[lang].headers.revenue);
  });
});

describe("writeSampleWorkbook", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-sample-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes the generated rows and targets; the same seed gives the same bytes", async () => {
    const a = path.join(dir, "a.xlsx");
    const b = path.join(dir, "b.xlsx");
    const opts = { rows: 400, seed: 3, lang: "vi" as const };
    await writeSampleWorkbook(a, opts);
    await new Promise((r) => setTimeout(r, 1100)); // a zip time stamp would now differ
    await writeSampleWorkbook(b, opts);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);

    const expected = generateSales(opts);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(a);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Bán hàng", "Chỉ tiêu"]);
    const sales = workbook.getWorksheet("Bán hàng")!;
    expect((sales.getRow(1).values as unknown[]).slice(1)).toEqual(expected.sales.headers);
    const row9 = (sales.getRow(10).values as unknown[]).slice(1);
    // Dates are written as date-formatted serials, read back as Dates.
    expect(dateToSerial(row9[0] as Date)).toBe(expected.sales.rows[8][0]);
    expect(row9.slice(1)).toEqual(expected.sales.rows[8].slice(1));
    expect(sales.rowCount).toBe(401);
    expect(workbook.getWorksheet("Chỉ tiêu")!.rowCount).toBe(1 + 8 * 15);
  });
});
