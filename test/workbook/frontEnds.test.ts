/**
 * The add-in (runScorecard on the fake Excel host) and the command line (`apply` on an .xlsx file)
 * run one pipeline (engine/runPlan.ts): the same rows give the same scorecard, and the same bad
 * input gives the same refusal code, whichever front end reads it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import ExcelJS from "exceljs";
import { getBuiltinTemplate, type PeriodKind, type RawCell, type Scorecard } from "../../src/engine";
import { runApply, type ApplyOptions } from "../../src/cli/applyCommand";
import { runScorecard } from "../../src/workbook/runScorecard";
import { fakePort } from "../excel/support/excelPort";

type Row = RawCell[];
interface Case {
  data: Row[];
  targets?: Row[];
  template?: string;
  asOf?: string;
  strict?: boolean;
  period?: PeriodKind;
}

const NOW = new Date("2026-04-10T00:00:00Z");
/** Excel serials: 46053 = 2026-01-30, 46082 = 2026-02-28 … (the same numbers in both hosts). */
const HEADER = ["Date", "Salesperson", "Customer", "Revenue", "Cost", "Receivable", "Collected"];
const ROWS: Row[] = [
  [46053, "An", "Mart A", 1000, 600, 1000, 900],
  [46082, "An", "Mart B", 2000, 1500, 2000, 2000],
  [46083, "Bình", "Mart C", 1500, 1000, 1500, 1200],
  [46100, "Bình", "Mart A", 500, 300, 500, 500],
];
const TARGETS: Row[] = [
  ["Salesperson", "Period", "net_sales"],
  ["An", "2026-03", 2500],
  ["Bình", "2026-03", 1800],
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "front-ends-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function viaAddIn(c: Case) {
  const sheets = [{ name: "Data", values: c.data }];
  if (c.targets) sheets.push({ name: "Targets", values: c.targets });
  const { port } = fakePort({ sheets });
  const result = await runScorecard(port, {
    source: { kind: "sheet", name: "Data" },
    ...(c.targets ? { targets: { kind: "sheet", name: "Targets" } } : {}),
    template: getBuiltinTemplate(c.template ?? "sales-rep")!,
    lang: "en",
    asOf: c.asOf,
    strict: c.strict,
    ...(c.period ? { period: c.period } : {}),
    now: NOW,
  });
  return result.ok
    ? { ok: true as const, scorecard: result.scorecard }
    : { ok: false as const, code: result.error.code, message: result.error.message };
}

let files = 0;
async function viaCli(c: Case) {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Data").addRows(c.data);
  if (c.targets) book.addWorksheet("Targets").addRows(c.targets);
  const input = path.join(dir, `case${++files}.xlsx`);
  await book.xlsx.writeFile(input);
  const json = path.join(dir, `case${files}.json`);
  const options: ApplyOptions = {
    input,
    sheet: "Data",
    template: c.template ?? "sales-rep",
    ...(c.targets ? { targets: "Targets" } : {}),
    asOf: c.asOf,
    ...(c.period ? { period: c.period } : {}),
    map: {},
    lang: "en",
    json,
    force: false,
    quiet: true,
    strict: c.strict,
    now: NOW,
  };
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const result = await runApply(options, { stdout: { write: () => undefined }, stderr: sink });
  return result.ok
    ? { ok: true as const, scorecard: JSON.parse(fs.readFileSync(json, "utf8")) as Scorecard }
    : { ok: false as const, code: result.problem?.code, message: result.message };
}

/** The scorecard as JSON text holds it (the add-in's has undefined fields JSON leaves out). */
const asJson = (scorecard: Scorecard) => JSON.parse(JSON.stringify(scorecard)) as unknown;

async function bothAccept(c: Case): Promise<Scorecard> {
  const [addIn, cli] = await Promise.all([viaAddIn(c), viaCli(c)]);
  if (!addIn.ok) throw new Error(`add-in refused: ${addIn.message}`);
  if (!cli.ok) throw new Error(`CLI refused: ${cli.message}`);
  expect(asJson(addIn.scorecard)).toEqual(asJson(cli.scorecard));
  return addIn.scorecard;
}

