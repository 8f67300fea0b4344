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
    // The score chart, the trends overview and one trend chart per KPI (five in the demo template), reused from A.
    expect(parts.filter((p) => /^xl\/charts\/[^/]+\.xml$/.test(p))).toEqual(
      Array.from({ length: 2 + 5 }, (_, i) => `xl/charts/chart${i + 1}.xml`),
    );
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

describe("a user's formulas on the output survive a re-apply (issue 9, point 5)", () => {
  const a = path.join(dir, "formulas-a.xlsx");
  const withFormulas = path.join(dir, "formulas-a2.xlsx");
  const b = path.join(dir, "formulas-b.xlsx");
  const FORMULAS = ["SUM(KpiHistory[#Data])", "'KPI Scorecard'!B3"];

  /** The Targets sheet's part (a user sheet), found through the workbook's relationships. */
  async function targetsPart(zip: JSZip): Promise<string> {
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const rid = /<sheet\b[^>]*name="Targets"[^>]*r:id="([^"]+)"/.exec(workbook)![1];
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const target =
      new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }

  beforeAll(async () => {
    expect((await apply(SAMPLE, a)).code).toBe(0);
    // The user types two formulas on their Targets sheet (row 1, after its last cell), as Excel stores them.
    const zip = await JSZip.loadAsync(fs.readFileSync(a));
    const part = await targetsPart(zip);
    const xml = await zip.file(part)!.async("string");
    const cells = FORMULAS.map((f, i) => `<c r="${"YZ"[i]}1"><f>${f.replace(/'/g, "&apos;")}</f></c>`).join("");
    const firstRowEnd = xml.indexOf("</row>");
    expect(firstRowEnd).toBeGreaterThan(0);
    zip.file(part, xml.slice(0, firstRowEnd) + cells + xml.slice(firstRowEnd));
    fs.writeFileSync(withFormulas, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await apply(withFormulas, b)).code).toBe(0);
  }, 60_000);

  test("the formulas are kept as typed and what they name is there again under the same names", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(b));
    const xml = await zip.file(await targetsPart(zip))!.async("string");
    const kept = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    expect(kept).toEqual(expect.arrayContaining(FORMULAS));
    const wb = await open(b);
    expect(wb.worksheets.map((w) => w.name)).toContain("KPI Scorecard");
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    // The history table keeps its name (KpiHistory, not KpiHistory2), so KpiHistory[...] resolves.
    expect(tables.map((t) => /\sname="([^"]+)"/.exec(t)?.[1])).toContain("KpiHistory");
    expect(tables.some((t) => /\sname="KpiHistory\d+"/.test(t))).toBe(false);
  });
});
