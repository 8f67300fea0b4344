/** @jest-environment jsdom */
/** The pane's KPI catalogue comes from the engine's registry: a KPI added there is offered in the Template step. */
import "@testing-library/jest-dom";
import { useReducer } from "react";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TemplateStep } from "../../src/taskpane/components/TemplateStep";
import { KPI_CATALOG } from "../../src/taskpane/kpiCatalog";
import { initialPaneState } from "../../src/taskpane/state/paneState";
import { paneReducer } from "../../src/taskpane/state/reducer";
import type { Template } from "../../src/engine/types";
import { buildTemplate } from "./fixtures";
import { renderPane } from "./renderPane";

/** The Template step with the real catalogue, wired to the real reducer as App does. */
function Harness({ template }: { template: Template }) {
  const [state, dispatch] = useReducer(paneReducer, undefined, () =>
    paneReducer(initialPaneState("zh-Hant"), { type: "templatesLoaded", choices: [{ origin: "builtin", template }] }),
  );
  return (
    <TemplateStep
      templates={state.templates}
      templateIndex={state.templateIndex}
      draft={state.draft}
      errors={[]}
      catalog={KPI_CATALOG}
      onPick={(index) => dispatch({ type: "templatePicked", index })}
      onImport={() => {}}
      onExport={() => ""}
      onSave={() => {}}
      onEdit={(patch) => dispatch({ type: "templateEdited", patch })}
      onToggleKpi={(kpi, on) => dispatch({ type: "kpiToggled", kpi, on })}
      onEditKpi={(kpi, patch) => dispatch({ type: "kpiEdited", kpi, patch })}
    />
  );
}

test("the catalogue offers the two newest KPIs, named in the pane's language, and switches them into the template", async () => {
  renderPane(<Harness template={buildTemplate()} />, "zh-Hant");
  const satisfaction = await screen.findByRole("switch", { name: "客戶滿意度" });
  expect(satisfaction).not.toBeChecked();
  await userEvent.click(satisfaction);
  expect(screen.getByRole("switch", { name: "客戶滿意度" })).toBeChecked();
  expect(screen.getByRole("switch", { name: "新品鋪貨率" })).toBeInTheDocument();
});

test("every registry KPI is in the pane's catalogue, with the roles it reads", () => {
  expect(KPI_CATALOG.map((k) => k.id)).toEqual(
    expect.arrayContaining(["new_product_distribution", "customer_satisfaction"]),
  );
  expect(KPI_CATALOG.find((k) => k.id === "customer_satisfaction")).toMatchObject({
    roles: ["date", "satisfaction"],
    unit: "score",
  });
  expect(KPI_CATALOG.find((k) => k.id === "margin_mix")?.marginMix).toBe(true);
});
