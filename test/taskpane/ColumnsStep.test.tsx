/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ColumnsStep } from "../../src/taskpane/components/ColumnsStep";
import { CATALOG, buildDetections, buildPreview } from "./fixtures";
import { renderPane } from "./renderPane";

// Typing into Fluent inputs in jsdom is slow on 2 cores.

function setup(overrides = {}, lang: "en" | "vi" = "en") {
  const onMappingChange = jest.fn();
  renderPane(
    <ColumnsStep
      preview={buildPreview()}
      loading={false}
      detections={buildDetections()}
      overrides={overrides}
      catalog={CATALOG}
      templateKpis={["net_sales", "collection_rate"]}
      onMappingChange={onMappingChange}
    />,
    lang,
  );
  return { onMappingChange };
}

test("a detected role shows its column, confidence and two sample values", () => {
  setup();
  const revenue = screen.getByLabelText("Revenue");
  expect(revenue).toHaveValue("2");
  expect(screen.getByRole("option", { name: "Doanh thu", selected: true })).toBeInTheDocument();
  // Confidence 0.95 → "95%"; samples are the first two non-blank values, 1200000 and 3400000.5, in en-US.
  expect(revenue).toHaveAccessibleDescription("Detected (95% sure). Examples: 1,200,000 · 3,400,000.5");
});

test("sample numbers follow the pane's language", () => {
  setup({}, "vi");
  expect(screen.getByLabelText("Doanh thu")).toHaveAccessibleDescription(/1\.200\.000 · 3\.400\.000,5/);
});

test("a missing role says which of the template's KPIs it disables", () => {
  setup();
  expect(screen.getByLabelText("Collected")).toHaveAccessibleDescription("Not mapped: disables Collection rate.");
  // Cost is needed by no KPI of this template: no warning, it sits with the other columns.
  expect(screen.getByLabelText("Cost")).toHaveAccessibleDescription("Not mapped.");
});

test("revenue from quantity × unit price: a missing revenue column disables no KPI (the engine's rule)", () => {
  // Revenue unmapped on purpose; quantity and unit price mapped to two columns.
  setup({ revenue: null, quantity: 3, unit_price: 4 });
  expect(screen.getByLabelText("Revenue")).toHaveAccessibleDescription("Not mapped.");
});

test("changing a mapping with the dropdown reports the role and the column index", async () => {
  const { onMappingChange } = setup();
  await userEvent.selectOptions(screen.getByLabelText("Collected"), "Đã thu");
  expect(onMappingChange).toHaveBeenCalledWith("collected", 4);
  await userEvent.selectOptions(screen.getByLabelText("Receivable"), "(not mapped)");
  expect(onMappingChange).toHaveBeenLastCalledWith("receivable", null);
});

test("a role the user chose says so instead of showing a confidence", () => {
  setup({ collected: 4 });
  expect(screen.getByLabelText("Collected")).toHaveAccessibleDescription(
    "Chosen by you. Examples: 900,000 · 2,000,000",
  );
});

test("date samples given as Excel serials are shown as dates in the pane's language", () => {
  setup({}, "vi");
  // 46023 = 2026-01-01, 46024 = 2026-01-02 (1900 date system)
  expect(screen.getByLabelText("Ngày")).toHaveAccessibleDescription(/Ví dụ: 1\/1\/2026 · 2\/1\/2026/);
});
