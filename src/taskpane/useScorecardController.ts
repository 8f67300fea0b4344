/**
 * The task pane's controller: the reducer, the host calls and their effects (first load, preview,
 * validation, quick start) and the callbacks the steps need. App only composes the steps; tests drive
 * this hook with fake PaneActions (test/taskpane/useScorecardController.test.tsx).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  asOfDateProblem,
  exportTemplate,
  problemText,
  rolesARunNeeds,
  rolesMissingFor,
  templateSupport,
} from "../engine";
import { serialIsoDate, todaySerial } from "../engine/values/excelSerial";
import { DEFAULT_PACE_BASIS, DEFAULT_WORK_WEEK } from "../engine/scorecard/pace";
import type { Lang, PaceBasis, Template } from "../engine/types";
import type { StoredSettings } from "../workbook/contract";
import { decodeOverrides, encodeOverrides } from "../workbook/settingsCodec";
import { sourceKey } from "./components/sourceRefs";
import type { PaneActions, RunRequest } from "./paneActions";
import { initialPaneState, type TemplateChoice } from "./state/paneState";
import { paneReducer } from "./state/reducer";
import { effectiveMapping } from "./state/selectors";
import { loadTemplateTools } from "./templateTools";

export interface ControllerOptions {
  actions: PaneActions;
  initialLang: Lang;
  /** Built-in templates offered first in the picker; the engine's built-ins when not given. */
  builtins?: readonly Template[];
  /** Called once after the first render, when the pane answers input (for the load-time measure). */
  onInteractive?: () => void;
}

