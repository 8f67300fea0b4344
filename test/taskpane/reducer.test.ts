import { initialPaneState, type PaneState } from "../../src/taskpane/state/paneState";
import { paneReducer, type PaneAction } from "../../src/taskpane/state/reducer";
import {
  effectiveMapping,
  errorFor,
  errorsUnder,
  weightTotal,
  weightsComplete,
} from "../../src/taskpane/state/selectors";
import { buildDetections, buildPreview, buildTemplate } from "./fixtures";

const run = (actions: PaneAction[], start: PaneState = initialPaneState("en")) => actions.reduce(paneReducer, start);

function withTemplate(): PaneState {
  return run([{ type: "templatesLoaded", choices: [{ origin: "builtin", template: buildTemplate() }] }]);
}

describe("paneReducer: source selection", () => {
  test("sourcesLoaded picks the host's default source when none was chosen", () => {
    const state = run([
      { type: "sourcesLoading" },
      { type: "sourcesLoaded", sources: [], defaultSource: { kind: "table", name: "Sales" } },
    ]);
    expect(state.source).toEqual({ kind: "table", name: "Sales" });
    expect(state.sourcesLoading).toBe(false);
    expect(state.previewLoading).toBe(true);
  });

  test("sourcesLoaded keeps a source the user already chose", () => {
    const state = run([
      { type: "sourcePicked", source: { kind: "sheet", name: "Data" } },
      { type: "sourcesLoaded", sources: [], defaultSource: { kind: "table", name: "Sales" } },
    ]);
    expect(state.source).toEqual({ kind: "sheet", name: "Data" });
  });

  test("picking another source drops the detections and mapping edits of the previous one", () => {
    const state = run([
      { type: "previewLoaded", preview: buildPreview(), detections: buildDetections() },
      { type: "mappingChanged", role: "collected", column: 4 },
      { type: "sourcePicked", source: { kind: "table", name: "Other" } },
    ]);
    expect(state.detections).toEqual([]);
    expect(state.overrides).toEqual({});
    expect(state.preview).toBeNull();
    expect(state.previewLoading).toBe(true);
  });
});

describe("paneReducer: mapping edits", () => {
  const loaded = () => run([{ type: "previewLoaded", preview: buildPreview(), detections: buildDetections() }]);

  test("choosing a column for an undetected role records an override", () => {
    const state = paneReducer(loaded(), { type: "mappingChanged", role: "collected", column: 4 });
    expect(state.overrides).toEqual({ collected: 4 });
    expect(effectiveMapping(state.detections, state.overrides).collected).toBe(4);
  });

  test("unmapping a detected role records null and removes it from the effective mapping", () => {
    const state = paneReducer(loaded(), { type: "mappingChanged", role: "receivable", column: null });
    expect(state.overrides).toEqual({ receivable: null });
    expect(effectiveMapping(state.detections, state.overrides).receivable).toBeUndefined();
  });

  test("choosing the detected column again removes the override instead of storing a no-op", () => {
    const state = run(
      [
        { type: "mappingChanged", role: "revenue", column: 3 },
        { type: "mappingChanged", role: "revenue", column: 2 },
      ],
      loaded(),
    );
    expect(state.overrides).toEqual({});
    expect(effectiveMapping(state.detections, state.overrides).revenue).toBe(2);
  });
});

