/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { computeScorecard } from "../../src/engine/scorecard";
import { ApplyStep } from "../../src/taskpane/components/ApplyStep";
import { DriversView } from "../../src/taskpane/components/DriversView";
import { summarize } from "../../src/taskpane/state/summarize";
import { LATER, salesData, templateWith, type FixtureRow } from "../engine/support/salesFixture";
import { renderPane } from "./renderPane";

const rows: FixtureRow[] = [
  {
    date: "2026-01-05",
    salesperson: "An",
    region: "North",
    customer: "Minh Phát",
    product: "Bia tươi",
    revenue: 200e6,
  },
  {
    date: "2026-01-06",
    salesperson: "Bình",
    region: "North",
    customer: "Hòa Bình",
    product: "Nước ngọt",
    revenue: 100e6,
  },
  { date: "2026-02-05", salesperson: "An", region: "North", customer: "Minh Phát", product: "Bia tươi", revenue: 80e6 },
  {
    date: "2026-02-06",
    salesperson: "Bình",
    region: "North",
    customer: "Hòa Bình",
    product: "Nước ngọt",
    revenue: 150e6,
  },
];
const scorecard = computeScorecard({
  data: salesData(rows),
  template: templateWith([{ kpi: "net_sales" }]),
  asOf: "2026-02",
  now: LATER,
  drivers: true,
});

test("the summary carries the drivers of every scored row; the pane shows those of the entity picked", async () => {
  const summary = summarize(scorecard, null);
  expect(summary.drivers!.map((e) => e.entity)).toEqual(["An", "Bình", "North", "Total"]);
  renderPane(<DriversView entities={summary.drivers!} />);
  // An: 80 − 200 = −120 M, all Minh Phát and Bia tươi; no 2025-01 in the data, so no last-year line
  const an = screen.getByRole("list", { name: "An (Salesperson)" });
  expect(within(an).getByText("vs 2026-01: -120M: Minh Phát -120M, Bia tươi -120M")).toBeInTheDocument();
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Entity" }), "North (Region)");
  // North: (80 + 150) − (200 + 100) = −70 M; the largest down: Minh Phát −120 M, Bia tươi −120 M
  const north = screen.getByRole("list", { name: "North (Region)" });
  expect(within(north).getByText("vs 2026-01: -70M: Minh Phát -120M, Bia tươi -120M")).toBeInTheDocument();
});

test("in the pane's language", () => {
  renderPane(<DriversView entities={summarize(scorecard, null).drivers!} />, "zh-Hans");
  expect(screen.getByText("变动原因")).toBeInTheDocument();
  expect(screen.getByText("较 2026-01：-1.2亿：Minh Phát -1.2亿，Bia tươi -1.2亿")).toBeInTheDocument();
});

test("choosing an entity in the scorecard table shows that entity's drivers", async () => {
  const summary = summarize(scorecard, null, "KPI Scorecard");
  const onSelectRow = jest.fn(async () => ({ ok: true as const }));
  renderPane(
    <ApplyStep
      apply={{ status: "done", summary }}
      blockedReason={null}
      sourceRules={false}
      onSourceRulesChange={jest.fn()}
      strict={false}
      onStrictChange={jest.fn()}
      onApply={jest.fn()}
      onShowSheet={jest.fn()}
      onSelectRow={onSelectRow}
    />,
  );
  // At first the view shows the first row with drivers (An).
  expect(screen.getByRole("list", { name: "An (Salesperson)" })).toBeInTheDocument();
  const table = screen.getByRole("region", { name: "Scorecard" });
  await userEvent.click(within(table).getByRole("button", { name: "North" }));
  expect(onSelectRow).toHaveBeenCalled();
  // North: (80 + 150) − (200 + 100) = −70 M
  const north = screen.getByRole("list", { name: "North (Region)" });
  expect(within(north).getByText("vs 2026-01: -70M: Minh Phát -120M, Bia tươi -120M")).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: "Entity" })).toHaveDisplayValue("North (Region)");
});
