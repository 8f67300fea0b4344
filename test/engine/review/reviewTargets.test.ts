/**
 * Target review (issue 13 §4) on hand-computed fixtures: net_sales against a fixed target of 100 a month,
 * one rep per case, January to May 2026 (the clock is later, so May is the period scored and June the one
 * the suggestions are for). Attainment = actual / 100.
 */
import { reviewTargets, reviewText } from "../../../src/engine/review";
import { computeScorecard } from "../../../src/engine/scorecard";
import type { Scorecard, Template, TargetReview, TargetReviewItem } from "../../../src/engine/types";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];
const monthly = (salesperson: string, revenues: number[], first = 0): FixtureRow[] =>
  revenues.map((revenue, i) => ({ date: `${MONTHS[first + i]}-10`, salesperson, region: salesperson, revenue }));

function review(
  rows: FixtureRow[],
  template: Template,
  asOfDate?: string,
): { scorecard: Scorecard; review: TargetReview } {
  const scorecard = computeScorecard({
    data: salesData(rows),
    template,
    now: LATER,
    ...(asOfDate ? { asOfDate } : {}),
  });
  return { scorecard, review: reviewTargets(scorecard, template) };
}

function itemOf(r: TargetReview, entity: string, kpi = "net_sales"): TargetReviewItem {
  const item = r.items.find((i) => i.entity === entity && i.kpi === kpi && i.level === "salesperson");
  if (!item) throw new Error(`no review item for ${entity} ${kpi}`);
  return item;
}

const netSales100 = templateWith([{ kpi: "net_sales", target: { type: "fixed", value: 100 } }]);

describe("net_sales, fixed target 100", () => {
  const { review: r } = review(
    [
      // An: 140 150 90 135 100 → attainments 1.40 1.50 0.90 1.35 1.00
      ...monthly("An", [140, 150, 90, 135, 100]),
      // Binh: 60 80 95 70 85 → never 100
      ...monthly("Binh", [60, 80, 95, 70, 85]),
      // Chi: 100 110 95 120 105 → met 4, never above 130
      ...monthly("Chi", [100, 110, 95, 120, 105]),
      // Dung: only April and May
      ...monthly("Dung", [120, 130], 3),
    ],
    netSales100,
  );

  test("set too low: beaten by more than 30 % (above 130) in 3 of 5 periods, more than half", () => {
    const an = itemOf(r, "An");
    expect(an.finding).toBe("too_low");
    expect(an.periods).toBe(5);
    expect(an.beaten).toBe(3); // 140, 150, 135 > 130; 100 and 90 are not
    expect(an.met).toBe(4); // all but 90
    expect(an.metShare).toBeCloseTo(0.8, 12);
    // sorted 0.90 1.00 1.35 1.40 1.50; QUARTILE.INC: q1 rank 4×0.25 = 1 → 1.00, median rank 2 → 1.35, q3 rank 3 → 1.40
    expect(an.spread!.min).toBeCloseTo(0.9, 12);
    expect(an.spread!.q1).toBeCloseTo(1.0, 12);
    expect(an.spread!.median).toBeCloseTo(1.35, 12);
    expect(an.spread!.q3).toBeCloseTo(1.4, 12);
    expect(an.spread!.max).toBeCloseTo(1.5, 12);
    expect(an.spread!.iqr).toBeCloseTo(0.4, 12);
    expect(an.detail).toBe("Beaten by more than 30% in 3 of 5 periods: the target looks set too low.");
  });

  test("suggested target: the 60th percentile of the last periods' actuals, for the next period", () => {
    const an = itemOf(r, "An");
    // sorted 90 100 135 140 150; PERCENTILE.INC(0.6): rank 4 × 0.6 = 2.4 → 135 + 0.4 × (140 − 135) = 137
    expect(an.suggestion).toMatchObject({ period: "2026-06", basis: "percentile", code: "suggest_percentile" });
    expect(an.suggestion.value).toBeCloseTo(137, 9);
    expect(an.suggestion.detail).toBe(
      "Suggested target for 2026-06: 137, the 60th percentile of the actuals of the last 5 periods (2026-01 to 2026-05).",
    );
    // Binh: sorted 60 70 80 85 95 → 80 + 0.4 × 5 = 82
    expect(itemOf(r, "Binh").suggestion.value).toBeCloseTo(82, 9);
  });

  test("set too high: never met in 5 periods; the best attainment is named", () => {
    const binh = itemOf(r, "Binh");
    expect(binh.finding).toBe("too_high");
    expect(binh.met).toBe(0);
    expect(binh.spread!.max).toBeCloseTo(0.95, 12);
    expect(binh.detail).toBe("Never met in 5 periods (best attainment 95%): the target looks set too high.");
    expect(reviewText(binh, "money", "vi")).toBe(
      "Chưa đạt trong cả 5 kỳ (mức đạt cao nhất 95%): chỉ tiêu có vẻ đặt quá cao.",
    );
  });

  test("fine: met in 4 of 5 periods, never beaten by far", () => {
    const chi = itemOf(r, "Chi");
    expect(chi.finding).toBe("fine");
    expect(chi.met).toBe(4); // 100 110 120 105
    expect(chi.beaten).toBe(0);
    // sorted 0.95 1.00 1.05 1.10 1.20 → median 1.05
    expect(chi.spread!.median).toBeCloseTo(1.05, 12);
    expect(chi.detail).toBe("Met in 4 of 5 periods (median attainment 105%).");
  });

  test("two periods are too few to judge or to suggest from", () => {
    const dung = itemOf(r, "Dung");
    expect(dung.finding).toBe("too_few_periods");
    expect(dung.periods).toBe(2);
    expect(dung.suggestion).toMatchObject({ value: null, basis: null, code: "suggest_none_few" });
    expect(dung.suggestion.detail).toBe(
      "No target suggested: only 2 of the last 12 periods have an actual (at least 3).",
    );
  });

  test("level totals are reviewed too, and the review covers the periods up to the one scored", () => {
    // Total: summed actuals against the summed targets (400 a month from January, 600 from April)
    const total = r.items.find((i) => i.level === "total" && i.kpi === "net_sales");
    expect(total?.periods).toBe(5);
    expect(r).toMatchObject({ from: "2026-01", to: "2026-05", nextPeriod: "2026-06" });
  });
});

