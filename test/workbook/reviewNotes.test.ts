/**
 * The notes sheet's "Target review" block (issue 13 §4), written by the one exporter both writers share:
 * the run pipeline (finishRun) reviews the history, the exporter writes each entity's finding and reasons.
 * Fixture: net_sales against a fixed 100 a month, January–May 2026; An 140 150 90 135 100 (beaten by more
 * than 30 % in 3 of 5 months: set too low), Binh 60 80 95 70 85 (never met: set too high).
 */
import { finishRun, planRun } from "../../src/engine/runPlan";
import type { OutputSheet } from "../../src/workbook/contract";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { LATER, salesData, templateWith, type FixtureRow } from "../engine/support/salesFixture";

const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];
const rows: FixtureRow[] = MONTHS.flatMap((m, i) => [
  { date: `${m}-10`, salesperson: "An", region: "North", revenue: [140, 150, 90, 135, 100][i] },
  { date: `${m}-11`, salesperson: "Binh", region: "North", revenue: [60, 80, 95, 70, 85][i] },
]);
const template = templateWith([{ kpi: "net_sales", target: { type: "fixed", value: 100 } }]);

function notes(lang: "en" | "vi" | "zh-Hans"): OutputSheet {
  const planned = planRun(template);
  if (!planned.ok) throw new Error("plan refused");
  const data = salesData(rows);
  const scorecard = finishRun(planned.plan, data, data.mapping, undefined, LATER);
  return buildWorkbookOutput(scorecard, lang).sheets.find((s) => s.key === "notes")!;
}

test("the notes sheet has a Target review block: the periods reviewed, then each entity's finding and reasons", () => {
  const review = notes("en").rows.filter((r) => r[0] === "Target review");
  expect(review[0]).toEqual([
    "Target review",
    "Periods reviewed",
    null,
    null,
    null,
    "2026-01 to 2026-05; suggestions for 2026-06",
  ]);
  // An, Binh, North (their region, with its level named), the total
  expect(review.slice(1).map((r) => [r[1], r[4]])).toEqual([
    ["An · Net sales", "Set too low"],
    ["Binh · Net sales", "Set too high"],
    // North: 200 230 185 205 185 against 200 → met 3 of 5, never above 260
    ["North (Region) · Net sales", "Fine"],
    ["Total · Net sales", "Fine"],
  ]);
  expect(review[1][5]).toBe(
    // 60th percentile of 90 100 135 140 150: rank 2.4 → 135 + 0.4 × 5 = 137
    "Beaten by more than 30% in 3 of 5 periods: the target looks set too low. Suggested target for 2026-06: 137, the 60th percentile of the actuals of the last 5 periods (2026-01 to 2026-05).",
  );
  // 60 70 80 85 95 → 80 + 0.4 × 5 = 82; best attainment 95 / 100
  expect(review[2][5]).toBe(
    "Never met in 5 periods (best attainment 95%): the target looks set too high. Suggested target for 2026-06: 82, the 60th percentile of the actuals of the last 5 periods (2026-01 to 2026-05).",
  );
});

test("the block speaks the sheet's language", () => {
  const vi = notes("vi").rows.filter((r) => r[0] === "Rà soát chỉ tiêu");
  expect(vi[1].slice(1, 2).concat(vi[1][4])).toEqual(["An · Doanh thu thuần", "Đặt quá thấp"]);
  expect(vi[1][5]).toContain("Vượt chỉ tiêu hơn 30% trong 3/5 kỳ");
  const zh = notes("zh-Hans").rows.filter((r) => r[0] === "目标复核");
  expect(zh[2][4]).toBe("定得过高");
  expect(zh[2][5]).toContain("5 个期间均未达成（最高达成率 95%）");
});
