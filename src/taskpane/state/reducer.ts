/**
 * The pane's pure reducer: every user step and every host answer is an action.
 * No Office, no React, no I/O here, so it is tested without a browser.
 */
import type {
  KpiId,
  Lang,
  Role,
  RoleDetection,
  SmartCheckItem,
  Template,
  TemplateError,
  TemplateKpi,
} from "../../engine/types";
import type { Progress, SourceInfo, SourceRef } from "../../workbook/contract";
import type { ApplySummary, Notice, PaneState, ReviewView, SourcePreview, TemplateChoice } from "./paneState";

export type PaneAction =
  | { type: "languageChanged"; lang: Lang }
  | { type: "sourcesLoading" }
  | { type: "sourcesLoaded"; sources: SourceInfo[]; defaultSource: SourceRef | null }
  | { type: "sourcePicked"; source: SourceRef }
  | { type: "targetsPicked"; targets: SourceRef | null }
  | { type: "previewLoaded"; preview: SourcePreview; detections: RoleDetection[] }
  | { type: "previewFailed" }
  | { type: "mappingChanged"; role: Role; column: number | null }
  | { type: "mappingRestored"; overrides: PaneState["overrides"] }
  | { type: "templatesLoaded"; choices: TemplateChoice[]; pick?: number }
  | { type: "templatePicked"; index: number }
  | { type: "templateImported"; template: Template }
  | { type: "templateSaved" }
  | { type: "templateEdited"; patch: Partial<Omit<Template, "kpis">> }
  | { type: "kpiToggled"; kpi: KpiId; on: boolean }
  | { type: "kpiEdited"; kpi: KpiId; patch: Partial<TemplateKpi> }
  | { type: "templateValidated"; errors: TemplateError[] }
  | { type: "smartStarted" }
  | { type: "smartDone"; items: SmartCheckItem[]; review?: ReviewView }
  | { type: "smartFailed"; message: string }
  | { type: "sourceRulesChanged"; on: boolean }
  | { type: "strictChanged"; on: boolean }
  | { type: "asOfDateChanged"; text: string }
  | { type: "applyStarted" }
  | { type: "applyProgress"; progress: Progress }
  | { type: "applySucceeded"; summary: ApplySummary }
  | { type: "applyFailed"; message: string }
  | { type: "noticeShown"; notice: Notice }
  | { type: "noticeDismissed" };

/** Templates are JSON documents, so a JSON round trip is a faithful deep copy. */
function copyTemplate(template: Template): Template {
  return JSON.parse(JSON.stringify(template)) as Template;
}

/** A patch may clear an optional field with undefined: drop the key so the JSON stays clean. */
function merge<T extends object>(base: T, patch: Partial<T>): T {
  const merged = { ...base, ...patch } as Record<string, unknown>;
  for (const key of Object.keys(patch)) if (merged[key] === undefined) delete merged[key];
  return merged as T;
}

/** A KPI switched on for the first time: no weight yet, target read from the targets table. */
function newTemplateKpi(kpi: KpiId): TemplateKpi {
  return { kpi, weight: 0, target: { type: "table" } };
}

function pickTemplate(state: PaneState, templates: TemplateChoice[], index: number | null): PaneState {
  const choice = index === null ? undefined : templates[index];
  return {
    ...state,
    templates,
    templateIndex: choice ? index : null,
    draft: choice ? copyTemplate(choice.template) : null,
    parkedKpis: {},
    templateErrors: [],
    smart: null,
    review: null,
  };
}

