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
    // No March 2025 in the data: last year's curve (the default) falls back to working days.
    basis: "workingDays",
    share: expect.closeTo(10 / 22, 12),
  });
  expect(scorecard.notes.some((n) => n.kind === "after_as_of_date")).toBe(true);
  expect(run.stdout).toContain(
    "pace as of 2026-03-13 (10 of 22 working days), total: net_sales projected 100% (met), basis: working days",
  );

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
  expect(anCell("Pace basis").value).toBe("Working days");
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

/** Last year's March in the data: An sold 60 of 200 by 13 March 2025 (share 0.3). */
function withLastYear() {
  const { dir, csv, template } = setup();
  fs.appendFileSync(csv, ["2025-03-05,An,30", "2025-03-12,An,30", "2025-03-20,An,140"].join("\n") + "\n");
  return { dir, csv, template };
}

test("last year's curve by default: 110 × 60/200 = 33 expected, 50 ÷ 0.3 projected; the sheet and summary say so", async () => {
  const { dir, csv, template } = withLastYear();
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
  expect(scorecard.pace).toMatchObject({ basis: "lastYear", lastYearDate: "2025-03-13" });
  const pace = scorecard.rows.find((row) => row.entity === "An")!.kpis.net_sales!.pace!;
  expect(pace).toMatchObject({ basis: "lastYear", share: expect.closeTo(0.3, 12) });
  expect(pace.expectedToDate).toBeCloseTo(33, 9);
  expect(pace.projected).toBeCloseTo(50 / 0.3, 9);
  expect(run.stdout).toContain(
    "pace as of 2026-03-13 (10 of 22 working days; same day last year 2025-03-13), total: net_sales projected 152% (met), basis: last year's curve",
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const sheet = workbook.worksheets.find((ws) => (ws.getRow(2).values as unknown[]).includes("Pace basis"))!;
  const header = sheet.getRow(2).values as unknown[];
  expect(sheet.getRow(3).getCell(header.indexOf("Pace basis")).value).toBe("Last year's curve");
});

test("--pace-basis workingDays and --work-week 1,2,3,4,5,6 override the template: 11 of 26 days", async () => {
  const { csv, template } = withLastYear();
  const run = await runCli(
    "apply",
    csv,
    "--template",
    template,
    "--as-of-date",
    "2026-03-13",
    "--pace-basis",
    "workingDays",
    "--work-week",
    "1,2,3,4,5,6",
    "--json",
    "-",
    "--quiet",
  );
  expect(run.code).toBe(0);
  const scorecard = JSON.parse(run.stdout) as Scorecard;
  // Saturdays 7, 14, 21, 28 added to March's 22 weekdays: 26; elapsed 2–7 and 9–13 = 11
  expect(scorecard.pace).toMatchObject({ basis: "workingDays", workWeek: [1, 2, 3, 4, 5, 6], elapsedWorkingDays: 11 });
  expect(scorecard.pace!.periodWorkingDays).toBe(26);
  const pace = scorecard.rows.find((row) => row.entity === "An")!.kpis.net_sales!.pace!;
  expect(pace.basis).toBe("workingDays");
  expect(pace.expectedToDate).toBeCloseTo((110 * 11) / 26, 9);
});

test("a bad work week or basis is refused with exit 2 and the reason, in the output language", async () => {
  const { csv, template } = setup();
  const args = ["apply", csv, "--template", template, "--as-of-date", "2026-03-13", "--json", "-"];
  const eight = await runCli(...args, "--work-week", "1,8");
  expect([eight.code, eight.stderr]).toEqual([2, expect.stringContaining("Work week 1,8 is not a set of weekdays")]);
  const twice = await runCli(...args, "--work-week", "1,1", "--lang", "vi");
  expect([twice.code, twice.stderr]).toEqual([2, expect.stringContaining("Tuần làm việc “1,1”")]);
  const words = await runCli(...args, "--work-week", "Mon,Tue");
  expect([words.code, words.stderr]).toEqual([2, expect.stringContaining("expected ISO weekday numbers")]);
  const basis = await runCli(...args, "--pace-basis", "calendar");
  expect([basis.code, basis.stderr]).toEqual([2, expect.stringContaining("lastYear, workingDays")]);
});
