/**
 * `kpi-scorecard review` end to end (issue 13 §4): a CSV of two reps over January–May 2026 with a targets
 * table of 100 a month each; the table and the JSON say who beat the target by far and who never met it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ReviewJson } from "../../src/cli/reviewCommand";
import { runCli } from "./support/runCli";

jest.setTimeout(60000);

const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];
// An: 140 150 90 135 100 → beaten by more than 30 % (above 130) in 3 of 5 months: set too low.
// Binh: 60 80 95 70 85 → never 100: set too high.
const AN = [140, 150, 90, 135, 100];
const BINH = [60, 80, 95, 70, 85];

function fixture() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-review-"));
  const csv = path.join(dir, "sales.csv");
  const lines = ["Date,Salesperson,Region,Revenue"];
  MONTHS.forEach((m, i) => lines.push(`${m}-10,An,North,${AN[i]}`, `${m}-11,Binh,North,${BINH[i]}`));
  fs.writeFileSync(csv, lines.join("\n") + "\n");
  const targets = path.join(dir, "targets.csv");
  fs.writeFileSync(targets, "Salesperson,net_sales\nAn,100\nBinh,100\n");
  const template = path.join(dir, "template.json");
  fs.writeFileSync(
    template,
    JSON.stringify({
      schemaVersion: 1,
      id: "review-test",
      names: { en: "Review", vi: "Review", "zh-Hans": "Review", "zh-Hant": "Review" },
      groupBy: "salesperson",
      rollup: ["region"],
      kpis: [{ kpi: "net_sales", weight: 100, target: { type: "table" } }],
    }),
  );
  return { dir, csv, targets, template };
}

test("review prints the table in --lang and writes the JSON: set too low, set too high, the suggested targets", async () => {
  const { dir, csv, targets, template } = fixture();
  const json = path.join(dir, "review.json");
  const run = await runCli(
    "review",
    csv,
    "--template",
    template,
    "--targets",
    targets,
    "--as-of",
    "2026-05",
    "--json",
    json,
    "--lang",
    "vi",
  );
  expect([run.code, run.stderr]).toEqual([0, ""]);
  const review = JSON.parse(fs.readFileSync(json, "utf8")) as ReviewJson;
  expect(review).toMatchObject({
    version: 1,
    template: "review-test",
    asOf: "2026-05",
    from: "2026-01",
    to: "2026-05",
    nextPeriod: "2026-06",
  });
  const an = review.items.find((i) => i.entity === "An")!;
  const binh = review.items.find((i) => i.entity === "Binh")!;
  expect(an).toMatchObject({ finding: "too_low", periods: 5, met: 4, beaten: 3 });
  // 60th percentile of 90 100 135 140 150: rank 2.4 → 135 + 0.4 × 5 = 137
  expect(an.suggestion.value).toBeCloseTo(137, 9);
  expect(binh).toMatchObject({ finding: "too_high", periods: 5, met: 0 });
  // 60 70 80 85 95: rank 2.4 → 80 + 0.4 × 5 = 82
  expect(binh.suggestion.value).toBeCloseTo(82, 9);
  // North (An + Binh): 200 230 185 205 185 against 200 → met 3, never above 260: fine
  expect(review.items.find((i) => i.entity === "North")).toMatchObject({ finding: "fine", met: 3 });

  // The table, in Vietnamese: header, one line per entity and KPI, then the reasons of what is not fine.
  expect(run.stdout).toContain("Rà soát chỉ tiêu · Các kỳ đã rà soát: 2026-01 đến 2026-05; đề xuất cho 2026-06");
  expect(run.stdout).toMatch(/An\s+Doanh thu thuần\s+5\s+4 \(80%\)\s+90% · 135% · 150%\s+40%\s+Đặt quá thấp\s+137/);
  expect(run.stdout).toMatch(/Binh\s+Doanh thu thuần\s+5\s+0 \(0%\)\s+60% · 80% · 95%\s+\S+\s+Đặt quá cao\s+82/);
  expect(run.stdout).toContain(
    "An · Doanh thu thuần: Vượt chỉ tiêu hơn 30% trong 3/5 kỳ: chỉ tiêu có vẻ đặt quá thấp.",
  );
  expect(run.stdout).toContain(`wrote ${json}`);
});

test("bad input is refused as apply refuses it: same message and exit code", async () => {
  const { dir, csv, template } = fixture();
  const missing = path.join(dir, "missing.csv");
  const review = await runCli("review", missing, "--template", template);
  const apply = await runCli("apply", missing, "--template", template, "--json", path.join(dir, "x.json"));
  expect(review.code).toBe(apply.code);
  expect(review.code).not.toBe(0);
  expect(review.stderr).toBe(apply.stderr);
  // --json onto INPUT: refused, INPUT untouched
  const before = fs.readFileSync(csv, "utf8");
  const onto = await runCli("review", csv, "--template", template, "--json", csv);
  expect(onto.code).toBe(2);
  expect(onto.stderr).toContain("is the INPUT file");
  expect(fs.readFileSync(csv, "utf8")).toBe(before);
  // a targets sheet named for a CSV that is not there: the same refusal as apply
  const noTargets = await runCli("review", csv, "--template", template, "--targets", path.join(dir, "none.csv"));
  const applyNoTargets = await runCli(
    "apply",
    csv,
    "--template",
    template,
    "--targets",
    path.join(dir, "none.csv"),
    "--json",
    "-",
  );
  expect([noTargets.code, noTargets.stderr]).toEqual([applyNoTargets.code, applyNoTargets.stderr]);
});

test("--json - writes the JSON to stdout and the table to stderr", async () => {
  const { csv, targets, template } = fixture();
  const run = await runCli(
    "review",
    csv,
    "--template",
    template,
    "--targets",
    targets,
    "--as-of",
    "2026-05",
    "--json",
    "-",
  );
  expect(run.code).toBe(0);
  // in the scorecard's reading order: the reps, their region, the total
  expect((JSON.parse(run.stdout) as ReviewJson).items.map((i) => i.entity)).toEqual(["An", "Binh", "North", "Total"]);
  expect(run.stderr).toContain("Target review");
});
