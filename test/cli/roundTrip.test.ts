/** The written workbook reopens; the source sheets are unchanged cell for cell; the rules carry the template's bands. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Scorecard } from "../../src/engine/types";
import { generateSales } from "../../src/samples/generateSales";
import { sheetXml } from "../xlsx/support/xlsxParts";
import { runCli } from "./support/runCli";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "sales-en.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-roundtrip-"));
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

describe("apply → .xlsx round trip", () => {
  const out = path.join(dir, "scorecard.xlsx");
  const json = path.join(dir, "scorecard.json");
  let before: Buffer;
  let scorecard: Scorecard;

  beforeAll(async () => {
    before = fs.readFileSync(SAMPLE);
    const run = await runCli(
      "apply",
      SAMPLE,
      "--targets",
      "Targets",
      "--as-of",
      "2026-03",
      "--out",
      out,
      "--json",
      json,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${out}`);
    expect(run.stderr).toBe("");
    scorecard = JSON.parse(fs.readFileSync(json, "utf8"));
  });

  test("INPUT is not modified", () => {
    expect(fs.readFileSync(SAMPLE).equals(before)).toBe(true);
  });

  test("the source sheets' cells are identical to the input's; the scorecard sheets follow", async () => {
    const input = await open(SAMPLE);
    const output = await open(out);
    expect(output.worksheets.map((w) => w.name)).toEqual([
      "Sales",
      "Targets",
      "KPI Scorecard",
      "KPI History",
      "KPI Margin Mix",
      "KPI Notes",
      "KPI Trends",
    ]);
    for (const name of ["Sales", "Targets"])
      expect(cellValues(output.getWorksheet(name)!)).toEqual(cellValues(input.getWorksheet(name)!));
    const sc = output.getWorksheet("KPI Scorecard")!;
    // Two header rows: the KPI names (merged), then the column headers.
    expect(sc.getCell("E1").value).toBe(scorecard.kpis[0].names.en);
    expect(sc.getCell("A2").value).toBe("Entity");
    expect(sc.rowCount).toBe(2 + scorecard.rows.length);
    expect(sc.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    // Styles merged into the input's styles.xml: both keep their number formats.
    expect(output.getWorksheet("Sales")!.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    expect(sc.getCell("G3").numFmt).toBe("0.0%"); // net sales attainment
    expect(sc.getCell("E3").numFmt).toBe("#,##0"); // net sales actual (money)
    expect(sc.getRow(1).font?.bold).toBe(true);
    expect(sc.getRow(2).font?.bold).toBe(true);
    expect(output.getWorksheet("KPI History")!.rowCount).toBe(1 + scorecard.history.length);
  });

  test("each KPI's attainment column has an icon set keyed to its bands; the score has a data bar", async () => {
    const xml = await sheetXml(out, "KPI Scorecard");
    const iconSets = [...xml.matchAll(/<iconSet iconSet="([^"]+)"[^>]*>(.*?)<\/iconSet>/g)];
    expect(iconSets).toHaveLength(scorecard.kpis.length);
    scorecard.kpis.forEach((kpi, i) => {
      // Thresholds: every band's min but the lowest, ascending (default bands: at risk 0.9, met 1).
      const thresholds = kpi.bands
        .map((b) => b.min)
        .sort((a, b) => a - b)
        .slice(1);
      expect(iconSets[i][1]).toBe("3TrafficLights1");
      expect(iconSets[i][2]).toBe(
        `<cfvo type="percent" val="0"/>` + thresholds.map((t) => `<cfvo type="num" val="${t}"/>`).join(""),
      );
    });
    expect(xml).toMatch(/<x14:cfRule type="dataBar" id="\{[0-9A-F-]{36}\}">/);
    expect(xml).toMatch(
      /<cfRule type="expression" dxfId="\d+" priority="\d+"><formula>\$[A-Z]+3&lt;&gt;&quot;&quot;<\/formula>/,
    );
  });
});

describe("apply on a CSV", () => {
  test("gives the same scorecard as the workbook, and writes the CSV's data as the first sheet", async () => {
    const sample = generateSales({ rows: 2000, seed: 2026, lang: "en" });
    // Dates as ISO text, amounts as plain text: as a CSV export gives them.
    const iso = (serial: number) => new Date((serial - 25569) * 86400000).toISOString().slice(0, 10);
    const quote = (v: unknown) => (typeof v === "string" && /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
    const lines = [
      sample.sales.headers.join(","),
      ...sample.sales.rows.map((r) => r.map((v, i) => (i === 0 ? iso(v as number) : quote(v))).join(",")),
    ];
    const csv = path.join(dir, "sales.csv");
    fs.writeFileSync(csv, "\uFEFF" + lines.join("\r\n") + "\r\n");
    const targets = path.join(dir, "targets.csv");
    fs.writeFileSync(
      targets,
      [sample.targets.headers.join(","), ...sample.targets.rows.map((r) => r.join(","))].join("\n"),
    );

    const out = path.join(dir, "from-csv.xlsx");
    const run = await runCli(
      "apply",
      csv,
      "--targets",
      targets,
      "--as-of",
      "2026-03",
      "--out",
      out,
      "--json",
      "-",
      "--quiet",
    );
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const fromCsv: Scorecard = JSON.parse(run.stdout);
    const fromXlsx: Scorecard = JSON.parse(
      (await runCli("apply", SAMPLE, "--targets", "Targets", "--as-of", "2026-03", "--json", "-", "--quiet")).stdout,
    );
    expect(fromCsv.rows.map((r) => [r.entity, r.score, r.payout])).toEqual(
      fromXlsx.rows.map((r) => [r.entity, r.score, r.payout]),
    );

    const wb = await open(out);
    expect(wb.worksheets[0].name).toBe("sales");
    expect(wb.worksheets[0].getCell("A1").value).toBe("Date");
    expect(wb.worksheets[0].getCell("L2").value).toBe(sample.sales.rows[0][11]); // revenue, as a number
    expect(wb.worksheets[0].rowCount).toBe(2001);
  });
});

describe("apply --table", () => {
  test("reads the rows of a named Excel table, not the cells around it", async () => {
    const sample = generateSales({ rows: 300, seed: 9, lang: "en" });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Report");
    ws.getCell("A1").value = "Sales report (a title above the table)";
    ws.addTable({
      name: "SalesRows",
      ref: "B3",
      headerRow: true,
      columns: sample.sales.headers.map((name) => ({ name })),
      rows: sample.sales.rows,
    });
    const file = path.join(dir, "table.xlsx");
    await wb.xlsx.writeFile(file);
    const run = await runCli("apply", file, "--table", "SalesRows", "--as-of", "2026-03", "--json", "-", "--quiet");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const scorecard: Scorecard = JSON.parse(run.stdout);
    expect(scorecard.rowsRead).toBe(300);
    // Net sales of the total: Σ revenue of the March 2026 rows (serials 46082..46112).
    const march = sample.sales.rows.filter((r) => (r[0] as number) >= 46082 && (r[0] as number) <= 46112);
    const total = scorecard.rows.find((r) => r.level === "total")!;
    expect(total.kpis.net_sales!.actual).toBeCloseTo(
      march.reduce((t, r) => t + (r[11] as number), 0),
      4,
    );
  });
});
