/**
 * Week and day periods end to end through the command line (issue 13 §5): `--period week|day` over a
 * monthly template, on fifteen months of daily rows. Expected figures are summed here from the CSV
 * itself over hand-computed bounds: ISO week 2026-W09 is Monday 23 February – Sunday 1 March 2026
 * (2026-W01 starts Monday 29 December 2025, + 8 weeks), and the same week last year, 2025-W09, is
 * 24 February – 2 March 2025 (2025-W01 starts Monday 30 December 2024).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Scorecard } from "../../src/engine/types";
import { DAILY_CSV, dailyCsvText, writeDaily } from "../fixtures/daily/makeDaily";
import { runCli } from "./support/runCli";

jest.setTimeout(60000);

if (process.env.REGENERATE_DAILY === "1") writeDaily();

interface Line {
  day: string;
  rep: string;
  revenue: number;
}
const lines: Line[] = fs
  .readFileSync(DAILY_CSV, "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(","))
  .map((c) => ({ day: c[0].slice(0, 10), rep: c[3], revenue: Number(c[5]) }));

/** Revenue of one salesperson (or everyone) on the days from..to (ISO dates, inclusive). */
const revenue = (from: string, to: string, rep?: string) =>
  lines.filter((l) => l.day >= from && l.day <= to && (!rep || l.rep === rep)).reduce((s, l) => s + l.revenue, 0);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-weeks-"));
const template = path.join(dir, "monthly.json");
fs.writeFileSync(
  template,
  JSON.stringify({
    schemaVersion: 1,
    id: "monthly-with-growth",
    names: { en: "Monthly", vi: "Tháng", "zh-Hans": "月度", "zh-Hant": "月度" },
    groupBy: "salesperson",
    rollup: ["region"],
    period: { kind: "month" },
    kpis: [
      { kpi: "net_sales", weight: 60, target: { type: "table" } },
      { kpi: "sales_growth_yoy", weight: 40, target: { type: "fixed", value: 0.1 } },
    ],
  }),
);
// Three salespeople with sales in 2026-W09, by revenue.
const reps = [...new Set(lines.filter((l) => l.day >= "2026-02-23" && l.day <= "2026-03-01").map((l) => l.rep))]
  .map((rep) => ({ rep, sales: revenue("2026-02-23", "2026-03-01", rep) }))
  .sort((a, b) => b.sales - a.sales)
  .slice(0, 3)
  .map((r) => r.rep);
const targets = path.join(dir, "targets.csv");
fs.writeFileSync(
  targets,
  [
    "Salesperson,Period,net_sales",
    `${reps[0]},2026-W09,5000`,
    `${reps[1]},2026W9,6000`,
    `${reps[2]},2026-02-25,7000`, // a date: the week holding it
    `${reps[0]},2025-W53,1`, // 2025 has 52 ISO weeks: left out with a note naming the row
  ].join("\n") + "\n",
);

async function apply(...more: string[]): Promise<{ scorecard: Scorecard; stdout: string; out: string }> {
  const json = path.join(dir, `run-${more.join("_").replace(/[^\w-]/g, "")}.json`);
  const out = json.replace(/\.json$/, ".xlsx");
  const run = await runCli("apply", DAILY_CSV, "--template", template, "--json", json, "--out", out, ...more);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return { scorecard: JSON.parse(fs.readFileSync(json, "utf8")) as Scorecard, stdout: run.stdout, out };
}
const rowOf = (scorecard: Scorecard, entity: string) => scorecard.rows.find((r) => r.entity === entity)!;
const TOTAL = "Total";

test("the committed fixture is what makeDaily writes: fifteen months of daily rows, some with a time of day", () => {
  expect(fs.readFileSync(DAILY_CSV, "utf8")).toBe(dailyCsvText());
  expect(lines[0].day).toBe("2025-01-01");
  expect(lines[lines.length - 1].day.slice(0, 7)).toBe("2026-03");
  expect(new Set(lines.map((l) => l.day)).size).toBeGreaterThan(400);
});