async function bothRefuse(c: Case, code: string): Promise<string> {
  const [addIn, cli] = await Promise.all([viaAddIn(c), viaCli(c)]);
  expect(addIn).toMatchObject({ ok: false, code });
  expect(cli).toMatchObject({ ok: false, code });
  // One text in the catalogue: the CLI prints the same sentence the add-in holds in English.
  expect(cli.ok === false && cli.message).toBe(addIn.ok === false && addIn.message);
  return addIn.ok ? "" : addIn.message;
}

describe("the add-in and the command line accept and refuse the same inputs", () => {
  test("the same rows and targets give the same scorecard", async () => {
    const scorecard = await bothAccept({ data: [HEADER, ...ROWS], targets: TARGETS, asOf: "2026-03" });
    expect(scorecard.rows.map((r) => r.entity)).toEqual(expect.arrayContaining(["An", "Bình"]));
  });

  test("revenue from quantity × unit price: both accept a sheet without a revenue column, with the same figures", async () => {
    const header = ["Date", "Salesperson", "Customer", "Quantity", "Unit price"];
    const rows = ROWS.map((r) => [r[0], r[1], r[2], 10, (r[3] as number) / 10]);
    const scorecard = await bothAccept({ data: [header, ...rows], asOf: "2026-03" });
    const netSales = scorecard.kpis.find((k) => k.id === "net_sales")!;
    expect(netSales.available).not.toBe(false);
    const an = scorecard.rows.find((r) => r.entity === "An")!;
    expect(an.kpis.net_sales!.actual).toBe(2000); // 10 × 200 in 2026-03
  });

  test("a missing column (the grouping) is refused with missing_role by both", async () => {
    const data = [HEADER.filter((_, i) => i !== 1), ...ROWS.map((r) => r.filter((_, i) => i !== 1))];
    const message = await bothRefuse({ data }, "missing_role");
    expect(message).toMatch(/required role salesperson/);
  });

  test("strict mode: a column a KPI reads missing is refused with missing_role by both", async () => {
    const data = [HEADER.slice(0, 5), ...ROWS.map((r) => r.slice(0, 5))];
    await bothAccept({ data, asOf: "2026-03" }); // not strict: those KPIs are not available
    const message = await bothRefuse({ data, asOf: "2026-03", strict: true }, "missing_role");
    expect(message).toMatch(/receivable|collected/);
  });

  test("an as-of that is not a period label is refused with bad_as_of by both", async () => {
    await bothRefuse({ data: [HEADER, ...ROWS], asOf: "March" }, "bad_as_of");
  });

  test("an as-of a century from the data is refused with as_of_outside_data by both", async () => {
    await bothRefuse({ data: [HEADER, ...ROWS], asOf: "2199-03" }, "as_of_outside_data");
  });

  test("week and day periods: the same scorecard from both, targets keyed by week labels (issue 13 §5)", async () => {
    // 46082 = Sunday 2026-03-01 ends ISO week 2026-W09; 46083 = Monday 2026-03-02 starts 2026-W10.
    const targets = [
      ["Salesperson", "Period", "net_sales"],
      ["An", "2026-W09", 2500],
      ["Bình", "2026W9", 1800],
    ];
    const weeks = await bothAccept({ data: [HEADER, ...ROWS], targets, asOf: "2026-W09", period: "week" });
    const an = weeks.rows.find((r) => r.entity === "An")!.kpis.net_sales!;
    expect([weeks.period, weeks.asOf, an.actual, an.target]).toEqual(["week", "2026-W09", 2000, 2500]);
    expect(weeks.rows.find((r) => r.entity === "Bình")?.kpis.net_sales!.actual ?? null).toBeNull();
    const days = await bothAccept({ data: [HEADER, ...ROWS], asOf: "2026-03-02", period: "day" });
    expect(days.rows.find((r) => r.entity === "Bình")!.kpis.net_sales!.actual).toBe(1500);
  });

  test("a day far from the data is refused with as_of_far_from_data by both", async () => {
    await bothRefuse({ data: [HEADER, ...ROWS], asOf: "2031-01-01", period: "day" }, "as_of_far_from_data");
  });

  test("a targets table without an entity column is refused with targets_unreadable by both", async () => {
    const targets = [
      ["Period", "Plan"],
      ["2026-03", 2500],
    ];
    const message = await bothRefuse({ data: [HEADER, ...ROWS], targets, asOf: "2026-03" }, "targets_unreadable");
    expect(message).toMatch(/Targets/);
  });
});
