/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { useReducer } from "react";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TemplateStep } from "../../src/taskpane/components/TemplateStep";
import { initialPaneState } from "../../src/taskpane/state/paneState";
import { paneReducer } from "../../src/taskpane/state/reducer";
import type { Template, TemplateError } from "../../src/engine/types";
import { CATALOG, buildTemplate } from "./fixtures";
import { renderPane } from "./renderPane";

// Typing into Fluent inputs in jsdom is slow on 2 cores.

/** The step wired to the real reducer, as App does, so edits show up in the rendering. */
function Harness({
  template,
  errors = [],
  onSave = () => {},
  onExport = () => "",
}: {
  template: Template;
  errors?: TemplateError[];
  onSave?: (t: Template) => void;
  onExport?: (t: Template) => string;
}) {
  const [state, dispatch] = useReducer(paneReducer, undefined, () =>
    paneReducer(initialPaneState("en"), { type: "templatesLoaded", choices: [{ origin: "builtin", template }] }),
  );
  return (
    <TemplateStep
      templates={state.templates}
      templateIndex={state.templateIndex}
      draft={state.draft}
      errors={errors}
      catalog={CATALOG}
      onPick={(index) => dispatch({ type: "templatePicked", index })}
      onImport={() => {}}
      onExport={onExport}
      onSave={onSave}
      onEdit={(patch) => dispatch({ type: "templateEdited", patch })}
      onToggleKpi={(kpi, on) => dispatch({ type: "kpiToggled", kpi, on })}
      onEditKpi={(kpi, patch) => dispatch({ type: "kpiEdited", kpi, patch })}
    />
  );
}

test("the running weight total follows weight edits and says when it misses 100%", async () => {
  renderPane(<Harness template={buildTemplate()} />);
  // The editor is lazily loaded: wait for it once, then it is there synchronously.
  expect(await screen.findByRole("status")).toHaveTextContent("Weights total 100%.");
  const weight = screen.getByLabelText("Weight: Collection rate");
  await userEvent.clear(weight);
  await userEvent.type(weight, "30");
  // 60 (net sales) + 30 = 90
  expect(screen.getByRole("status")).toHaveTextContent("Weights total 90%: they must add up to 100%.");
});

test("switching a KPI on adds it with weight 0; switching it off removes its weight from the total", async () => {
  renderPane(<Harness template={buildTemplate()} />);
  await userEvent.click(await screen.findByRole("switch", { name: "Gross margin %" }));
  expect(screen.getByLabelText("Weight: Gross margin %")).toHaveValue("0");
  await userEvent.click(screen.getByRole("switch", { name: "Net sales" }));
  expect(screen.queryByLabelText("Weight: Net sales")).not.toBeInTheDocument();
  // 40 (collection rate) + 0 (gross margin)
  expect(screen.getByRole("status")).toHaveTextContent("Weights total 40%: they must add up to 100%.");
});

