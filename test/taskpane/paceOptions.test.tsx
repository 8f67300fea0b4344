/** @jest-environment jsdom */
/**
 * The Apply step's pace options (issue 13 §2): the optional as-of date, checked by the engine's rule with its
 * message in the pane's language; the work-week editor (seven weekdays, at least one on) and the basis, which
 * are the template's pace settings; all of them reach the run the Apply button starts.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { PaneActions, RunRequest } from "../../src/taskpane/paneActions";
import { CATALOG, buildDetections, buildPreview, buildTemplate } from "./fixtures";
import { renderPane } from "./renderPane";

jest.setTimeout(30000);

function paneActions(): PaneActions {
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
    apply: jest.fn(async () => ({ ok: false as const, message: "refused" })),
    showSheet: jest.fn(async () => {}),
    selectScorecardRow: jest.fn(async () => ({ ok: true as const })),
  };
}

async function openPane(lang: "en" | "vi" | "zh-Hans" | "zh-Hant" = "en") {
  const actions = paneActions();
  renderPane(<App actions={actions} initialLang={lang} catalog={CATALOG} builtins={[buildTemplate()]} />, lang);
  await waitFor(() => expect(actions.readPreview).toHaveBeenCalled(), { timeout: 10000 });
  return actions;
}

const applyButton = (name = "Apply to workbook") => screen.getByRole("button", { name });
const sentRequest = (actions: PaneActions) => (actions.apply as jest.Mock).mock.calls[0][0] as RunRequest;

test("the as-of date is optional: empty, the run gets none and Apply is allowed; the hint shows today's date", async () => {
  const actions = await openPane();
  const field = screen.getByRole("textbox", { name: "As-of date (optional)" });
  expect(field).toHaveValue("");
  const today = new Date().toISOString().slice(0, 10);
  expect(field).toHaveAttribute("placeholder", today);
  expect(screen.getByText(new RegExp(`e\\.g\\. ${today}\\. Scores the period holding that day`))).toBeInTheDocument();
  await waitFor(() => expect(applyButton()).toBeEnabled(), { timeout: 10000 });
  await userEvent.click(applyButton());
  await waitFor(() => expect(actions.apply).toHaveBeenCalled());
  expect(sentRequest(actions)).not.toHaveProperty("asOfDate");
});

test("a date that is not one gets the engine's message under the field and blocks Apply until fixed", async () => {
  const actions = await openPane();
  await waitFor(() => expect(applyButton()).toBeEnabled(), { timeout: 10000 });
  const field = screen.getByRole("textbox", { name: "As-of date (optional)" });
  await userEvent.type(field, "2026-02-30");
  const message = "As-of date 2026-02-30 is not a date: use YYYY-MM-DD, e.g. 2026-03-15.";
  expect(screen.getAllByText(message).length).toBeGreaterThanOrEqual(1);
  expect(field).toHaveAttribute("aria-invalid", "true");
  expect(applyButton()).toBeDisabled();
  await userEvent.clear(field);
  await userEvent.type(field, "2026-03-13");
  expect(screen.queryByText(message)).not.toBeInTheDocument();
  await waitFor(() => expect(applyButton()).toBeEnabled());
  await userEvent.click(applyButton());
  await waitFor(() => expect(actions.apply).toHaveBeenCalled());
  expect(sentRequest(actions).asOfDate).toBe("2026-03-13");
});

test("the message is in the pane's language", async () => {
  await openPane("vi");
  await userEvent.type(screen.getByRole("textbox", { name: "Ngày tính (không bắt buộc)" }), "13/03/2026");
  expect(
    screen.getAllByText("Ngày tính “13/03/2026” không phải là ngày: hãy dùng dạng YYYY-MM-DD, ví dụ 2026-03-15.")
      .length,
  ).toBeGreaterThanOrEqual(1);
});

test("the work-week editor: Monday–Friday on by default; Saturday on → the template's pace.workWeek in the run", async () => {
  const actions = await openPane();
  const week = screen.getByRole("group", { name: "Working days" });
  const days = within(week).getAllByRole("button");
  expect(days.map((d) => d.getAttribute("aria-label"))).toEqual([
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
  ]);
  expect(days.map((d) => d.getAttribute("aria-pressed"))).toEqual([
    "true",
    "true",
    "true",
    "true",
    "true",
    "false",
    "false",
  ]);
  await userEvent.click(within(week).getByRole("button", { name: "Saturday" }));
  expect(within(week).getByRole("button", { name: "Saturday" })).toHaveAttribute("aria-pressed", "true");
  await waitFor(() => expect(applyButton()).toBeEnabled(), { timeout: 10000 });
  await userEvent.click(applyButton());
  await waitFor(() => expect(actions.apply).toHaveBeenCalled());
  expect(sentRequest(actions).template.pace).toEqual({ workWeek: [1, 2, 3, 4, 5, 6] });
});

test("at least one day stays on: the last working day cannot be switched off", async () => {
  await openPane();
  const week = screen.getByRole("group", { name: "Working days" });
  for (const name of ["Monday", "Tuesday", "Wednesday", "Thursday"])
    await userEvent.click(within(week).getByRole("button", { name }));
  const friday = within(week).getByRole("button", { name: "Friday" });
  expect(friday).toHaveAttribute("aria-pressed", "true");
  expect(friday).toBeDisabled();
  expect(within(week).getByRole("button", { name: "Monday" })).toBeEnabled();
  expect(screen.getByText(/At least one day must stay on/)).toBeInTheDocument();
});

test("weekday names in the four languages", async () => {
  const names: Record<string, string[]> = {
    vi: ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"],
    "zh-Hans": ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
  };
  for (const [lang, expected] of Object.entries(names)) {
    const { unmount } = renderPane(
      <App actions={paneActions()} initialLang={lang as "vi"} catalog={CATALOG} builtins={[buildTemplate()]} />,
      lang as "vi",
    );
    const week = await screen.findByRole("group", { name: lang === "vi" ? "Ngày làm việc" : "工作日" });
    expect(
      within(week)
        .getAllByRole("button")
        .map((d) => d.getAttribute("aria-label")),
    ).toEqual(expected);
    unmount();
  }
});

test("the basis choice is the template's pace.basis in the run", async () => {
  const actions = await openPane();
  const basis = screen.getByRole("combobox", { name: "Expected to date by" });
  expect(basis).toHaveValue("lastYear");
  await userEvent.selectOptions(basis, "workingDays");
  await waitFor(() => expect(applyButton()).toBeEnabled(), { timeout: 10000 });
  await userEvent.click(applyButton());
  await waitFor(() => expect(actions.apply).toHaveBeenCalled());
  expect(sentRequest(actions).template.pace).toEqual({ basis: "workingDays" });
});
