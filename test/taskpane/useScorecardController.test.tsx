/** @jest-environment jsdom */
import type { ReactNode } from "react";
import { act, renderHook, waitFor } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../../src/i18n";
import type { PaneActions } from "../../src/taskpane/paneActions";
import { useScorecardController } from "../../src/taskpane/useScorecardController";
import type { StoredSettings } from "../../src/workbook/contract";
import { buildDetections, buildPreview, buildTemplate } from "./fixtures";

const SOURCE = { kind: "table" as const, name: "SalesData" };

function fakeActions(settings: StoredSettings | null = null, over: Partial<PaneActions> = {}): PaneActions {
  return {
    listSources: jest.fn(async () => ({
      ok: true as const,
      sources: [{ kind: "table" as const, name: "SalesData", sheet: "Sales", rows: 3, columns: 6 }],
      defaultSource: SOURCE,
    })),
    readPreview: jest.fn(async () => ({ ok: true as const, preview: buildPreview(), detections: buildDetections() })),
    loadSettings: jest.fn(async () => ({ ok: true as const, settings })),
    saveSettings: jest.fn(async () => ({ ok: true as const })),
    smartCheck: jest.fn(async () => ({ ok: true as const, items: [] })),
    apply: jest.fn(async () => ({ ok: false as const, message: "refused" })),
    showSheet: jest.fn(async () => {}),
    selectScorecardRow: jest.fn(async () => ({ ok: true as const })),
    ...over,
  };
}

function renderController(actions: PaneActions) {
  const i18n = createI18n("en");
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  return renderHook(() => useScorecardController({ actions, initialLang: "en", builtins: [buildTemplate()] }), {
    wrapper,
  });
}

test("first load: settings, sources and the preview; stored overrides are read back by header, not by index", async () => {
  // Saved when "Đã thu" was column 2; the source now has it at column 4.
  const actions = fakeActions({
    source: SOURCE,
    overrides: { collected: { header: "Đã thu", index: 2 }, region: null },
  });
  const { result } = renderController(actions);
  await waitFor(() => expect(result.current.state.preview).not.toBeNull());
  await waitFor(() => expect(result.current.state.overrides).toEqual({ collected: 4, region: null }));
  expect(actions.readPreview).toHaveBeenCalledWith(SOURCE);
});

test("a stored column no longer in the source is not mapped to another one, and the user is told", async () => {
  const actions = fakeActions({ source: SOURCE, overrides: { collected: { header: "Collected (old)", index: 4 } } });
  const { result } = renderController(actions);
  await waitFor(() => expect(result.current.state.notice?.text).toMatch(/no longer in the source.*Collected/));
  expect(result.current.state.overrides).toEqual({});
});

test("Save stores overrides by header with the index, the form Apply stores and the restore reads", async () => {
  const actions = fakeActions();
  const { result } = renderController(actions);
  await waitFor(() => expect(result.current.state.preview).not.toBeNull());
  act(() => result.current.dispatch({ type: "mappingChanged", role: "collected", column: 4 }));
  await act(() => result.current.onSave(buildTemplate()));
  const saved = (actions.saveSettings as jest.Mock).mock.calls[0][0] as StoredSettings;
  expect(saved.overrides).toEqual({ collected: { header: "Đã thu", index: 4 } });
  expect(saved.source).toEqual(SOURCE);
});

test("Apply sends the pane's choices and shows the host's refusal", async () => {
  const actions = fakeActions();
  const { result } = renderController(actions);
  await waitFor(() => expect(result.current.blockedReason).toBeNull());
  await act(() => result.current.onApply());
  expect(actions.apply).toHaveBeenCalledWith(
    expect.objectContaining({ source: SOURCE, template: buildTemplate(), overrides: {}, lang: "en", strict: false }),
    expect.any(Function),
  );
  expect(result.current.state.apply).toMatchObject({ status: "error", message: "refused" });
});

test("blocked only by the engine's rule: revenue from quantity × unit price counts as a revenue column", async () => {
  const detections = buildDetections().filter((d) => d.role !== "revenue");
  const actions = fakeActions(null, {
    readPreview: jest.fn(async () => ({ ok: true as const, preview: buildPreview(), detections })),
  });
  const { result } = renderController(actions);
  await waitFor(() => expect(result.current.state.preview).not.toBeNull());
  act(() => result.current.dispatch({ type: "strictChanged", on: true }));
  act(() => result.current.dispatch({ type: "mappingChanged", role: "collected", column: 4 }));
  expect(result.current.blockedReason).toMatch(/Revenue/);
  act(() => result.current.dispatch({ type: "mappingChanged", role: "quantity", column: 2 }));
  act(() => result.current.dispatch({ type: "mappingChanged", role: "unit_price", column: 5 }));
  expect(result.current.blockedReason).toBeNull();
});