test("a validation error is shown next to the field its path names, and in the list of problems", async () => {
  renderPane(
    <Harness
      template={buildTemplate()}
      errors={[
        { path: "kpis[1].weight", message: "must be >= 0" },
        { path: "payout.threshold", message: "must be <= 1" },
      ]}
    />,
  );
  expect(await screen.findByLabelText("Weight: Collection rate")).toHaveAccessibleDescription("must be >= 0");
  expect(screen.getByLabelText("Weight: Net sales")).not.toHaveAccessibleDescription("must be >= 0");
  expect(screen.getByLabelText("No payout below score")).toHaveAccessibleDescription("must be <= 1");
  expect(screen.getByText("Problems to fix in the template: 2")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Save in workbook" })).toBeDisabled();
});

test("a KPI's target is edited as a percentage for percent KPIs and stored as a fraction", async () => {
  const onSave = jest.fn();
  renderPane(<Harness template={buildTemplate()} onSave={onSave} />);
  await userEvent.click(await screen.findByRole("button", { name: "Edit Collection rate" }));
  const group = screen.getByRole("group", { name: "Collection rate" });
  const value = within(group).getByLabelText("Target value");
  expect(value).toHaveValue("95"); // 0.95 shown as 95 %
  await userEvent.clear(value);
  await userEvent.type(value, "97,5"); // decimal comma as a Vietnamese user types it
  await userEvent.click(within(group).getByRole("checkbox", { name: "Gate: a miss caps the payout" }));
  await userEvent.click(screen.getByRole("button", { name: "Save in workbook" }));
  const saved = onSave.mock.calls[0][0] as Template;
  expect(saved.kpis[1]).toEqual({
    kpi: "collection_rate",
    weight: 40,
    target: { type: "fixed", value: 0.975 },
    gate: true,
  });
});

test("text that is not a number is flagged on the field and not stored", async () => {
  const onSave = jest.fn();
  renderPane(<Harness template={buildTemplate()} onSave={onSave} />);
  const gateCap = await screen.findByLabelText("Payout cap when a gate fails");
  expect(gateCap).toHaveValue("80");
  await userEvent.clear(gateCap);
  await userEvent.type(gateCap, "8o");
  expect(gateCap).toHaveAccessibleDescription(/Type a number/);
  await userEvent.click(screen.getByRole("button", { name: "Save in workbook" }));
  // The last readable text was "8" → 8 % = 0.08
  expect((onSave.mock.calls[0][0] as Template).gateCap).toBeCloseTo(0.08, 10);
});

test("group-by, roll-up, period and fiscal-year start are edited with labelled dropdowns", async () => {
  const onSave = jest.fn();
  renderPane(<Harness template={buildTemplate()} onSave={onSave} />);
  await userEvent.selectOptions(await screen.findByLabelText("Period"), "Quarter");
  await userEvent.selectOptions(screen.getByLabelText("Fiscal year starts in"), "April");
  await userEvent.selectOptions(screen.getByLabelText("Then roll up to"), "Category");
  await userEvent.click(screen.getByRole("button", { name: "Save in workbook" }));
  const saved = onSave.mock.calls[0][0] as Template;
  expect(saved.period).toEqual({ kind: "quarter", fiscalYearStartMonth: 4 });
  expect(saved.rollup).toEqual(["region", "category"]);
});

test("week periods: the week start replaces the fiscal year start; day periods need neither", async () => {
  const onSave = jest.fn();
  renderPane(<Harness template={buildTemplate()} onSave={onSave} />);
  const period = await screen.findByLabelText("Period");
  expect(
    within(period)
      .getAllByRole("option")
      .map((o) => o.textContent),
  ).toEqual(["Month", "Quarter", "Year", "Week", "Day"]);
  await userEvent.selectOptions(period, "Week");
  expect(screen.queryByLabelText("Fiscal year starts in")).toBeNull();
  const weekStart = screen.getByLabelText("Weeks start on");
  expect(weekStart).toHaveValue("1");
  expect(weekStart).toHaveAccessibleDescription(/ISO weeks \(2026-W09\)/);
  await userEvent.selectOptions(weekStart, "Sunday");
  await userEvent.click(screen.getByRole("button", { name: "Save in workbook" }));
  expect((onSave.mock.calls[0][0] as Template).period).toEqual({ kind: "week", fiscalYearStartMonth: 1, weekStart: 7 });
  await userEvent.selectOptions(period, "Day");
  expect(screen.queryByLabelText("Weeks start on")).toBeNull();
  expect(screen.queryByLabelText("Fiscal year starts in")).toBeNull();
});

test("each template shows how much of its weight the columns support; quick start picks the template built from them", async () => {
  const quick = { ...buildTemplate(), id: "quick-start" };
  function Ranked() {
    const [state, dispatch] = useReducer(paneReducer, undefined, () =>
      paneReducer(initialPaneState("en"), {
        type: "templatesLoaded",
        choices: [{ origin: "builtin", template: buildTemplate() }],
      }),
    );
    return (
      <TemplateStep
        templates={state.templates}
        templateIndex={state.templateIndex}
        draft={state.draft}
        errors={[]}
        catalog={CATALOG}
        onPick={(index) => dispatch({ type: "templatePicked", index })}
        onImport={() => {}}
        onExport={() => ""}
        onSave={() => {}}
        onEdit={() => {}}
        onToggleKpi={() => {}}
        onEditKpi={() => {}}
        supported={state.templates.map((_, i) => (i === 0 ? 60 : 100))}
        onQuickStart={() => dispatch({ type: "templateImported", template: quick })}
      />
    );
  }
  renderPane(<Ranked />);
  expect(screen.getByRole("option", { name: /60 % supported by your columns/ })).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Quick start from my columns" }));
  expect(screen.getByRole("option", { name: /100 % supported by your columns/ })).toBeInTheDocument();
});

describe("export works in every Office web view: the JSON in a copyable box", () => {
  const json = '{ "id": "exported" }';
  const clipboard = Object.getOwnPropertyDescriptor(navigator, "clipboard");
  afterEach(() => {
    if (clipboard) Object.defineProperty(navigator, "clipboard", clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  });
  const withClipboard = (writeText: ((text: string) => Promise<void>) | undefined) =>
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: writeText ? { writeText } : undefined,
    });

  test("Export shows the template's JSON read-only; Copy puts it on the clipboard", async () => {
    const copied: string[] = [];
    withClipboard(async (text) => void copied.push(text));
    renderPane(<Harness template={buildTemplate()} onExport={() => json} />);
    expect(screen.queryByLabelText(/Template JSON/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    const box = screen.getByLabelText(/Template JSON/) as HTMLTextAreaElement;
    expect(box).toHaveValue(json);
    expect(box).toHaveAttribute("readonly");
    await userEvent.click(screen.getByRole("button", { name: "Copy" }));
    expect(copied).toEqual([json]);
    expect(await screen.findByText("Copied.")).toBeInTheDocument();
  });

  test("without the Clipboard API (or when the web view refuses it) Copy selects all the text and says how to copy", async () => {
    for (const writeText of [undefined, () => Promise.reject(new Error("NotAllowedError"))]) {
      withClipboard(writeText);
      const view = renderPane(<Harness template={buildTemplate()} onExport={() => json} />);
      await userEvent.click(screen.getByRole("button", { name: "Export" }));
      await userEvent.click(screen.getByRole("button", { name: "Copy" }));
      const box = screen.getByLabelText(/Template JSON/) as HTMLTextAreaElement;
      expect(await screen.findByText(/press Ctrl\+C/)).toBeInTheDocument();
      expect([box.selectionStart, box.selectionEnd]).toEqual([0, json.length]);
      view.unmount();
    }
  });
});
