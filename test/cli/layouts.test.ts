/**
 * The layout corpus as files (test/fixtures/real-world/layouts/, written by makeLayouts.ts) through
 * the command line's streaming readers: every messy file gives its clean file's figures, its notes
 * name the rows left out, and `inspect` reports the same header row and rows.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Scorecard } from "../../src/engine/types";
import { layoutCases } from "../fixtures/real-world/layoutCorpus";
import { csvText, LAYOUTS_DIR, writeLayouts } from "../fixtures/real-world/makeLayouts";
import { figures, layoutNotes } from "../engine/layout/support";
import { runCli } from "./support/runCli";

jest.setTimeout(60_000);
const cases = layoutCases();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-layouts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  if (process.env.REGENERATE_LAYOUTS === "1") await writeLayouts();
});

let runs = 0;
async function apply(file: string, ...more: string[]): Promise<Scorecard> {
  const json = path.join(dir, `${path.basename(file)}.${++runs}.json`);
  const run = await runCli("apply", file, "--as-of", "2026-03", "--json", json, "--quiet", ...more);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(fs.readFileSync(json, "utf8"));
}

const cleanRuns = new Map<string, Promise<Scorecard>>();
function cleanRun(lang: string): Promise<Scorecard> {
  if (!cleanRuns.has(lang)) cleanRuns.set(lang, apply(path.join(LAYOUTS_DIR, `${lang}-clean.csv`)));
  return cleanRuns.get(lang)!;
}

test("the committed CSV files are what the generator writes", () => {
  for (const c of cases.filter((x) => x.file.endsWith(".csv")))
    expect(fs.readFileSync(path.join(LAYOUTS_DIR, c.file), "utf8")).toBe(csvText(c));
  for (const c of cases) expect(fs.existsSync(path.join(LAYOUTS_DIR, c.file))).toBe(true);
  expect(cases.filter((c) => !c.file.includes("-clean")).length).toBeGreaterThanOrEqual(10);
});

describe.each(cases.filter((c) => !c.file.includes("-clean")).map((c) => [c.file, c] as const))(
  "layout file %s",
  (file, c) => {
    test("same figures as the clean file; the notes name the rows left out", async () => {
      const clean = await cleanRun(c.lang);
      const messy = await apply(path.join(LAYOUTS_DIR, file));
      expect(figures(messy)).toEqual(figures(clean));
      expect(layoutNotes(messy)).toEqual([...c.leftOut].sort((a, b) => a.row - b.row));
    });

    test("inspect reports the header row, the title rows and the rows left out", async () => {
      const run = await runCli("inspect", path.join(LAYOUTS_DIR, file), "--json");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.headerRow).toBe(c.headerRow);
      expect(report.titleRows.map((t: { row: number }) => t.row)).toEqual(
        c.leftOut.filter((x) => x.kind === "title_row").map((x) => x.row),
      );
      const leftOut = c.leftOut.filter((x) => x.kind !== "title_row").map((x) => x.row);
      expect(report.leftOut.map((x: { row: number }) => x.row).sort((a: number, b: number) => a - b)).toEqual(
        leftOut.sort((a, b) => a - b),
      );
      expect(report.missingRoles).toEqual([]);
      expect(report.periods).toEqual(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    });
  },
);

test("--header-row picks the header: the sheet's row 5 in vi-title-block.csv, and an error for a row out of reach", async () => {
  const file = path.join(LAYOUTS_DIR, "vi-title-block.csv");
  const chosen = await apply(file, "--header-row", "6");
  expect(chosen.notes.find((n) => n.kind === "header_row")?.problem).toMatch(/sheet row 6 \(as chosen\)/);
  const wrong = await runCli("apply", file, "--header-row", "900", "--json", path.join(dir, "x.json"), "--quiet");
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/Header row 900 is not a row of sheet/);
});

test("inspect prints the facts as text", async () => {
  const run = await runCli("inspect", path.join(LAYOUTS_DIR, "vi-misa-style.xlsx"));
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/header: rows 5–6 \(two-row header\), found/);
  expect(run.stdout).toMatch(/row 1: CÔNG TY CỔ PHẦN THƯƠNG MẠI AN PHÁT/);
  expect(run.stdout).toMatch(/total_row in "Khách hàng" "Tổng cộng"/);
  expect(run.stdout).toMatch(/dates: 2025-10-\d\d to 2026-03-\d\d/);
});
