/**
 * @jest-environment jsdom
 *
 * The SMART section shows the last run's target review (issue 13 §4): per KPI the findings that are not
 * "fine", each with its suggested target and reason, in the pane's language. The review comes from the
 * engine's run pipeline on a hand-computed fixture: net_sales against a fixed 100 a month, January–May
 * 2026; An 140 150 90 135 100 (beaten by more than 30 % in 3 of 5 months: set too low; 60th percentile
 * 135 + 0.4 × 5 = 137), Binh 60 80 95 70 85 (never met: set too high; 80 + 0.4 × 5 = 82).
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import { finishRun, planRun } from "../../src/engine/runPlan";
import { SmartStep } from "../../src/taskpane/components/SmartStep";
import { initialPaneState } from "../../src/taskpane/state/paneState";
import { paneReducer } from "../../src/taskpane/state/reducer";
import { reviewView, summarize } from "../../src/taskpane/state/summarize";
import { LATER, salesData, templateWith, type FixtureRow } from "../engine/support/salesFixture";
import { CATALOG } from "./fixtures";
import { renderPane } from "./renderPane";

const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];
const template = templateWith([{ kpi: "net_sales", target: { type: "fixed", value: 100 } }]);

function scorecardOf(an: number[], binh: number[]) {
  const rows: FixtureRow[] = MONTHS.flatMap((m, i) => [
    { date: `${m}-10`, salesperson: "An", region: "North", revenue: an[i] },
    { date: `${m}-11`, salesperson: "Binh", region: "North", revenue: binh[i] },
  ]);
  const planned = planRun(template);
  if (!planned.ok) throw new Error("plan refused");
  const data = salesData(rows);
  return finishRun(planned.plan, data, data.mapping, undefined, LATER);
}

const scorecard = scorecardOf([140, 150, 90, 135, 100], [60, 80, 95, 70, 85]);

test("the SMART section lists the targets set too low or too high with the suggested target, in Vietnamese", () => {
  renderPane(
    <SmartStep
      items={null}
      loading={false}
      canCheck
      catalog={CATALOG}
      onCheck={() => {}}
      review={reviewView(scorecard)}
    />,
    "vi",
  );
  expect(screen.getByRole("heading", { name: "Rà soát chỉ tiêu (SMARTER)" })).toBeInTheDocument();
  expect(screen.getByText(/Chỉ tiêu từ 2026-01 đến 2026-05: .*vượt hơn 30%.*cho 2026-06\./)).toBeInTheDocument();
  const findings = screen.getByRole("list", { name: "Kết quả rà soát chỉ tiêu" });
  const items = within(findings).getAllByRole("listitem");
  // one KPI (net sales) with two entities: An and Binh; North and the total are fine and not listed
  expect(items).toHaveLength(1 + 2);
  expect(within(findings).getByText("An: Đặt quá thấp.")).toBeInTheDocument();
  expect(within(findings).getByText("Binh: Đặt quá cao.")).toBeInTheDocument();
  expect(
    within(findings).getByText(/Vượt chỉ tiêu hơn 30% trong 3\/5 kỳ.*Chỉ tiêu đề xuất cho 2026-06: 137,/),
  ).toBeInTheDocument();
  expect(
    within(findings).getByText(/Chưa đạt trong cả 5 kỳ \(mức đạt cao nhất 95%\).*Chỉ tiêu đề xuất cho 2026-06: 82,/),
  ).toBeInTheDocument();
  expect(within(findings).queryByText(/North|Total|Tổng cộng/)).toBeNull();
});

test("when every target looks fine the section says so instead of listing them", () => {
  // An and Binh both 100 110 95 120 105: met in 4 of 5, never beaten by more than 30 %
  const fine = scorecardOf([100, 110, 95, 120, 105], [100, 110, 95, 120, 105]);
  renderPane(
    <SmartStep items={null} loading={false} canCheck catalog={CATALOG} onCheck={() => {}} review={reviewView(fine)} />,
    "zh-Hans",
  );
  expect(screen.getByRole("heading", { name: "目标复核（SMARTER）" })).toBeInTheDocument();
  expect(screen.getByText("没有目标显得过低或过高（已复核 4 个）。")).toBeInTheDocument(); // An, Binh, North, total
  expect(screen.queryByRole("list", { name: "目标复核结果" })).toBeNull();
});

test("the review is the last run's: Apply and the SMART check bring it, an edit of the template makes it stale", () => {
  let state = initialPaneState("en");
  state = paneReducer(state, { type: "applySucceeded", summary: summarize(scorecard, "KPI Notes") });
  expect(state.review?.kpis[0].items.map((i) => [i.entity, i.finding])).toEqual([
    ["An", "too_low"],
    ["Binh", "too_high"],
  ]);
  state = paneReducer(state, { type: "smartDone", items: [], review: reviewView(scorecard) });
  expect(state.review?.nextPeriod).toBe("2026-06");
  state = paneReducer({ ...state, draft: template }, { type: "templateEdited", patch: { gateCap: 0.7 } });
  expect(state.review).toBeNull();
});
