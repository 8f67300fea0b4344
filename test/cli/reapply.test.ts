/** `apply out.xlsx --out out2.xlsx` replaces the earlier output instead of adding "(2)" sheets. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { packageProblems } from "../xlsx/support/packageProblems";
import { runCli } from "./support/runCli";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "sales-en.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-reapply-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function cellValues(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n] = row.values as unknown[]));
  return rows;
}

const apply = (input: string, out: string) =>
  runCli("apply", input, "--targets", "Targets", "--as-of", "2026-03", "--out", out, "--quiet");

describe("apply INPUT → A, then apply A → B", () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");

  beforeAll(async () => {
    expect((await apply(SAMPLE, a)).code).toBe(0);
    const second = await apply(a, b);
    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
  }, 60_000);

  test("B has the output sheets once, under their original names, as many sheets as A", async () => {
    const names = (await open(b)).worksheets.map((w) => w.name);
    expect(names).toEqual([
      "Sales",
      "Targets",
      "KPI Scorecard",
      "KPI History",
      "KPI Margin Mix",
      "KPI Notes",
      "KPI Trends",
    ]);
    expect(names).toEqual((await open(a)).worksheets.map((w) => w.name));
  });

  test("B's source sheets are cell for cell the sample's, and its output equals A's", async () => {
    const [input, first, second] = [await open(SAMPLE), await open(a), await open(b)];
    for (const name of ["Sales", "Targets"])
      expect(cellValues(second.getWorksheet(name)!)).toEqual(cellValues(input.getWorksheet(name)!));
    for (const name of ["KPI Scorecard", "KPI History", "KPI Margin Mix"])
      expect(cellValues(second.getWorksheet(name)!)).toEqual(cellValues(first.getWorksheet(name)!));
    // The notes differ only in the run's "Generated at" time.
    const notes = (wb: ExcelJS.Workbook) =>
      cellValues(wb.getWorksheet("KPI Notes")!).filter((row) => !row?.includes("Generated at"));
    expect(notes(second)).toEqual(notes(first));
    expect(notes(second).length).toBeGreaterThan(1);
  });

  test("B has no dangling relationship, override or orphan chart/drawing/table part", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(b));
    expect(await packageProblems(zip)).toEqual([]);
    const parts = Object.keys(zip.files);
    expect(parts.filter((p) => /^xl\/charts\/[^/]+\.xml$/.test(p))).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ]); // score, trends
    expect(parts.filter((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p))).toEqual([
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
    ]);
    const tablesA = Object.keys((await JSZip.loadAsync(fs.readFileSync(a))).files).filter((p) =>
      p.startsWith("xl/tables/"),
    );
    expect(parts.filter((p) => p.startsWith("xl/tables/")).sort()).toEqual(tablesA.sort());
  });
});
