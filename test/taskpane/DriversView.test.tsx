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

test("net sales shows its price / volume / mix bridge, and a blank member is named in the pane's language", () => {
  // P: 10 × 10 M in 2026-01, 12 × 11 M = 132 M in 2026-02, to a customer left blank; change +32 M
  const sc = computeScorecard({
    data: salesData(
      [
        { date: "2026-01-05", salesperson: "An", region: "North", product: "P", quantity: 10, revenue: 100e6 },
        { date: "2026-02-05", salesperson: "An", region: "North", product: "P", quantity: 12, revenue: 132e6 },
      ],
      ["customer"],
    ),
    template: templateWith([{ kpi: "net_sales" }]),
    asOf: "2026-02",
    now: LATER,
    drivers: true,
  });
  renderPane(<DriversView entities={summarize(sc, null).drivers!} />, "vi");
  const an = screen.getByRole("list", { name: "An (Nhân viên kinh doanh)" });
  expect(within(an).getByText("so với 2026-01: +32 Tr: (trống) +32 Tr, P +32 Tr")).toBeInTheDocument();
  // volume (12 − 10) × 10 M = 20 M, mix 0, price (11 − 10) M × 12 = 12 M
  expect(within(an).getByText("giá +12 Tr, sản lượng +20 Tr, cơ cấu 0")).toBeInTheDocument();
});
