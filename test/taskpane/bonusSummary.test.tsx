/** @jest-environment jsdom */
/** The Apply step's summary shows the total bonus cost (issue 13 §3) in the pane's language. */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { PaneActions } from "../../src/taskpane/paneActions";
import type { ApplySummary } from "../../src/taskpane/state/paneState";
import { CATALOG, buildDetections, buildPreview, buildTemplate } from "./fixtures";
import { renderPane } from "./renderPane";

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
  };
}

async function applyIn(lang: "en" | "vi", summary: ApplySummary, button: string) {
  const actions = paneActions(summary);
  renderPane(<App actions={actions} initialLang={lang} catalog={CATALOG} builtins={[buildTemplate()]} />);
  await waitFor(() => expect(actions.readPreview).toHaveBeenCalled());
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
