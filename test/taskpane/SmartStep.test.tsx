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
  const { unmount } = renderPane(
    <SmartStep items={null} loading={false} canCheck={false} catalog={CATALOG} onCheck={onCheck} />,
  );
  expect(screen.getByRole("button", { name: "Run the SMART check" })).toBeDisabled();
  unmount();
  renderPane(<SmartStep items={null} loading={false} canCheck catalog={CATALOG} onCheck={onCheck} />);
  await userEvent.click(screen.getByRole("button", { name: "Run the SMART check" }));
  expect(onCheck).toHaveBeenCalledTimes(1);
});

test("coded checks are written in the pane's language: Vietnamese roles, numbers and KPI names", () => {
  const coded: SmartCheckItem[] = [
    {
      kpi: "collection_rate",
      checks: {
        specific: {
          ok: true,
          detail: "collection_rate is named and has a definition.",
          code: "specific_ok",
          params: { kpi: "collection_rate" },
        },
        measurable: {
          ok: false,
          detail: "Map a column for: collected, receivable.",
          code: "measurable_unmapped",
          params: { roles: "collected, receivable" },
        },
        attainable: {
          ok: false,
          detail:
            "Target 2,000,000 is above 150% of the highest past actual (past 2 periods: 900,000 to 1,000,000); lower it to at most 1,500,000.",
          code: "attainable_too_high",
          params: { target: 2_000_000, low: 450_000, high: 1_500_000, periods: 2, lowest: 900_000, highest: 1_000_000 },
        },
        relevant: { ok: true, detail: "Weight 40% of 100%.", code: "relevant_ok", params: { weight: 40 } },
        timeBound: { ok: true, detail: "Measured per month.", code: "time_bound_ok", params: { periodKind: "month" } },
      },
    },
  ];
  renderPane(<SmartStep items={coded} loading={false} canCheck catalog={CATALOG} onCheck={() => {}} />, "vi");
  const results = screen.getByRole("list", { name: "Kết quả kiểm tra SMART" });
  expect(within(results).getByText(/Hãy gán cột cho: Đã thu, Phải thu\./)).toBeInTheDocument();
  // vi-VN groups thousands with dots
  expect(
    within(results).getByText(/Mục tiêu 2\.000\.000 cao hơn 150% .*hãy hạ xuống tối đa 1\.500\.000\./),
  ).toBeInTheDocument();
  expect(within(results).getByText(/Tỷ lệ thu hồi nợ có tên và có định nghĩa\./)).toBeInTheDocument();
  expect(within(results).getByText(/Đo lường theo tháng\./)).toBeInTheDocument();
  expect(within(results).queryByText(/Map a column/)).toBeNull();
});