describe("paneReducer: templates", () => {
  test("templatesLoaded picks the first template and edits a copy, never the original", () => {
    const original = buildTemplate();
    let state = run([{ type: "templatesLoaded", choices: [{ origin: "builtin", template: original }] }]);
    state = paneReducer(state, { type: "kpiEdited", kpi: "net_sales", patch: { weight: 70 } });
    expect(state.draft?.kpis[0].weight).toBe(70);
    expect(original.kpis[0].weight).toBe(60);
  });

  test("switching a KPI off and on again restores its settings", () => {
    const state0 = paneReducer(withTemplate(), { type: "kpiEdited", kpi: "collection_rate", patch: { gate: true } });
    const off = paneReducer(state0, { type: "kpiToggled", kpi: "collection_rate", on: false });
    expect(off.draft?.kpis.map((k) => k.kpi)).toEqual(["net_sales"]);
    const on = paneReducer(off, { type: "kpiToggled", kpi: "collection_rate", on: true });
    expect(on.draft?.kpis.find((k) => k.kpi === "collection_rate")).toEqual({
      kpi: "collection_rate",
      weight: 40,
      target: { type: "fixed", value: 0.95 },
      gate: true,
    });
  });

  test("a KPI switched on for the first time starts with weight 0 and a targets-table target", () => {
    const state = paneReducer(withTemplate(), { type: "kpiToggled", kpi: "gross_margin_pct", on: true });
    expect(state.draft?.kpis[2]).toEqual({ kpi: "gross_margin_pct", weight: 0, target: { type: "table" } });
  });

  test("clearing an optional field with undefined removes the key", () => {
    let state = paneReducer(withTemplate(), { type: "kpiEdited", kpi: "net_sales", patch: { direction: "lower" } });
    state = paneReducer(state, { type: "kpiEdited", kpi: "net_sales", patch: { direction: undefined } });
    expect("direction" in (state.draft?.kpis[0] ?? {})).toBe(false);
  });

  test("template-wide edits: group-by, roll-up, period and fiscal start, gate cap", () => {
    const state = run(
      [
        { type: "templateEdited", patch: { groupBy: "region", rollup: [] } },
        { type: "templateEdited", patch: { period: { kind: "quarter", fiscalYearStartMonth: 4 } } },
        { type: "templateEdited", patch: { gateCap: 0.7 } },
      ],
      withTemplate(),
    );
    expect(state.draft).toMatchObject({
      groupBy: "region",
      rollup: [],
      period: { kind: "quarter", fiscalYearStartMonth: 4 },
      gateCap: 0.7,
    });
  });

  test("editing the draft makes an earlier SMART result stale", () => {
    let state = paneReducer(withTemplate(), { type: "smartDone", items: [] });
    expect(state.smart).toEqual([]);
    state = paneReducer(state, { type: "kpiEdited", kpi: "net_sales", patch: { weight: 50 } });
    expect(state.smart).toBeNull();
  });

  test("an imported template is added as a file choice and picked", () => {
    const imported = buildTemplate({ id: "imported" });
    const state = paneReducer(withTemplate(), { type: "templateImported", template: imported });
    expect(state.templates.map((c) => c.origin)).toEqual(["builtin", "file"]);
    expect(state.templateIndex).toBe(1);
    expect(state.draft?.id).toBe("imported");
  });

  test("saving stores the draft as the workbook's template, replacing an earlier save of the same id", () => {
    let state = paneReducer(withTemplate(), { type: "templateSaved" });
    state = paneReducer(state, { type: "kpiEdited", kpi: "net_sales", patch: { weight: 55 } });
    state = paneReducer(state, { type: "templateSaved" });
    const stored = state.templates.filter((c) => c.origin === "workbook");
    expect(stored).toHaveLength(1);
    expect(stored[0].template.kpis[0].weight).toBe(55);
    expect(state.templateIndex).toBe(1);
  });

  test("validation errors are kept by path and found per field", () => {
    const state = paneReducer(withTemplate(), {
      type: "templateValidated",
      errors: [
        { path: "kpis[1].weight", message: "must be >= 0" },
        { path: "kpis[1].bands[0].min", message: "must be below bands[0].min" },
        { path: "kpis[10].weight", message: "other" },
      ],
    });
    expect(errorFor(state.templateErrors, "kpis[1].weight")).toBe("must be >= 0");
    expect(errorFor(state.templateErrors, "kpis[0].weight")).toBeUndefined();
    expect(errorsUnder(state.templateErrors, "kpis[1]").map((e) => e.path)).toEqual([
      "kpis[1].weight",
      "kpis[1].bands[0].min",
    ]);
  });
});

describe("weight total", () => {
  test("60 + 40 = 100 is complete; 60 + 30 = 90 is not", () => {
    const full = buildTemplate();
    expect(weightTotal(full)).toBe(100);
    expect(weightsComplete(full)).toBe(true);
    const state = paneReducer(run([{ type: "templatesLoaded", choices: [{ origin: "builtin", template: full }] }]), {
      type: "kpiEdited",
      kpi: "collection_rate",
      patch: { weight: 30 },
    });
    expect(weightTotal(state.draft)).toBe(90);
    expect(weightsComplete(state.draft)).toBe(false);
  });

  test("33.3 + 33.3 + 33.4 reads as exactly 100 despite binary fractions", () => {
    const t = buildTemplate({
      kpis: [
        { kpi: "net_sales", weight: 33.3, target: { type: "table" } },
        { kpi: "collection_rate", weight: 33.3, target: { type: "table" } },
        { kpi: "gross_margin_pct", weight: 33.4, target: { type: "table" } },
      ],
    });
    expect(weightTotal(t)).toBe(100);
    expect(weightsComplete(t)).toBe(true);
  });

  test("the pane accepts exactly what template validation accepts: within 0.01 of 100", () => {
    const weights = (a: number, b: number) =>
      buildTemplate({
        kpis: [
          { kpi: "net_sales", weight: a, target: { type: "table" } },
          { kpi: "collection_rate", weight: b, target: { type: "table" } },
        ],
      });
    expect(weightsComplete(weights(33.335, 66.67))).toBe(true); // 100.005: validation accepts it
    expect(weightsComplete(weights(33.33, 66.65))).toBe(false); // 99.98
  });
});

describe("paneReducer: apply", () => {
  const progress = { phase: "reading" as const, rowsDone: 500, rowsTotal: 1000 };
  const summary = {
    period: "2026-03",
    entities: 4,
    best: { entity: "An", score: 1.1 },
    worst: { entity: "Bình", score: 0.6 },
    failedGates: 1,
    notes: 2,
    notesSheet: "KPI Notes",
    rowsRead: 250,
    rowsUsed: 248,
  };

  test("progress is shown while running, then the summary", () => {
    let state = run([{ type: "applyStarted" }, { type: "applyProgress", progress }]);
    expect(state.apply).toEqual({ status: "running", progress });
    state = paneReducer(state, { type: "applySucceeded", summary });
    expect(state.apply).toEqual({ status: "done", summary });
  });

  test("a late progress event after the run ended is ignored", () => {
    const state = run([
      { type: "applyStarted" },
      { type: "applyFailed", message: "Excel is editing a cell." },
      { type: "applyProgress", progress },
    ]);
    expect(state.apply).toEqual({ status: "error", message: "Excel is editing a cell." });
  });

  test("language changes keep everything else", () => {
    const before = withTemplate();
    const after = paneReducer(before, { type: "languageChanged", lang: "zh-Hant" });
    expect(after.lang).toBe("zh-Hant");
    expect(after.draft).toBe(before.draft);
  });
});
