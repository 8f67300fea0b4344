/** Exit codes and one-line messages of §8: 2 bad arguments, 3 unreadable input, 4 invalid template; nothing left behind. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { getBuiltinTemplate } from "../../src/engine";
import { runCli } from "./support/runCli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-bad-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "sales-en.xlsx");

async function book(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(at(name));
  return at(name);
}

/** The run failed with `code`, one stderr line, and wrote no output. */
function expectFailure(
  run: { code: number; stderr: string; stdout: string },
  code: number,
  message: RegExp,
  out: string,
) {
  expect(run.code).toBe(code);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(fs.existsSync(out)).toBe(false);
  if (fs.existsSync(path.dirname(out)))
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

describe("bad inputs", () => {
  const out = at("out.xlsx");

  test("a text file renamed .xlsx → 3", async () => {
    fs.writeFileSync(at("text.xlsx"), "just some text\n");
    expectFailure(await runCli("apply", at("text.xlsx"), "--out", out), 3, /text\.xlsx is not an \.xlsx workbook/, out);
  });

  test("an empty workbook → 3", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    await wb.xlsx.writeFile(at("empty.xlsx"));
    expectFailure(await runCli("apply", at("empty.xlsx"), "--out", out), 3, /no sheet with data .*"Sheet1"/, out);
  });

  test("a sheet without headers → 3, naming the sheet row", async () => {
    const file = await book("noheader.xlsx", [
      [46000, 12, 13],
      [46001, 14, 15],
    ]);
    expectFailure(await runCli("apply", file, "--out", out), 3, /sheet "Data" row 1 holds data/, out);
  });

  test("a header but no rows → 3", async () => {
    const file = await book("headeronly.xlsx", [["Date", "Salesperson", "Revenue"]]);
    expectFailure(await runCli("apply", file, "--out", out), 3, /has a header but no sales rows/, out);
  });

  test("a missing required role → 3, saying which role and which headers were seen", async () => {
    const file = await book("norevenue.xlsx", [
      ["Date", "Salesperson", "Region", "Customer"],
      [46000, "Ann", "North", "Mart"],
    ]);
    const run = await runCli("apply", file, "--template", "collections-credit", "--strict", "--out", out);
    expectFailure(run, 3, /required role.* (receivable|collected|revenue)/, out);
    expect(run.stderr).toContain('headers seen: "Date", "Salesperson", "Region", "Customer"');
  });

  test("without --strict, the same sheet gives a scorecard whose KPIs without their column are not available", async () => {
    const file = await book("norevenue2.xlsx", [
      ["Date", "Salesperson", "Region", "Customer", "Revenue"],
      [46000, "Ann", "North", "Mart", 100],
    ]);
    const json = path.join(path.dirname(out), "norevenue2.json");
    const run = await runCli("apply", file, "--template", "collections-credit", "--json", json);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("not available: collection_rate (no collected, receivable column)");
    const scorecard = JSON.parse(fs.readFileSync(json, "utf8"));
    const available = Object.fromEntries(
      scorecard.kpis.map((k: { id: string; available: boolean }) => [k.id, k.available]),
    );
    expect(available).toEqual({ collection_rate: false, bad_debt_rate: false, net_sales: true });
    const ann = scorecard.rows.find((r: { entity: string }) => r.entity === "Ann");
    expect(ann.kpis.bad_debt_rate.reason).toBe("no bad_debt column");
  });

  test("a missing grouping column refuses the run even without --strict", async () => {
    const file = await book("norep.xlsx", [
      ["Date", "Region", "Revenue"],
      [46000, "North", 100],
    ]);
    const run = await runCli("apply", file, "--out", out);
    expectFailure(run, 3, /required role salesperson/, out);
  });

  test("a refusal is printed in --lang, from the engine's message catalogue (the text the pane shows)", async () => {
    const file = await book("norep-vi.xlsx", [
      ["Date", "Region", "Revenue"],
      [46000, "North", 100],
    ]);
    const run = await runCli("apply", file, "--lang", "vi", "--out", out);
    expectFailure(run, 3, /không có cột cho vai trò bắt buộc Nhân viên kinh doanh; các tên cột đã thấy: "Date"/, out);
  });

  test("a template with a bad band → 4, with the path of the problem", async () => {
    const template = JSON.parse(JSON.stringify(getBuiltinTemplate("sales-rep")));
    template.kpis[0].bands = [
      { status: "met", min: 0.8, color: "#107C10" },
      { status: "at_risk", min: 0.9, color: "#FFB900" },
    ];
    fs.writeFileSync(at("bad-template.json"), JSON.stringify(template));
    expectFailure(
      await runCli("apply", SAMPLE, "--template", at("bad-template.json"), "--out", out),
      4,
      /bad-template\.json is invalid: kpis\[0\]\.bands\[1\]/,
      out,
    );
    const validate = await runCli("validate", at("bad-template.json"));
    expect(validate.code).toBe(4);
    expect(validate.stderr).toMatch(/kpis\[0\]\.bands\[1\]/);
  });

  test("an output path in a folder that does not exist → 2", async () => {
    const missing = at("no-such-folder/out.xlsx");
    expectFailure(
      await runCli("apply", SAMPLE, "--out", missing),
      2,
      /output folder .*no-such-folder does not exist/,
      missing,
    );
  });

  test("an existing output is only replaced with --force", async () => {
    const existing = at("existing.xlsx");
    fs.writeFileSync(existing, "keep me");
    const run = await runCli("apply", SAMPLE, "--out", existing);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already exists: add --force/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
  });

  test("INPUT as OUTPUT → 2, INPUT untouched", async () => {
    const copy = at("copy.xlsx");
    fs.copyFileSync(SAMPLE, copy);
    const before = fs.readFileSync(copy);
    const run = await runCli("apply", copy, "--out", copy, "--force");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is the INPUT file/);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
  });

  test("bad arguments → 2: unknown option, bad --map, bad --lang, bad --as-of, nothing to write, unknown header in --map", async () => {
    expect((await runCli("apply", SAMPLE, "--bogus")).code).toBe(2);
    expect((await runCli("apply", SAMPLE, "--map", "nonsense=Revenue", "--json", "-")).stderr).toMatch(
      /unknown role "nonsense"/,
    );
    expect((await runCli("apply", SAMPLE, "--lang", "fr", "--json", "-")).code).toBe(2);
    const asOf = await runCli("apply", SAMPLE, "--as-of", "March", "--json", "-");
    expect([asOf.code, asOf.stderr]).toEqual([2, expect.stringMatching(/As of March is not a month label/)]);
    expect((await runCli("apply", SAMPLE)).stderr).toMatch(/nothing to write/);
    const map = await runCli("apply", SAMPLE, "--map", "revenue=Turnover", "--json", "-");
    expect([map.code, map.stderr]).toEqual([
      2,
      expect.stringMatching(/Column "Turnover" for role "revenue" was not found/),
    ]);
    expect((await runCli("sample", "--rows", "0", "--out", at("s.xlsx"))).code).toBe(2);
    expect((await runCli("frobnicate")).code).toBe(2);
  });
});

describe("help and listing", () => {
  test.each(["apply", "templates", "validate", "sample"])("%s --help prints its usage and exits 0", async (command) => {
    const run = await runCli(command, "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: kpi-scorecard ${command}`);
  });

  test("templates lists the built-ins; --json gives valid JSON", async () => {
    const text = await runCli("templates");
    expect(text.stdout).toMatch(/^sales-rep\s+Sales rep scorecard/m);
    const json = JSON.parse((await runCli("templates", "--json")).stdout);
    expect(json.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(["sales-rep", "collections-credit", "margin-mix", "growth-stage", "mature-stage"]),
    );
  });

  test("validate accepts a valid template file", async () => {
    fs.writeFileSync(at("good.json"), JSON.stringify(getBuiltinTemplate("margin-mix")));
    const run = await runCli("validate", at("good.json"));
    expect([run.code, run.stdout]).toEqual([0, expect.stringMatching(/valid template "margin-mix"/)]);
  });
});