test("lower is better: the 40th percentile; beaten means below 70 % of the target", () => {
  // bad_debt_rate against 2 %: revenue 1000 a month, bad debt 10 20 30 40 50 → 1 % 2 % 3 % 4 % 5 %
  const rows: FixtureRow[] = [10, 20, 30, 40, 50].map((bad_debt, i) => ({
    date: `${MONTHS[i]}-10`,
    salesperson: "Em",
    region: "Em",
    revenue: 1000,
    bad_debt,
  }));
  const template = templateWith([{ kpi: "bad_debt_rate", target: { type: "fixed", value: 0.02 } }]);
  const em = itemOf(review(rows, template).review, "Em", "bad_debt_rate");
  expect(em.met).toBe(2); // 1 % and 2 % are at or under 2 %
  expect(em.beaten).toBe(1); // only 1 % < 2 % × 0.7 = 1.4 %
  expect(em.finding).toBe("fine");
  // sorted .01 .02 .03 .04 .05; PERCENTILE.INC(0.4): rank 4 × 0.4 = 1.6 → 0.02 + 0.6 × 0.01 = 0.026
  expect(em.suggestion.value).toBeCloseTo(0.026, 12);
  expect(em.suggestion.detail).toContain("2026-06: 2.6%, the 40th percentile");
});

describe("growth target: last year's same month × 1.1", () => {
  // Giang: 2025 every month 100 except June 200; 2026 January–May 100 each.
  const rows: FixtureRow[] = [];
  for (let m = 1; m <= 12; m++)
    rows.push({
      date: `2025-${String(m).padStart(2, "0")}-10`,
      salesperson: "Giang",
      region: "G",
      revenue: m === 6 ? 200 : 100,
    });
  rows.push(...monthly("Giang", [100, 100, 100, 100, 100]));
  const template = templateWith([{ kpi: "net_sales", target: { type: "growth", rate: 0.1 } }]);
  const giang = itemOf(review(rows, template).review, "Giang");

  test("the suggestion is last year's June actual × (1 + 10 %): 200 × 1.1 = 220", () => {
    expect(giang.suggestion).toMatchObject({ period: "2026-06", basis: "growth", code: "suggest_growth" });
    expect(giang.suggestion.value).toBeCloseTo(220, 9);
    expect(giang.suggestion.detail).toBe(
      "Suggested target for 2026-06: 220, last year's actual in 2025-06 (200) with the template's growth of +10%.",
    );
  });

  test("periods with no target (2025 has no last year to grow from) are not counted, and it says so", () => {
    // 2026: 100 against 100 × 1.1 = 110 → 0.909 in each of 5 months
    expect(giang.periods).toBe(5);
    expect(giang.withoutTarget).toBe(12);
    expect(giang.finding).toBe("too_high");
    expect(giang.notCounted?.detail).toBe("Not counted: 12 periods without a target, 0 without an actual.");
    expect(reviewText(giang.notCounted!, "money", "zh-Hant")).toBe("未計入：12 個期間沒有目標，0 個期間沒有實際值。");
  });
});

test("a running period (the as-of date inside it) is not reviewed", () => {
  const { review: r } = review(monthly("An", [140, 150, 90, 135, 100]), netSales100, "2026-05-20");
  expect(r).toMatchObject({ to: "2026-04", nextPeriod: "2026-05", runningPeriod: "2026-05" });
  expect(itemOf(r, "An").periods).toBe(4);
});

test("a band target gets no single suggestion, and says why", () => {
  const template = templateWith([{ kpi: "net_sales", target: { type: "range", min: 90, max: 110 } }]);
  const an = itemOf(review(monthly("An", [140, 150, 90, 135, 100]), template).review, "An");
  expect(an.suggestion).toMatchObject({ value: null, code: "suggest_none_band" });
  expect(an.beaten).toBe(0); // inside a band is met, never "beaten"
});
