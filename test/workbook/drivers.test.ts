/**
 * Drivers in the workbook (issue 13 §1): the why column on the scorecard sheet, the KPI Drivers sheet
 * in long form, written by the exporter for both writers; the add-in (fake Excel host) and the command
 * line (.xlsx) give the same drivers and both write the sheet.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import ExcelJS from "exceljs";
import { getBuiltinTemplate, type RawCell, type Scorecard } from "../../src/engine";
import { runApply, type ApplyOptions } from "../../src/cli/applyCommand";
import { computeScorecard } from "../../src/engine/scorecard";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import type { OutputSheet, WorkbookOutput } from "../../src/workbook/contract";
import { runScorecard } from "../../src/workbook/runScorecard";
import { fakePort } from "../excel/support/excelPort";
import { LATER, salesData, templateWith, type FixtureRow } from "../engine/support/salesFixture";
import { columnOf } from "./support/columnOf";

const sheet = (output: WorkbookOutput, key: OutputSheet["key"]) => output.sheets.find((s) => s.key === key);

const rows: FixtureRow[] = [
  {
    date: "2026-01-05",
    salesperson: "An",
    region: "North",
    customer: "Minh Phát",
    product: "Bia tươi",
    category: "Beer",
    revenue: 200e6,
  },
  {
    date: "2026-01-06",
    salesperson: "An",
    region: "North",
    customer: "Hòa Bình",
    product: "Nước ngọt",
    category: "Soft drinks",
    revenue: 100e6,
  },
  {
    date: "2026-02-05",
    salesperson: "An",
    region: "North",
    customer: "Minh Phát",
    product: "Bia tươi",
    category: "Beer",
    revenue: 80e6,
  },
  {
    date: "2026-02-06",
    salesperson: "An",
    region: "North",
    customer: "Hòa Bình",
    product: "Nước ngọt",
    category: "Soft drinks",
    revenue: 110e6,
  },
];
const scorecard = (drivers: boolean, lang: "en" | "vi" = "en") =>
  computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales" }]),
    asOf: "2026-02",
    now: LATER,
    drivers,
    lang,
  });

describe("the exporter", () => {
  test("a why column per KPI, in the sheet's language: the change, then the largest contributor of each dimension", () => {
    // 190 M − 300 M = −110 M; Minh Phát 80 − 200 = −120 M, Bia tươi −120 M, Beer −120 M
    const en = sheet(buildWorkbookOutput(scorecard(true), "en"), "scorecard")!;
    const why = columnOf(en, "Net sales · Why (vs previous)");
    expect(why).toBeGreaterThan(0);
    const an = en.rows.find((r) => r[0] === "An")!;
    expect(an[why]).toBe("-110M: Minh Phát -120M, Bia tươi -120M, Beer -120M");
    const vi = sheet(buildWorkbookOutput(scorecard(true), "vi"), "scorecard")!;
    expect(vi.rows.find((r) => r[0] === "An")![why]).toBe(
      "-110\u00a0Tr: Minh Phát -120\u00a0Tr, Bia tươi -120\u00a0Tr, Beer -120\u00a0Tr",
    );
    // The JSON carries it in the run's language.
    expect(scorecard(true, "vi").rows.find((r) => r.entity === "An")!.kpis.net_sales!.why).toBe(
      "-110\u00a0Tr: Minh Phát -120\u00a0Tr, Bia tươi -120\u00a0Tr, Beer -120\u00a0Tr",
    );
  });

  test("the KPI Drivers sheet: one row per entity, KPI, comparison, dimension and member, an Excel table", () => {
    const output = buildWorkbookOutput(scorecard(true), "en");
    expect(output.sheets.map((s) => s.key)).toEqual(["scorecard", "history", "details", "drivers", "notes", "trends"]);
    const drivers = sheet(output, "drivers")!;
    expect(drivers.name).toBe("KPI Drivers");
    expect(drivers.table?.name).toBe("KpiDrivers");
    expect(drivers.columns.map((c) => c.header)).toEqual([
      "Entity",
      "Level",
      "Period",
      "KPI",
      "KPI id",
      "Compared with",
      "Compared period",
      "Dimension",
      "Member",
      "Contribution",
      "Share of change",
      "Rate effect",
      "Mix effect",
    ]);
    const an = drivers.rows.filter((r) => r[0] === "An" && r[7] === "Customer");
    // Hòa Bình 110 − 100 = +10 M, Minh Phát −120 M, others −110 − (10 − 120) = 0
    expect(an.map((r) => [r[5], r[6], r[8], r[9]])).toEqual([
      ["Previous period", "2026-01", "Hòa Bình", 10e6],
      ["Previous period", "2026-01", "Minh Phát", -120e6],
      ["Previous period", "2026-01", "(others)", 0],
    ]);
    for (const r of drivers.rows) expect(r).toHaveLength(drivers.columns.length);
    // Money, counts and fractions share the amount columns: two to four decimals, never General's long tails.
    expect(drivers.columns.slice(9).map((c) => c.numberFormat)).toEqual([
      "#,##0.00##",
      "0.0%",
      "#,##0.00##",
      "#,##0.00##",
    ]);
  });

  test("without drivers: no why column and no drivers sheet", () => {
    const output = buildWorkbookOutput(scorecard(false), "en");
    expect(output.sheets.map((s) => s.key)).toEqual(["scorecard", "history", "details", "notes", "trends"]);
    expect(sheet(output, "scorecard")!.columns.some((c) => c.header.includes("Why"))).toBe(false);
  });
});

describe("the price / volume / mix bridge and blank members, in the sheet's language", () => {
  // An sells product P to a customer left blank: 10 × 10 M in 2026-01, 12 × 11 M = 132 M in 2026-02.
  const blankRows: FixtureRow[] = [
    { date: "2026-01-05", salesperson: "An", region: "North", product: "P", quantity: 10, revenue: 100e6 },
    { date: "2026-02-05", salesperson: "An", region: "North", product: "P", quantity: 12, revenue: 132e6 },
  ];
  const vi = computeScorecard({
    data: salesData(blankRows, ["customer"]),
    template: templateWith([{ kpi: "net_sales" }]),
    asOf: "2026-02",
    now: LATER,
    drivers: true,
    lang: "vi",
  });

  test("one KPI Drivers row per effect, dimension Price / volume / mix", () => {
    const drivers = sheet(buildWorkbookOutput(vi, "vi"), "drivers")!;
    const bridge = drivers.rows.filter((r) => r[0] === "An" && r[7] === "Giá / sản lượng / cơ cấu");
    // change 132 − 100 = 32 M: volume (12 − 10) × 10 M = 20 M; mix 12 × 10 M − 12 × 10 M = 0;
    // price (11 M − 10 M) × 12 = 12 M; shares 20/32, 0, 12/32
    expect(bridge.map((r) => [r[5], r[8], r[9], r[10], r[11], r[12]])).toEqual([
      ["Kỳ trước", "Giá", 12e6, 12 / 32, null, null],
      ["Kỳ trước", "Sản lượng", 20e6, 20 / 32, null, null],
      ["Kỳ trước", "Cơ cấu", 0, 0, null, null],
    ]);
  });

  test("a blank customer is (trống) in the why text and on the sheet, and (others) is (khác)", () => {
    // The blank customer and product P each moved +32 M.
    expect(vi.rows.find((r) => r.entity === "An")!.kpis.net_sales!.why).toBe(
      "+32\u00a0Tr: (trống) +32\u00a0Tr, P +32\u00a0Tr",
    );
    const drivers = sheet(buildWorkbookOutput(vi, "vi"), "drivers")!;
    const customers = drivers.rows.filter((r) => r[0] === "An" && r[7] === "Khách hàng").map((r) => r[8]);
    expect(customers).toEqual(["(trống)", "(khác)"]);
    // The JSON keeps the stable English keys.
    const json = vi.rows.find((r) => r.entity === "An")!.kpis.net_sales!.drivers!.vsPrevious!;
    expect(json.by.customer!.map((e) => e.member)).toEqual(["(blank)", "(others)"]);
    expect(json.bridge).toEqual({ price: 12e6, volume: 20e6, mix: 0 });
  });
});

describe("both front ends", () => {
  const NOW = new Date("2026-04-10T00:00:00Z");
  const HEADER = [
    "Date",
    "Salesperson",
    "Customer",
    "Product",
    "Category",
    "Revenue",
    "Cost",
    "Receivable",
    "Collected",
  ];
  const DATA: RawCell[][] = [
    HEADER,
    [46053, "An", "Mart A", "Lager", "Beer", 1000, 600, 1000, 900],
    [46082, "An", "Mart B", "Cola", "Soft", 2000, 1500, 2000, 2000],
    [46083, "Bình", "Mart C", "Lager", "Beer", 1500, 1000, 1500, 1200],
    [46100, "Bình", "Mart A", "Cola", "Soft", 500, 300, 500, 500],
  ];
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "drivers-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("give the same drivers and both write the KPI Drivers sheet", async () => {
    const { port, fake } = fakePort({ sheets: [{ name: "Data", values: DATA }] });
    const addIn = await runScorecard(port, {
      source: { kind: "sheet", name: "Data" },
      template: getBuiltinTemplate("sales-rep")!,
      lang: "en",
      asOf: "2026-03",
      now: NOW,
      drivers: true,
    });
    if (!addIn.ok) throw new Error(addIn.error.message);
    expect(fake.sheetNames()).toContain("KPI Drivers");
    expect(addIn.report.sheets.drivers).toBe("KPI Drivers");

    const book = new ExcelJS.Workbook();
    book.addWorksheet("Data").addRows(DATA);
    const input = path.join(dir, "in.xlsx");
    await book.xlsx.writeFile(input);
    const options: ApplyOptions = {
      input,
      sheet: "Data",
      template: "sales-rep",
      asOf: "2026-03",
      map: {},
      lang: "en",
      out: path.join(dir, "out.xlsx"),
      json: path.join(dir, "out.json"),
      force: false,
      quiet: true,
      drivers: true,
      now: NOW,
    };
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const cli = await runApply(options, { stdout: { write: () => undefined }, stderr: sink });
    if (!cli.ok) throw new Error(cli.message);
    const json = JSON.parse(fs.readFileSync(options.json!, "utf8")) as Scorecard;
    expect(JSON.parse(JSON.stringify(addIn.scorecard))).toEqual(json);
    // Bình, 2026-03 (46083 = 03-01, 46100 = 03-18) vs 2026-02 (no rows): 1500 + 500 − 0 = 2000;
    // by product Lager +1500, Cola +500
    const binh = json.rows.find((r) => r.entity === "Bình")!.kpis.net_sales!.drivers!.vsPrevious!;
    expect(binh.change).toBe(2000);
    expect(binh.by.product!.map((e) => [e.member, e.contribution])).toEqual([
      ["Lager", 1500],
      ["Cola", 500],
      ["(others)", 0],
    ]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(options.out!);
    const written = out.getWorksheet("KPI Drivers");
    expect(written).toBeDefined();
    expect(written!.getRow(1).getCell(9).value).toBe("Member");
  });
});
