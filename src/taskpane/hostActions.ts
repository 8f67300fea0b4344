/**
 * PaneActions over a WorkbookPort: what App asks, done with the engine and the workbook contract.
 * No Office here (officeHost.ts supplies the port and the sheet activation), so any port works.
 * Failures become messages in the pane's language; nothing thrown reaches the components.
 */
import type { TFunction } from "i18next";
import { detectColumns, layoutTable, problemText, scoreTable } from "../engine";
import type { Lang, SourceTable } from "../engine/types";
import {
  WorkbookError,
  type Progress,
  type ProgressListener,
  type SourceRef,
  type WorkbookPort,
} from "../workbook/contract";
import { runScorecard, type RunError } from "../workbook/runScorecard";
import type { PaneActions } from "./paneActions";
import { reviewView, summarize } from "./state/summarize";

/** Rows kept for the Columns step's sample values. */
const PREVIEW_ROWS = 20;
/** Rows under the header the Columns step reads: enough for the layout and the role detection. */
const PREVIEW_READ_ROWS = 200;

export interface HostActionDeps {
  port: WorkbookPort;
  /** Translates with the pane's current language (the i18next instance's t). */
  t: TFunction;
  /** Brings a sheet to the front; the only Office call outside the port. */
  activateSheet: (name: string) => Promise<void>;
  /**
   * Sets (or clears, null) who is told while Excel waits for the user to leave a cell; officeHost
   * wires it to ExcelHostOptions.onCellEditWait so the Apply step can say so.
   */
  onCellEditWait?: (listener: (() => void) | null) => void;
}

/** A host failure as one sentence for the user, in the pane's language. */
export function userMessage(error: unknown, t: TFunction): string {
  if (error instanceof WorkbookError) {
    return error.code === "host_error" ? t("error.host_error", { message: error.message }) : t(`error.${error.code}`);
  }
  return t("error.unexpected", { message: error instanceof Error ? error.message : String(error) });
}

/** runScorecard's error in the pane's language: the engine's refusals from its catalogue, host failures from the locales. */
export function runErrorMessage(error: RunError, t: TFunction, lang: Lang): string {
  if (error.problem) return problemText(error.problem, lang);
  switch (error.code) {
    case "host_error":
      return t("error.host_error", { message: error.message });
    default:
      return t(`error.${error.code}`);
  }
}

export function createHostActions({ port, t, activateSheet, onCellEditWait }: HostActionDeps): PaneActions {
  const readTargets = async (ref: SourceRef | null): Promise<SourceTable | undefined> =>
    ref ? port.readSource(ref) : undefined;

  return {
    async listSources() {
      try {
        const [sources, defaultSource] = await Promise.all([port.listSources(), port.defaultSource()]);
        return { ok: true, sources, defaultSource };
      } catch (error) {
        return { ok: false, message: userMessage(error, t) };
      }
    },

    async readPreview(source, headerRow) {
      try {
        // The same layout step as the run (runPlan.readTableForRun), so column indexes and headers agree.
        // The header and the first rows only (issue 9: at most 201 rows), never the whole source.
        const read = await port.previewSource(source, PREVIEW_READ_ROWS);
        const laid = layoutTable(read.table, headerRow);
        if (!laid.ok) return { ok: false, message: laid.error };
        const table = laid.table;
        const detections = detectColumns(table);
        return {
          ok: true,
          detections,
          preview: {
            sheet: table.sheet,
            headers: table.headers,
            samples: table.rows.slice(0, PREVIEW_ROWS),
            rowCount: read.rowCount - laid.skipped,
            layout: laid.layout,
          },
        };
      } catch (error) {
        return { ok: false, message: userMessage(error, t) };
      }
    },

    async loadSettings() {
      try {
        return { ok: true, settings: await port.loadSettings() };
      } catch (error) {
        return { ok: false, message: userMessage(error, t) };
      }
    },

    async saveSettings(settings) {
      try {
        await port.saveSettings(settings);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: userMessage(error, t) };
      }
    },

    async smartCheck(request) {
      try {
        // The SMART check needs the data (mapped roles, past actuals): compute without writing anything.
        const [table, targetsTable] = await Promise.all([
          port.readSource(request.source),
          readTargets(request.targets),
        ]);
        const scored = scoreTable(table, request.template, {
          overrides: request.overrides,
          headerRow: request.headerRow,
          strict: request.strict,
          targetsTable,
          // The same day as Apply: the SMART check and the review see the period Apply will score.
          ...(request.asOfDate !== undefined ? { asOfDate: request.asOfDate } : {}),
        });
        if (!scored.ok) return { ok: false, message: problemText(scored.problem, request.lang) };
        const review = reviewView(scored.scorecard);
        return { ok: true, items: scored.scorecard.smart, ...(review ? { review } : {}) };
      } catch (error) {
        return { ok: false, message: userMessage(error, t) };
      }
    },

    async apply(request, onProgress) {
      let last: Progress = { phase: "reading", rowsDone: 0, rowsTotal: 0 };
      const report: ProgressListener = (p) => {
        last = p;
        onProgress(p);
      };
      onCellEditWait?.(() => onProgress({ ...last, waitingForCellEdit: true }));
      try {
        const result = await runScorecard(
          port,
          {
            source: request.source,
            targets: request.targets ?? undefined,
            template: request.template,
            overrides: request.overrides,
            lang: request.lang,
            sourceRules: request.sourceRules,
            headerRow: request.headerRow,
            strict: request.strict,
            ...(request.asOfDate !== undefined ? { asOfDate: request.asOfDate } : {}),
            drivers: true,
          },
          report,
        );
        if (!result.ok) return { ok: false, message: runErrorMessage(result.error, t, request.lang) };
        const warnings = [...result.warnings, ...result.report.warnings];
        return {
          ok: true,
          summary: {
            ...summarize(result.scorecard, result.report.sheets.notes ?? null, result.report.sheets.scorecard),
            warnings,
          },
        };
      } catch (error) {
        return { ok: false, message: userMessage(error, t) };
      } finally {
        onCellEditWait?.(null);
      }
    },

    async selectScorecardRow(sheet, row) {
      try {
        await port.selectRow(sheet, row);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: userMessage(error, t) };
      }
    },

    async showSheet(name) {
      try {
        await activateSheet(name);
      } catch {
        // The sheet was renamed or deleted since the run: nothing to show, nothing to break.
      }
    },
  };
}
