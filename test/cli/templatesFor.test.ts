/** `kpi-scorecard templates --for INPUT [--quick-start FILE]` and applying the quick-start template (issue 12). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseTemplateJson } from "../../src/engine";
import { runCli } from "./support/runCli";

let dir: string;
let csv: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-templates-for-"));
  csv = path.join(dir, "sales.csv");
  fs.writeFileSync(
    csv,
    [
      "Date,Salesperson,Region,Customer,Revenue",
      "2025-03-05,Ann,North,Mart,200",
      "2025-04-05,Ann,North,Shop,120",
      "2026-02-05,Bob,South,Mart,90",
      "2026-03-05,Ann,North,Mart,250",
      "2026-03-06,Bob,South,Shop,80",
    ].join("\n") + "\n",
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("ranks the built-in templates by the weight INPUT's columns support, naming what is missing", async () => {
  const run = await runCli("templates", "--for", csv);
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split("\n");
  expect(lines[0]).toMatch(
    /^growth-stage\s+70 % of the weight supported; not available: new_product_share \(no new_product\)/,
  );
  expect(run.stdout).toMatch(/sales-rep\s+50 % of the weight supported; not available: gross_margin_pct \(no cost\)/);
  expect(lines[lines.length - 1]).toMatch(/^quick-start\s+by salesperson: net_sales, new_customers/);
});

test("--quick-start writes a valid template file that apply runs, with targets from history", async () => {
  const file = path.join(dir, "quick.json");
  const run = await runCli("templates", "--for", csv, "--quick-start", file);
  expect(run.code).toBe(0);
  const parsed = parseTemplateJson(fs.readFileSync(file, "utf8"));
  expect(parsed.ok).toBe(true);
  const json = path.join(dir, "out.json");
  const applied = await runCli("apply", csv, "--template", file, "--as-of", "2026-03", "--json", json, "-q");
  expect(applied.code).toBe(0);
  const scorecard = JSON.parse(fs.readFileSync(json, "utf8"));
  const ann = scorecard.rows.find((r: { entity: string }) => r.entity === "Ann");
  expect(ann.kpis.net_sales).toMatchObject({ actual: 250, target: 200, targetSource: "last_year" });
  expect(scorecard.notes.some((n: { kind: string }) => n.kind === "target_from_history")).toBe(true);
});

test("--quick-start without --for is a bad argument", async () => {
  const run = await runCli("templates", "--quick-start", path.join(dir, "x.json"));
  expect(run.code).toBe(2);
});
