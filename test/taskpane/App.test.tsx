/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";

import type { PaneActions } from "../../src/taskpane/paneActions";
import type { ProgressListener } from "../../src/workbook/contract";
import { CATALOG, buildDetections, buildPreview, buildTemplate } from "./fixtures";

// Whole-pane renders in jsdom are slow on 2 cores.
import { renderPane } from "./renderPane";

const SUMMARY = {
  period: "2026-06",
  entities: 4,
  best: { entity: "Nguyễn Văn An", score: 1.05 },
  worst: { entity: "Phạm Thu Dung", score: 0.62 },
  failedGates: 1,
  notes: 3,
  notesSheet: "KPI Notes",
  rowsRead: 360,
  rowsUsed: 357,
};

const COLLECTED = {
  role: "collected" as const,
  column: 4,
  header: "Đã thu",
  confidence: 0.9,
  source: "header" as const,
};

function fakeActions(overrides: Partial<PaneActions> = {}): PaneActions {
  return {
    listSources: jest.fn(async () => ({
      ok: true as const,
      sources: [{ kind: "table" as const, name: "SalesData", sheet: "Sales", rows: 360, columns: 6 }],
      defaultSource: { kind: "table" as const, name: "SalesData" },
    })),
    // Every role the test template needs is detected here; the first test takes "collected" away.
    readPreview: jest.fn(async () => ({
      ok: true as const,
      preview: buildPreview(),
      detections: [...buildDetections(), COLLECTED],
    })),
    loadSettings: jest.fn(async () => ({ ok: true as const, settings: null })),
    saveSettings: jest.fn(async () => ({ ok: true as const })),
    smartCheck: jest.fn(async () => ({ ok: true as const, items: [] })),
    apply: jest.fn(async () => ({ ok: true as const, summary: SUMMARY })),
    showSheet: jest.fn(async () => {}),
    selectScorecardRow: jest.fn(async () => ({ ok: true as const })),
    ...overrides,
  };
}

async function renderApp(actions: PaneActions) {
  const view = renderPane(<App actions={actions} initialLang="en" catalog={CATALOG} builtins={[buildTemplate()]} />);
  await waitFor(() => expect(actions.readPreview).toHaveBeenCalledWith({ kind: "table", name: "SalesData" }));
  return view;
}

