/** The installed binary: bin/kpi-scorecard.js runs the compiled CLI with real exit codes and streams. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "kpi-scorecard.js");
const SAMPLE = path.join(ROOT, "assets", "samples", "sales-zh-Hans.xlsx");

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "dist", "node", "cli", "main.js"))) {
    // tsc emits even when someone else's file has a type error; the test needs main.js.
    spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], {
      stdio: "ignore",
    });
  }
}, 120_000);

test("apply --json - prints the scorecard JSON on stdout and exits 0", () => {
  const run = spawnSync(
    process.execPath,
    [BIN, "apply", SAMPLE, "--targets", "目标", "--as-of", "2026-03", "--json", "-", "--quiet"],
    { encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const json = JSON.parse(run.stdout);
  expect([json.version, json.template, json.asOf, json.mapping.revenue]).toEqual([1, "sales-rep", "2026-03", "销售额"]);
});

test("a bad input exits 3 with one line on stderr", () => {
  const run = spawnSync(
    process.execPath,
    [BIN, "apply", path.join(ROOT, "package.json").replace(/\.json$/, ".xlsx"), "--json", "-"],
    { encoding: "utf8" },
  );
  expect(run.status).toBe(3);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stdout).toBe("");
});
