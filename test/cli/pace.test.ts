/**
 * Pace in the running period end to end through the command line (issue 13 §2): --as-of-date scores the
 * period holding that day as it stood that day; the JSON, the workbook's pace columns and the printed summary
 * carry each KPI's expected value to date, projection and projected status.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Scorecard } from "../../src/engine/types";
import { runCli } from "./support/runCli";

jest.setTimeout(30000);

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-pace-"));
  const csv = path.join(dir, "sales.csv");
  fs.writeFileSync(
    csv,
    [
      "Date,Salesperson,Revenue",
      "2026-02-10,An,90",
      "2026-03-05,An,20",
      "2026-03-12,An,30",
      "2026-03-20,An,100", // after the as-of date: left out
    ].join("\n") + "\n",
  );
  const template = path.join(dir, "template.json");
  fs.writeFileSync(
    template,
    JSON.stringify({
      schemaVersion: 1,
      id: "pace-test",
      names: { en: "Pace", vi: "Pace", "zh-Hans": "Pace", "zh-Hant": "Pace" },
      groupBy: "salesperson",
      kpis: [{ kpi: "net_sales", weight: 100, target: { type: "fixed", value: 110 } }],
    }),
  );
  return { dir, csv, template };
}

test("--as-of-date 2026-03-13: 10 of 22 working days, expected 50, projected 110 (met), in JSON, workbook and summary", async () => {
  const { dir, csv, template } = setup();
  const out = path.join(dir, "scorecard.xlsx");
  const json = path.join(dir, "scorecard.json");
  const run = await runCli(
    "apply",
    csv,
    "--template",
    template,
    "--as-of-date",
    "2026-03-13",
    "--out",
    out,
    "--json",
    json,
  );
  expect(run.code).toBe(0);
  const scorecard = JSON.parse(fs.readFileSync(json, "utf8")) as Scorecard;
  expect(scorecard.asOf).toBe("2026-03");
  expect(scorecard.pace).toMatchObject({ asOfDate: "2026-03-13", elapsedWorkingDays: 10, periodWorkingDays: 22 });
  const an = scorecard.rows.find((row) => row.entity === "An")!.kpis.net_sales!;
  expect(an.actual).toBe(50); // 20 + 30
  expect(an.attainment).toBeCloseTo(50 / 110, 9); // attainment stays the actual to date
  // 110 × 10/22 = 50 expected; 50 ÷ (10/22) = 110 projected → 100 % → met
  expect(an.pace).toEqual({
    asOfDate: "2026-03-13",
    expectedToDate: expect.closeTo(50, 9),
    projected: expect.closeTo(110, 9),
    projectedAttainment: expect.closeTo(1, 9),
    status: "met",
  });
  expect(scorecard.notes.some((n) => n.kind === "after_as_of_date")).toBe(true);
  expect(run.stdout).toContain("pace as of 2026-03-13 (10 of 22 working days), total: net_sales projected 100% (met)");

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  // Two header rows: the KPI's name over its columns (row 1), their own names below (row 2).
  const sheet = workbook.worksheets.find((ws) => (ws.getRow(2).values as unknown[]).includes("Projected"))!;
  const kpiStart = (sheet.getRow(1).values as unknown[]).indexOf("Net sales");
  const header = sheet.getRow(2).values as unknown[];
  const anCell = (column: string): ExcelJS.Cell => sheet.getRow(3).getCell(header.indexOf(column, kpiStart));
  expect(kpiStart).toBeGreaterThan(0);
  expect(anCell("Expected to date").value).toBeCloseTo(50, 9);
  expect(anCell("Projected").value).toBeCloseTo(110, 9);
  expect(anCell("Projected attainment").numFmt).toContain("%");
  expect(anCell("Pace status").value).toBe("Met");
});

test("a complete period has no pace in the JSON; bad or contradicting as-of dates are refused with the reason", async () => {
  const { csv, template } = setup();
  const complete = await runCli("apply", csv, "--template", template, "--as-of", "2026-02", "--json", "-", "--quiet");
  expect(complete.code).toBe(0);
  expect(complete.stdout).not.toContain('"pace"');
  const bad = await runCli("apply", csv, "--template", template, "--as-of-date", "2026-02-30", "--json", "-");
  expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("2026-02-30 is not a date: use YYYY-MM-DD")]);
  const clash = await runCli(
    "apply",
    csv,
    "--template",
    template,
    "--as-of",
    "2026-02",
    "--as-of-date",
    "2026-03-13",
    "--json",
    "-",
  );
  expect([clash.code, clash.stderr]).toEqual([
    2,
    expect.stringContaining("As-of date 2026-03-13 lies in 2026-03, not in the period 2026-02"),
  ]);
});
