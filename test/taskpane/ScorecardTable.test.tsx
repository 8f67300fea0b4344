/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ScorecardTable } from "../../src/taskpane/components/ScorecardTable";
import { DarkThemeContext } from "../../src/taskpane/components/paneTheme";
import type { ScorecardTableData, ScorecardTableRow } from "../../src/taskpane/state/paneState";
import { STATUS_DOT_COLORS } from "../../src/workbook/palette";
import { renderPane } from "./renderPane";

const row = (
  entity: string,
  level: string,
  parent: string | null,
  depth: number,
  score: number | null,
  sheetRow: number,
  sales: string | null = "met",
): ScorecardTableRow => ({
  entity,
  level,
  parent,
  depth,
  score,
  payout: score === null ? null : score * 0.9,
  gatesPassed: true,
  statuses: { net_sales: sales, collections: "missed" },
  sheetRow,
});

/** In sheet order (as the engine writes them): reps first, regions, then the total. */
const DATA: ScorecardTableData = {
  sheet: "KPI Scorecard",
  kpis: [
    { id: "net_sales", names: { en: "Net sales", vi: "Doanh số thuần", "zh-Hans": "净销售额", "zh-Hant": "淨銷售額" } },
    { id: "collections", names: { en: "Collections", vi: "Thu tiền", "zh-Hans": "回款", "zh-Hant": "回款" } },
  ],
  rows: [
    row("An", "salesperson", "North", 2, 0.8, 3, "at_risk"),
    row("Bình", "salesperson", "North", 2, 1.05, 4),
    row("Chi", "salesperson", "South", 2, null, 5, null),
    row("Dũng", "salesperson", "South", 2, 0.95, 6),
    row("North", "region", "Total", 1, 0.9, 7),
    row("South", "region", "Total", 1, 0.97, 8),
    row("Total", "total", null, 0, 0.93, 9),
  ],
};

const entityNames = () =>
  screen
    .getAllByRole("row")
    .slice(1)
    .map((tr) => within(tr).getAllByRole("cell")[0].textContent);

test("rows are sorted by score under their parent, hierarchy kept, and indented by level", () => {
  renderPane(<ScorecardTable data={DATA} onSelectRow={jest.fn()} />);
  // The total first; South (97 %) before North (90 %); under each its reps by score, no score last.
  expect(entityNames()).toEqual(["Total", "South", "Dũng", "Chi", "North", "Bình", "An"]);
  const indent = (name: string) => screen.getByRole("button", { name }).closest("td")!.style.paddingInlineStart;
  expect([indent("Total"), indent("South"), indent("Dũng")]).toEqual(["4px", "16px", "28px"]);
});

test("each KPI's status mark is named in the pane's language (vi), never by colour alone", () => {
  renderPane(<ScorecardTable data={DATA} onSelectRow={jest.fn()} />, "vi");
  const an = screen.getByRole("button", { name: "An" }).closest("tr")!;
  expect(within(an).getByRole("img", { name: "Doanh số thuần: Có nguy cơ" })).toBeInTheDocument();
  expect(within(an).getByRole("img", { name: "Thu tiền: Không đạt" })).toBeInTheDocument();
  const chi = screen.getByRole("button", { name: "Chi" }).closest("tr")!;
  expect(within(chi).getByRole("img", { name: "Doanh số thuần: chưa có trạng thái" })).toBeInTheDocument();
  expect(screen.getByRole("columnheader", { name: "Điểm có trọng số" })).toBeInTheDocument();
});

test("zh-Hant names the marks and the total in Traditional Chinese; dark theme uses the dark palette", () => {
  renderPane(
    <DarkThemeContext.Provider value={true}>
      <ScorecardTable data={DATA} onSelectRow={jest.fn()} />
    </DarkThemeContext.Provider>,
    "zh-Hant",
  );
  expect(screen.getByRole("button", { name: "合計" })).toBeInTheDocument();
  const mark = within(screen.getByRole("button", { name: "Bình" }).closest("tr")!).getByRole("img", {
    name: "淨銷售額：達成",
  });
  expect(mark.querySelector("circle")).toHaveAttribute("fill", STATUS_DOT_COLORS.met.dark);
});

test("choosing an entity selects its scorecard-sheet row through the host action; a refusal is shown", async () => {
  const onSelectRow = jest
    .fn()
    .mockResolvedValueOnce({ ok: true })
    .mockResolvedValueOnce({ ok: false, message: "The sheet is hidden." });
  renderPane(<ScorecardTable data={DATA} onSelectRow={onSelectRow} />);
  await userEvent.click(screen.getByRole("button", { name: "Dũng" }));
  expect(onSelectRow).toHaveBeenCalledWith("KPI Scorecard", 6);
  expect(screen.queryByText("The sheet is hidden.")).not.toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "North" }));
  expect(onSelectRow).toHaveBeenLastCalledWith("KPI Scorecard", 7);
  expect(await screen.findByText("The sheet is hidden.")).toBeInTheDocument();
});
