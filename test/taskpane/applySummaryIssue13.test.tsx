/** @jest-environment jsdom */
/** The Apply step's summary shows the total bonus cost (issue 13 §3) and the pace (§2) in the pane's language. */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { computeScorecard } from "../../src/engine/scorecard";
import { App } from "../../src/taskpane/App";
import { summarize } from "../../src/taskpane/state/summarize";
import type { PaneActions } from "../../src/taskpane/paneActions";
import type { ApplySummary } from "../../src/taskpane/state/paneState";
import { CATALOG, buildDetections, buildPreview, buildTemplate } from "./fixtures";
import { renderPane } from "./renderPane";
import { salesData, templateWith } from "../engine/support/salesFixture";

jest.setTimeout(30000);

const SUMMARY: ApplySummary = {
  period: "2026-06",
  entities: 4,
  best: { entity: "An", score: 1.05 },
  worst: { entity: "Dung", score: 0.62 },
  failedGates: 0,
  notes: 0,
  notesSheet: null,
  rowsRead: 360,
  rowsUsed: 357,
};

function paneActions(summary: ApplySummary): PaneActions {
  return {
    listSources: jest.fn(async () => ({
      ok: true as const,
      sources: [{ kind: "table" as const, name: "SalesData", sheet: "Sales", rows: 360, columns: 6 }],
      defaultSource: { kind: "table" as const, name: "SalesData" },
    })),
    readPreview: jest.fn(async () => ({ ok: true as const, preview: buildPreview(), detections: buildDetections() })),
    loadSettings: jest.fn(async () => ({ ok: true as const, settings: null })),
    saveSettings: jest.fn(async () => ({ ok: true as const })),
    smartCheck: jest.fn(async () => ({ ok: true as const, items: [] })),
    apply: jest.fn(async () => ({ ok: true as const, summary })),
    showSheet: jest.fn(async () => {}),
    selectScorecardRow: jest.fn(async () => ({ ok: true as const })),
  };
}

async function applyIn(lang: "en" | "vi", summary: ApplySummary, button: string) {
  const actions = paneActions(summary);
  renderPane(<App actions={actions} initialLang={lang} catalog={CATALOG} builtins={[buildTemplate()]} />);
  await waitFor(() => expect(actions.readPreview).toHaveBeenCalled(), { timeout: 10000 });
  await waitFor(() => expect(screen.getByRole("button", { name: button })).toBeEnabled(), { timeout: 10000 });
  await userEvent.click(screen.getByRole("button", { name: button }));
}

test("the summary after Apply gives the total bonus cost as money in the pane's language", async () => {
  await applyIn("vi", { ...SUMMARY, bonusTotal: 3400.4 }, "Áp dụng vào sổ làm việc");
  expect(await screen.findByText("Tổng chi phí thưởng")).toBeInTheDocument();
  expect(screen.getByText("3.400")).toBeInTheDocument(); // vi groups with "." and rounds to whole money
});

test("no bonus line without a bonus base", async () => {
  await applyIn("en", SUMMARY, "Apply to workbook");
  await screen.findByText("Scorecard written for 2026-06.");
  expect(screen.queryByText("Total bonus cost")).not.toBeInTheDocument();
});

test("a total bonus of null is explained, not shown as 0", async () => {
  await applyIn("en", { ...SUMMARY, bonusTotal: null }, "Apply to workbook");
  expect(await screen.findByText("Total bonus cost")).toBeInTheDocument();
  expect(screen.getByText(/^none: no entity has both a payout and a bonus base/)).toBeInTheDocument();
});

test("a running period's pace is in the summary: as-of date, working days, each KPI's projection and status", async () => {
  // As of Friday 13 March 2026: 10 of 22 working days; 50 sold of a 110 target → projected 110 = 100 % (met);
  // collection 30 of 40 = 75 % against 80 % → projected 93.75 % (at risk)
  const scorecard = computeScorecard({
    data: salesData([
      { date: "2026-03-05", salesperson: "An", region: "North", revenue: 20, collected: 30, receivable: 40 },
      { date: "2026-03-12", salesperson: "An", region: "North", revenue: 30 },
    ]),
    template: templateWith([
      { kpi: "net_sales", target: { type: "fixed", value: 110 } },
      { kpi: "collection_rate", target: { type: "fixed", value: 0.8 } },
    ]),
    asOfDate: "2026-03-13",
    now: new Date("2030-01-01T00:00:00Z"),
  });
  await applyIn("en", summarize(scorecard, null), "Apply to workbook");
  expect(await screen.findByText("Pace as of 2026-03-13 (10 of 22 working days)")).toBeInTheDocument();
  expect(
    screen.getByText("Net sales: projected 100% (Met) · Working days; Collection rate: projected 93.8% (At risk)"),
  ).toBeInTheDocument();
});

test("pace by last year's curve: the summary names the basis and the same day last year, in the pane's language", async () => {
  // March 2025: 60 of 200 sold by the 13th (share 0.3); March 2026: 50 by the 13th → projected 50 ÷ 0.3 ÷ 110 = 152 %
  const scorecard = computeScorecard({
    data: salesData([
      { date: "2025-03-05", salesperson: "An", region: "North", revenue: 60 },
      { date: "2025-03-20", salesperson: "An", region: "North", revenue: 140 },
      { date: "2026-03-05", salesperson: "An", region: "North", revenue: 50 },
    ]),
    template: templateWith([{ kpi: "net_sales", target: { type: "fixed", value: 110 } }]),
    asOfDate: "2026-03-13",
    now: new Date("2030-01-01T00:00:00Z"),
  });
  await applyIn("vi", summarize(scorecard, null), "Áp dụng vào sổ làm việc");
  expect(await screen.findByText(/cùng ngày năm trước: 2025-03-13/)).toBeInTheDocument();
  expect(screen.getByText(/· Theo cùng kỳ năm trước$/)).toBeInTheDocument();
});