describe("--period week --as-of 2026-W09 over a monthly template", () => {
  const run = apply("--period", "week", "--as-of", "2026-W09", "--targets", targets, "--quiet");

  test("scores ISO week 2026-W09: net sales = the rows of 23 February – 1 March (times of day count for their day)", async () => {
    const { scorecard } = await run;
    expect(scorecard.period).toBe("week");
    expect(scorecard.weekStart).toBe(1);
    expect(scorecard.asOf).toBe("2026-W09");
    for (const rep of reps)
      expect(rowOf(scorecard, rep).kpis.net_sales!.actual).toBeCloseTo(revenue("2026-02-23", "2026-03-01", rep), 6);
    expect(rowOf(scorecard, TOTAL).kpis.net_sales!.actual).toBeCloseTo(revenue("2026-02-23", "2026-03-01"), 6);
  });

  test("targets keyed 2026-W09, 2026W9 and by a date inside the week; 2025-W53 is left out with a note", async () => {
    const { scorecard } = await run;
    expect(reps.map((rep) => rowOf(scorecard, rep).kpis.net_sales!.target)).toEqual([5000, 6000, 7000]);
    const note = scorecard.notes.find((n) => n.kind === "target_unreadable")!;
    expect(note).toMatchObject({ row: 5, column: "Period", value: "2025-W53" });
    expect(note.problem).toContain("not a week period (e.g. 2026-W11)");
  });

  test("growth against the same week last year, 2025-W09 (24 February – 2 March 2025)", async () => {
    const { scorecard } = await run;
    for (const rep of reps) {
      const before = revenue("2025-02-24", "2025-03-02", rep);
      const growth = rowOf(scorecard, rep).kpis.sales_growth_yoy!;
      if (before === 0) expect(growth.actual).toBeNull();
      else expect(growth.actual).toBeCloseTo(revenue("2026-02-23", "2026-03-01", rep) / before - 1, 9);
    }
    const total = revenue("2026-02-23", "2026-03-01") / revenue("2025-02-24", "2025-03-02") - 1;
    expect(rowOf(scorecard, TOTAL).kpis.sales_growth_yoy!.actual).toBeCloseTo(total, 9);
  });

  test("history in week labels; the trend sheet's periods are the last weeks up to W09, as text in order", async () => {
    const { scorecard, out } = await run;
    const totals = [...new Set(scorecard.history.filter((h) => h.level === "total").map((h) => h.period))];
    expect(totals[0]).toBe("2025-W01"); // Wednesday 1 January 2025 is in 2025-W01 (30 Dec 2024 – 5 Jan 2025)
    expect(totals).toContain("2026-W09");
    expect(totals.every((p) => /^\d{4}-W\d{2}$/.test(p))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const trends = workbook.getWorksheet("KPI Trends")!;
    const periods: unknown[] = [];
    // Under the header rows: the period labels, stored as text.
    trends.getColumn(1).eachCell((cell) => cell.value !== "Period" && cell.value !== null && periods.push(cell.value));
    const notes = workbook.getWorksheet("KPI Notes")!;
    const runRows: unknown[][] = [];
    notes.eachRow((row) => runRows.push((row.values as unknown[]).slice(1)));
    expect(runRows).toContainEqual(expect.arrayContaining(["Period kind", "Week (starting Monday)"]));
    // A quarter of weeks: 2025-W49 … 2025-W52, 2026-W01 … 2026-W09 (2025 has 52 ISO weeks).
    expect(periods).toEqual([
      ...[49, 50, 51, 52].map((w) => `2025-W${w}`),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((w) => `2026-W0${w}`),
    ]);
  });
});

test("--period day --as-of 2026-03-05: that day's rows, growth against 2025-03-05", async () => {
  const { scorecard } = await apply("--period", "day", "--as-of", "2026-03-05", "--targets", targets, "--quiet");
  expect(scorecard.period).toBe("day");
  expect(scorecard.asOf).toBe("2026-03-05");
  const total = rowOf(scorecard, TOTAL).kpis;
  expect(total.net_sales!.actual).toBeCloseTo(revenue("2026-03-05", "2026-03-05"), 6);
  expect(total.sales_growth_yoy!.actual).toBeCloseTo(
    revenue("2026-03-05", "2026-03-05") / revenue("2025-03-05", "2025-03-05") - 1,
    9,
  );
});

test("pace within a week: as of Wednesday 2026-02-25, 3 of 5 working days; expected = target × 3/5", async () => {
  const { scorecard, stdout } = await apply(
    ...["--period", "week", "--as-of-date", "2026-02-25", "--targets", targets, "--pace-basis", "workingDays"],
  );
  expect(scorecard.asOf).toBe("2026-W09");
  expect(scorecard.pace).toMatchObject({ asOfDate: "2026-02-25", elapsedWorkingDays: 3, periodWorkingDays: 5 });
  const cell = rowOf(scorecard, reps[0]).kpis.net_sales!;
  const toDate = revenue("2026-02-23", "2026-02-25", reps[0]);
  expect(cell.actual).toBeCloseTo(toDate, 6); // rows of 26 February – 1 March are after the as-of date
  expect(cell.pace!.expectedToDate).toBeCloseTo(5000 * (3 / 5), 9);
  expect(cell.pace!.projected).toBeCloseTo(toDate / (3 / 5), 6);
  expect(stdout).toContain("(salesperson, week 2026-W09)");
  expect(stdout).toContain("pace as of 2026-02-25 (3 of 5 working days)");
});

test("pace within a week by last year's curve (the default): the third day of 2025-W09 is 26 February 2025", async () => {
  const { scorecard } = await apply("--period", "week", "--as-of-date", "2026-02-25", "--targets", targets);
  const cell = rowOf(scorecard, reps[0]).kpis.net_sales!;
  // share = last year's Monday–Wednesday (24–26 Feb 2025) / last year's whole week (24 Feb – 2 Mar 2025)
  const share = revenue("2025-02-24", "2025-02-26", reps[0]) / revenue("2025-02-24", "2025-03-02", reps[0]);
  expect(cell.pace!.basis).toBe("lastYear");
  expect(cell.pace!.share).toBeCloseTo(share, 9);
  expect(cell.pace!.expectedToDate).toBeCloseTo(5000 * share, 6);
});

test("inspect --period week lists ISO weeks: 2025-01-01 is in 2025-W01, Tuesday 2026-03-31 in 2026-W14", async () => {
  const run = await runCli("inspect", DAILY_CSV, "--period", "week");
  expect(run.code).toBe(0);
  // 2025-W01 … 2025-W52 and 2026-W01 … 2026-W14: 66 weeks.
  expect(run.stdout).toContain("periods (week): 66, 2025-W01 to 2026-W14");
});

test("a day far past the data is refused before the run: 2031-01-01 is 1,737 days after 31 March 2026 (max 1,200)", async () => {
  // 2026-03-31 → 2031-03-31 is 1,826 days (one leap day, 2028); 1 January 2031 is 89 days earlier: 1,737.
  const run = await runCli("apply", DAILY_CSV, "--period", "day", "--as-of", "2031-01-01", "--json", "-");
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(
    "As of 2031-01-01 cannot be scored: it lies 1,737 periods (day) from the data (2025-01 to 2026-03); at most 1,200 periods may lie between them.",
  );
});

test("--period fortnight is refused with the kinds that exist", async () => {
  const run = await runCli("apply", DAILY_CSV, "--period", "fortnight");
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("month, quarter, year, week, day");
});
