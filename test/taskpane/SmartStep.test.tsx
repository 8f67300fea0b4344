/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SmartCheckItem } from "../../src/engine/types";
import { SmartStep } from "../../src/taskpane/components/SmartStep";
import { CATALOG } from "./fixtures";
import { renderPane } from "./renderPane";

const ok = (detail: string) => ({ ok: true, detail });
const ITEMS: SmartCheckItem[] = [
  {
    kpi: "collection_rate",
    checks: {
      specific: ok("named"),
      measurable: { ok: false, detail: "Map a column for: collected." },
      attainable: ok("within range"),
      relevant: ok("Weight 40% of 100%."),
      timeBound: ok("Measured per month."),
    },
  },
];

test("each KPI lists the five checks and says what to fix, in the pane's language", () => {
  renderPane(<SmartStep items={ITEMS} loading={false} canCheck catalog={CATALOG} onCheck={() => {}} />, "zh-Hans");
  const results = screen.getByRole("list", { name: "SMART 检查结果" });
  expect(within(results).getByText("回款率：需要修正的检查：1 项")).toBeInTheDocument();
  expect(within(results).getAllByRole("listitem")).toHaveLength(1 + 5);
  expect(within(results).getByText("需修正：Map a column for: collected.")).toBeInTheDocument();
});

test("the check runs on request and only when a source and a template are chosen", async () => {
  const onCheck = jest.fn();
  const { unmount } = renderPane(<SmartStep items={null} loading={false} canCheck={false} catalog={CATALOG} onCheck={onCheck} />);
  expect(screen.getByRole("button", { name: "Run the SMART check" })).toBeDisabled();
  unmount();
  renderPane(<SmartStep items={null} loading={false} canCheck catalog={CATALOG} onCheck={onCheck} />);
  await userEvent.click(screen.getByRole("button", { name: "Run the SMART check" }));
  expect(onCheck).toHaveBeenCalledTimes(1);
});