export function useScorecardController({ actions, initialLang, builtins, onInteractive }: ControllerOptions) {
  const { t, i18n } = useTranslation();
  const [state, dispatch] = useReducer(paneReducer, initialLang, initialPaneState);
  const stored = useRef<StoredSettings | null>(null);
  /** Header rows the user picked, per source; absent: the engine finds the header. */
  const [headerRows, setHeaderRows] = useState<Record<string, number>>({});

  // The template validator comes in a lazy chunk; if it cannot load, say so instead of failing silently.
  const toolsFailed = (error: unknown) =>
    dispatch({
      type: "noticeShown",
      notice: {
        intent: "error",
        text: t("error.unexpected", { message: error instanceof Error ? error.message : String(error) }),
      },
    });

  // Language: the reducer holds the choice, i18next follows it.
  useEffect(() => {
    if (i18n.language !== state.lang) void i18n.changeLanguage(state.lang);
  }, [i18n, state.lang]);

  useEffect(() => {
    onInteractive?.();
  }, []);

  // First load: sources, then templates (built-ins + the one stored in the workbook) and stored choices.
  useEffect(() => {
    let live = true;
    void (async () => {
      const [settingsResult, tools] = await Promise.all([
        actions.loadSettings(),
        loadTemplateTools().catch((error: unknown) => {
          toolsFailed(error);
          return null;
        }),
      ]);
      if (!live) return;
      const settings = settingsResult.ok ? settingsResult.settings : null;
      if (!settingsResult.ok)
        dispatch({ type: "noticeShown", notice: { intent: "warning", text: settingsResult.message } });
      stored.current = settings;
      const choices: TemplateChoice[] = (builtins ?? tools?.BUILTIN_TEMPLATES ?? []).map((template) => ({
        origin: "builtin",
        template,
      }));
      let pick: number | undefined;
      if (settings?.templateJson && tools) {
        const parsed = tools.parseTemplateJson(settings.templateJson);
        if (parsed.ok) {
          choices.push({ origin: "workbook", template: parsed.template });
          pick = choices.length - 1;
        } else {
          const first = parsed.errors[0];
          dispatch({
            type: "noticeShown",
            notice: {
              intent: "warning",
              text: t("notice.storedTemplateInvalid", { path: first?.path ?? "", message: first?.message ?? "" }),
            },
          });
        }
      }
      dispatch({ type: "templatesLoaded", choices, pick });
      if (settings?.lang && settings.lang !== initialLang) dispatch({ type: "languageChanged", lang: settings.lang });
      if (settings?.targets) dispatch({ type: "targetsPicked", targets: settings.targets });
      if (settings?.source) dispatch({ type: "sourcePicked", source: settings.source });
      dispatch({ type: "sourcesLoading" });
      const sources = await actions.listSources();
      if (!live) return;
      if (sources.ok)
        dispatch({ type: "sourcesLoaded", sources: sources.sources, defaultSource: sources.defaultSource });
      else {
        dispatch({ type: "sourcesLoaded", sources: [], defaultSource: null });
        dispatch({ type: "noticeShown", notice: { intent: "error", text: sources.message } });
      }
    })();
    return () => {
      live = false;
    };
    // Runs once: the host and the built-ins do not change during the pane's life.
  }, []);

  const refreshSources = useCallback(async () => {
    dispatch({ type: "sourcesLoading" });
    const sources = await actions.listSources();
    if (sources.ok) dispatch({ type: "sourcesLoaded", sources: sources.sources, defaultSource: sources.defaultSource });
    else {
      dispatch({ type: "sourcesLoaded", sources: state.sources, defaultSource: null });
      dispatch({ type: "noticeShown", notice: { intent: "error", text: sources.message } });
    }
  }, [actions, state.sources]);

  // A picked source is read and its columns detected; stored mapping edits are restored on the same source.
  const currentSource = sourceKey(state.source);
  const sameAsStored = (key: string) =>
    stored.current?.source !== undefined && sourceKey(stored.current.source) === key;
  const headerRow: number | undefined =
    headerRows[currentSource] ?? (sameAsStored(currentSource) ? stored.current?.headerRow : undefined);
  useEffect(() => {
    if (!state.source) return;
    let live = true;
    const source = state.source;
    const read = headerRow === undefined ? actions.readPreview(source) : actions.readPreview(source, headerRow);
    void read.then((result) => {
      if (!live) return;
      if (!result.ok) {
        dispatch({ type: "previewFailed" });
        dispatch({ type: "noticeShown", notice: { intent: "error", text: result.message } });
        return;
      }
      dispatch({ type: "previewLoaded", preview: result.preview, detections: result.detections });
      const settings = stored.current;
      if (settings?.overrides && settings.source && sourceKey(settings.source) === sourceKey(source)) {
        const restored = decodeOverrides(settings.overrides, result.preview.headers);
        dispatch({ type: "mappingRestored", overrides: restored.overrides });
        if (restored.lost.length > 0)
          dispatch({
            type: "noticeShown",
            notice: {
              intent: "warning",
              text: t("notice.mappingLost", { roles: restored.lost.map((role) => t(`role.${role}`)).join(", ") }),
            },
          });
      }
    });
    return () => {
      live = false;
    };
  }, [actions, currentSource, headerRow]);

  // Every edit is validated against the template schema; errors land next to their fields.
  useEffect(() => {
    if (!state.draft) return;
    const draft = state.draft;
    let live = true;
    loadTemplateTools().then(({ validateTemplate }) => {
      if (!live) return; // a newer edit is being validated
      const result = validateTemplate(draft);
      dispatch({ type: "templateValidated", errors: result.ok ? [] : result.errors });
    }, toolsFailed);
    return () => {
      live = false;
    };
  }, [state.draft]);

  // Pace options: the typed as-of date is checked by the engine's rule, in the pane's language.
  const asOfDate = state.asOfDate.trim();
  const asOfDateBad = asOfDate === "" ? null : asOfDateProblem(asOfDate);
  const asOfDateError = asOfDateBad ? problemText(asOfDateBad, state.lang) : null;
  const today = serialIsoDate(todaySerial(new Date()));
  // The work week and the basis are the template's pace settings (saved with it, read by every run).
  const workWeek = state.draft?.pace?.workWeek ?? DEFAULT_WORK_WEEK;
  const paceBasis = state.draft?.pace?.basis ?? DEFAULT_PACE_BASIS;
  const onWorkWeekChange = (days: number[]) =>
    state.draft && dispatch({ type: "templateEdited", patch: { pace: { ...state.draft.pace, workWeek: days } } });
  const onPaceBasisChange = (basis: PaceBasis) =>
    state.draft && dispatch({ type: "templateEdited", patch: { pace: { ...state.draft.pace, basis } } });
  const onAsOfDateChange = (text: string) => dispatch({ type: "asOfDateChanged", text });

  const request = (): RunRequest | null =>
    state.source && state.draft
      ? {
          source: state.source,
          targets: state.targets,
          template: state.draft,
          overrides: state.overrides,
          lang: state.lang,
          sourceRules: state.sourceRules,
          ...(headerRow !== undefined ? { headerRow } : {}),
          strict: state.strict,
          ...(asOfDate !== "" ? { asOfDate } : {}),
        }
      : null;

  const onApply = async () => {
    const req = request();
    if (!req) return;
    dispatch({ type: "applyStarted" });
    try {
      const result = await actions.apply(req, (progress) => dispatch({ type: "applyProgress", progress }));
      if (result.ok) dispatch({ type: "applySucceeded", summary: result.summary });
      else dispatch({ type: "applyFailed", message: result.message });
    } catch (error) {
      // A bug in the host wiring must still leave a usable pane with a message.
      dispatch({ type: "applyFailed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onSmartCheck = async () => {
    const req = request();
    if (!req) return;
    dispatch({ type: "smartStarted" });
    const result = await actions.smartCheck(req);
    if (result.ok) dispatch({ type: "smartDone", items: result.items, review: result.review });
    else dispatch({ type: "smartFailed", message: result.message });
  };

  const onSave = async (template: Template) => {
    // The same codec as Apply (runScorecard): by header, the index as tie-breaker.
    const overrides = encodeOverrides(state.overrides, state.preview?.headers ?? []);
    const settings: StoredSettings = { templateJson: exportTemplate(template), overrides, lang: state.lang };
    if (state.source) settings.source = state.source;
    if (headerRow !== undefined) settings.headerRow = headerRow;
    if (state.targets) settings.targets = state.targets;
    const result = await actions.saveSettings(settings);
    if (result.ok) {
      stored.current = settings;
      dispatch({ type: "templateSaved" });
      dispatch({ type: "noticeShown", notice: { intent: "success", text: t("notice.saved") } });
    } else dispatch({ type: "noticeShown", notice: { intent: "error", text: result.message } });
  };

  const onImport = async (fileName: string, text: string) => {
    let parsed;
    try {
      parsed = (await loadTemplateTools()).parseTemplateJson(text);
    } catch (error) {
      toolsFailed(error);
      return;
    }
    if (parsed.ok) {
      dispatch({ type: "templateImported", template: parsed.template });
      dispatch({ type: "noticeShown", notice: { intent: "success", text: t("notice.imported", { file: fileName }) } });
    } else {
      const lines = parsed.errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
      dispatch({
        type: "noticeShown",
        notice: { intent: "error", text: t("notice.importFailed", { file: fileName, problems: lines.join("; ") }) },
      });
    }
  };

  // Say which columns are missing before a run fails on them (once the source's columns are known).
  const mapping = effectiveMapping(state.detections, state.overrides);
  // The engine's rule (date and grouping, or every KPI role when strict; revenue may be quantity × unit price).
  const missingRoles =
    state.draft && state.preview ? rolesMissingFor(rolesARunNeeds(state.draft, undefined, state.strict), mapping) : [];
  const blockedReason = !state.source
    ? t("apply.needSource")
    : !state.draft
      ? t("apply.needTemplate")
      : state.templateErrors.length > 0
        ? t("apply.fixTemplate")
        : missingRoles.length > 0
          ? t("apply.needColumns", { roles: missingRoles.map((role) => t(`role.${role}`)).join(", ") })
          : asOfDateError;
  // The quick-start template from the columns the source has (every KPI they support, targets from history).
  // Built in the template-tools chunk (it validates the template), loaded on first use.
  const [quickStart, setQuickStart] = useState<Template | null>(null);
  useEffect(() => {
    if (!state.preview) return setQuickStart(null);
    const mapping = effectiveMapping(state.detections, state.overrides);
    let live = true;
    loadTemplateTools().then(
      ({ quickStartTemplate }) => live && setQuickStart(quickStartTemplate(mapping)),
      toolsFailed,
    );
    return () => {
      live = false;
    };
  }, [state.preview, state.detections, state.overrides]);
  const templateKpis = useMemo(() => state.draft?.kpis.map((k) => k.kpi) ?? [], [state.draft]);

  const supported = state.preview
    ? state.templates.map((c) => Math.round(templateSupport(c.template, mapping).supportedWeight))
    : undefined;
  const onHeaderRowChange = (row: number | null) =>
    setHeaderRows((rows) => {
      const next = { ...rows };
      if (row === null) delete next[currentSource];
      else next[currentSource] = row;
      return next;
    });

  return {
    state,
    dispatch,
    blockedReason,
    templateKpis,
    supported,
    quickStart,
    refreshSources,
    onApply,
    onSmartCheck,
    onSave,
    onImport,
    onHeaderRowChange,
    pace: {
      asOfDate: state.asOfDate,
      asOfDateError,
      today,
      onAsOfDateChange,
      workWeek,
      onWorkWeekChange,
      basis: paceBasis,
      onBasisChange: onPaceBasisChange,
    },
  };
}