/** Any edit of the draft makes the SMART result stale; validation follows from the App's effect. */
function withDraft(state: PaneState, draft: Template, parkedKpis = state.parkedKpis): PaneState {
  return { ...state, draft, parkedKpis, smart: null, review: null };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "languageChanged":
      return { ...state, lang: action.lang };

    case "sourcesLoading":
      return { ...state, sourcesLoading: true };
    case "sourcesLoaded": {
      const source = state.source ?? action.defaultSource;
      return { ...state, sources: action.sources, sourcesLoading: false, source, previewLoading: source !== null };
    }
    case "sourcePicked":
      // A new source has other columns: earlier detections and edits do not apply to it.
      return {
        ...state,
        source: action.source,
        preview: null,
        previewLoading: true,
        detections: [],
        overrides: {},
        smart: null,
        review: null,
        apply: { status: "idle" },
      };
    case "targetsPicked":
      return { ...state, targets: action.targets, smart: null, review: null };
    case "previewLoaded":
      return { ...state, preview: action.preview, detections: action.detections, previewLoading: false };
    case "previewFailed":
      return { ...state, preview: null, detections: [], previewLoading: false };

    case "mappingChanged": {
      const detected = state.detections.find((d) => d.role === action.role);
      const overrides = { ...state.overrides };
      // Choosing what detection already found is not an edit: keep overrides minimal.
      if ((detected ? detected.column : null) === action.column) delete overrides[action.role];
      else overrides[action.role] = action.column;
      return { ...state, overrides, smart: null, review: null };
    }
    case "mappingRestored":
      return { ...state, overrides: { ...action.overrides } };

    case "templatesLoaded": {
      const keep =
        state.templateIndex !== null && state.templateIndex < action.choices.length ? state.templateIndex : null;
      const index = action.pick ?? keep ?? (action.choices.length > 0 ? 0 : null);
      if (index === state.templateIndex && state.draft) return { ...state, templates: action.choices };
      return pickTemplate(state, action.choices, index);
    }
    case "templatePicked":
      return pickTemplate(state, state.templates, action.index);
    case "templateImported": {
      const templates = [...state.templates, { origin: "file" as const, template: action.template }];
      return pickTemplate(state, templates, templates.length - 1);
    }
    case "templateSaved": {
      if (!state.draft) return state;
      const saved: TemplateChoice = { origin: "workbook", template: copyTemplate(state.draft) };
      const existing = state.templates.findIndex((c) => c.origin === "workbook" && c.template.id === saved.template.id);
      const templates = [...state.templates];
      if (existing >= 0) templates[existing] = saved;
      else templates.push(saved);
      return { ...state, templates, templateIndex: existing >= 0 ? existing : templates.length - 1 };
    }

    case "templateEdited":
      if (!state.draft) return state;
      return withDraft(state, merge(state.draft, action.patch as Partial<Template>));
    case "kpiToggled": {
      const draft = state.draft;
      if (!draft) return state;
      const present = draft.kpis.some((k) => k.kpi === action.kpi);
      if (action.on === present) return state;
      if (action.on) {
        const restored = state.parkedKpis[action.kpi] ?? newTemplateKpi(action.kpi);
        const parked = { ...state.parkedKpis };
        delete parked[action.kpi];
        return withDraft(state, { ...draft, kpis: [...draft.kpis, restored] }, parked);
      }
      const removed = draft.kpis.find((k) => k.kpi === action.kpi) as TemplateKpi;
      return withDraft(
        state,
        { ...draft, kpis: draft.kpis.filter((k) => k.kpi !== action.kpi) },
        { ...state.parkedKpis, [action.kpi]: removed },
      );
    }
    case "kpiEdited": {
      const draft = state.draft;
      if (!draft || !draft.kpis.some((k) => k.kpi === action.kpi)) return state;
      const kpis = draft.kpis.map((k) => (k.kpi === action.kpi ? merge(k, action.patch) : k));
      return withDraft(state, { ...draft, kpis });
    }
    case "templateValidated":
      return { ...state, templateErrors: action.errors };

    case "smartStarted":
      return { ...state, smartLoading: true };
    case "smartDone":
      return { ...state, smartLoading: false, smart: action.items, review: action.review ?? null };
    case "smartFailed":
      return {
        ...state,
        smartLoading: false,
        smart: null,
        review: null,
        notice: { intent: "error", text: action.message },
      };

    case "sourceRulesChanged":
      return { ...state, sourceRules: action.on };
    case "strictChanged":
      return { ...state, strict: action.on };
    case "asOfDateChanged":
      return { ...state, asOfDate: action.text };
    case "applyStarted":
      return { ...state, apply: { status: "running", progress: null }, notice: null };
    case "applyProgress":
      // A late progress event after the run ended must not bring the spinner back.
      if (state.apply.status !== "running") return state;
      return { ...state, apply: { status: "running", progress: action.progress } };
    case "applySucceeded":
      return { ...state, apply: { status: "done", summary: action.summary }, review: action.summary.review ?? null };
    case "applyFailed":
      return { ...state, apply: { status: "error", message: action.message } };

    case "noticeShown":
      return { ...state, notice: action.notice };
    case "noticeDismissed":
      return { ...state, notice: null };
  }
}