test("on load the default source is picked, read, and Apply runs with the chosen mapping and template", async () => {
  const actions = fakeActions({
    readPreview: jest.fn(async () => ({ ok: true as const, preview: buildPreview(), detections: buildDetections() })),
  });
  await renderApp(actions);
  expect(screen.getByLabelText(/^Sales data/)).toHaveValue("table:SalesData");
  // Without "strict", a KPI whose column is missing is shown as not available: Apply is open.
  await waitFor(() => expect(screen.getByRole("button", { name: "Apply to workbook" })).toBeEnabled());
  // Strict: collection rate needs a "collected" column that was not detected; Apply says so before any run.
  await userEvent.click(screen.getByLabelText(/^Strict: refuse/));
  expect(await screen.findByText("Map these columns in step 2 first: Collected.")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Apply to workbook" })).toBeDisabled();

  await userEvent.click(screen.getByRole("button", { name: "2. Columns" }));
  await userEvent.selectOptions(await screen.findByLabelText("Collected"), "Đã thu");
  await userEvent.click(screen.getByRole("button", { name: "Apply to workbook" }));

  expect(await screen.findByText("Scorecard written for 2026-06.")).toBeInTheDocument();
  const request = (actions.apply as jest.Mock).mock.calls[0][0];
  expect(request.overrides).toEqual({ collected: 4 });
  expect(request.template.id).toBe("test-rep");
  expect(request.lang).toBe("en");
  expect(request.sourceRules).toBe(false);
  expect(request.strict).toBe(true);
  // Summary: best and worst with percentages in the pane's language, failed gates, notes link.
  expect(screen.getByText("Nguyễn Văn An (105%)")).toBeInTheDocument();
  expect(screen.getByText("Phạm Thu Dung (62%)")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Open the notes sheet" }));
  expect(actions.showSheet).toHaveBeenCalledWith("KPI Notes");
});

test("progress shows the phase and rows while Apply runs", async () => {
  let report: ProgressListener = () => {};
  let finish: (value: Awaited<ReturnType<PaneActions["apply"]>>) => void = () => {};
  const actions = fakeActions({
    apply: jest.fn((_req, onProgress) => {
      report = onProgress;
      return new Promise((resolve) => (finish = resolve));
    }),
  });
  await renderApp(actions);
  await userEvent.click(
    screen.getByRole("checkbox", { name: "Also flag source rows with bad debt or a negative margin" }),
  );
  await userEvent.click(screen.getByRole("button", { name: "Apply to workbook" }));
  expect((actions.apply as jest.Mock).mock.calls[0][0].sourceRules).toBe(true);
  act(() => report({ phase: "reading", rowsDone: 120000, rowsTotal: 480000 }));
  expect(screen.getByText("Reading the sales rows")).toBeInTheDocument();
  expect(screen.getByText("120,000 of 480,000 rows")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Working…" })).toBeDisabled();
  expect(screen.queryByText(/Excel is waiting for you to leave the cell/)).not.toBeInTheDocument();
  act(() => report({ phase: "reading", rowsDone: 120000, rowsTotal: 480000, waitingForCellEdit: true }));
  expect(screen.getByText(/Excel is waiting for you to leave the cell/)).toBeInTheDocument();
  act(() => report({ phase: "writing", rowsDone: 0, rowsTotal: 0 }));
  expect(screen.queryByText(/Excel is waiting for you to leave the cell/)).not.toBeInTheDocument();
  await act(async () => finish({ ok: true, summary: SUMMARY }));
  expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
});

test("an Apply error shows in a MessageBar with what to do next, and the pane stays usable", async () => {
  const actions = fakeActions({
    apply: jest.fn(async () => ({ ok: false as const, message: "Excel is editing a cell." })),
  });
  await renderApp(actions);
  await userEvent.click(screen.getByRole("button", { name: "Apply to workbook" }));
  expect(await screen.findByText("The scorecard was not written.")).toBeInTheDocument();
  expect(screen.getByText(/Excel is editing a cell\. Nothing in the workbook was changed/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Apply to workbook" })).toBeEnabled();
});

test("the language switch translates the pane and formats numbers in the new locale", async () => {
  const actions = fakeActions();
  await renderApp(actions);
  await userEvent.selectOptions(screen.getByLabelText("Language"), "Tiếng Việt");
  expect(await screen.findByRole("button", { name: "5. Áp dụng" })).toBeInTheDocument();
  expect(screen.getByText("Tổng trọng số 100%.")).toBeInTheDocument();
  await userEvent.selectOptions(screen.getByLabelText("Ngôn ngữ"), "繁體中文");
  expect(await screen.findByRole("button", { name: "套用到活頁簿" })).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "套用到活頁簿" }));
  await screen.findByText("已寫入 2026-06 的計分卡。");
  expect((actions.apply as jest.Mock).mock.calls[0][0].lang).toBe("zh-Hant");
});

test("a weight edit that breaks the 100% total is reported by validation and blocks Apply", async () => {
  const actions = fakeActions();
  await renderApp(actions);
  const weight = screen.getByLabelText("Weight: Net sales");
  await userEvent.clear(weight);
  await userEvent.type(weight, "50");
  expect(screen.getByText("Weights total 90%: they must add up to 100%.")).toBeInTheDocument();
  expect(await screen.findByText(/Problems to fix in the template/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Apply to workbook" })).toBeDisabled();
  expect(screen.getByText("Fix the template's problems in step 3 first.")).toBeInTheDocument();
});

test("importing a file that is not a valid template names the file and the path of the problem", async () => {
  const actions = fakeActions();
  await renderApp(actions);
  const bad = { ...buildTemplate(), gateCap: "high" };
  const file = new File([JSON.stringify(bad)], "bad.json", { type: "application/json" });
  fireEvent.change(screen.getByTestId("template-file"), { target: { files: [file] } });
  expect(await screen.findByText(/bad\.json is not a valid template: gateCap/)).toBeInTheDocument();
});

test("a stored template and mapping are restored from the workbook", async () => {
  const stored = buildTemplate({
    id: "stored",
    names: { en: "Stored one", vi: "Đã lưu", "zh-Hans": "已保存", "zh-Hant": "已儲存" },
  });
  const actions = fakeActions({
    loadSettings: jest.fn(async () => ({
      ok: true as const,
      settings: {
        templateJson: JSON.stringify(stored),
        overrides: { collected: "Đã thu" },
        source: { kind: "table" as const, name: "SalesData" },
      },
    })),
  });
  await renderApp(actions);
  expect(
    await screen.findByRole("option", { name: /^Stored one( — \d+ % supported by your columns)?$/, selected: true }),
  ).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "2. Columns" }));
  expect(await screen.findByLabelText("Collected")).toHaveValue("4");
});

test("without a builtins prop the picker offers the engine's built-in templates, loaded with the validator", async () => {
  renderPane(<App actions={fakeActions()} initialLang="en" catalog={CATALOG} />);
  // The first built-in (sales-rep.json) is picked once the lazily loaded template tools arrive.
  expect(
    await screen.findByRole("option", {
      name: /^Sales rep scorecard( — \d+ % supported by your columns)?$/,
      selected: true,
    }),
  ).toBeInTheDocument();
  expect(
    screen.getByRole("option", { name: /^Collections and credit risk( — \d+ % supported by your columns)?$/ }),
  ).toBeInTheDocument();
});
