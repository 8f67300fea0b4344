/**
 * What the pane asks of its host. Components never call Office: App receives these actions
 * (officeHost.ts implements them with Office.js; tests pass fakes) and hands callbacks down.
 * Every failure comes back as a value with a message for the user, never as a thrown error.
 */
import type { Lang, RoleDetection, SmartCheckItem, Template } from "../engine/types";
import type { ProgressListener, SourceInfo, SourceRef, StoredSettings } from "../workbook/contract";
import type { ApplySummary, MappingOverrides, ReviewView, SourcePreview } from "./state/paneState";

export type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

/** Everything a run needs, as chosen in the pane. */
export interface RunRequest {
  source: SourceRef;
  targets: SourceRef | null;
  template: Template;
  overrides: MappingOverrides;
  lang: Lang;
  /** Add (true) or remove (false) the add-in's flagging rules on the source table. */
  sourceRules: boolean;
  /** The header's sheet row the user picked in the Columns step; absent: found by the engine. */
  headerRow?: number;
  /** Refuse when a column a KPI reads is missing (default: that KPI is shown as not available). */
  strict?: boolean;
  /** YYYY-MM-DD: score the period holding this day as it stood that day (pace while it runs). */
  asOfDate?: string;
}

export interface PaneActions {
  listSources(): Promise<Outcome<{ sources: SourceInfo[]; defaultSource: SourceRef | null }>>;
  /** Reads the source, finds its header (or takes `headerRow`) and detects its columns' roles. */
  readPreview(
    source: SourceRef,
    headerRow?: number,
  ): Promise<Outcome<{ preview: SourcePreview; detections: RoleDetection[] }>>;
  loadSettings(): Promise<Outcome<{ settings: StoredSettings | null }>>;
  saveSettings(settings: StoredSettings): Promise<Outcome<object>>;
  /** The SMART check and the target review of the same run (nothing written). */
  smartCheck(request: RunRequest): Promise<Outcome<{ items: SmartCheckItem[]; review?: ReviewView }>>;
  apply(request: RunRequest, onProgress: ProgressListener): Promise<Outcome<{ summary: ApplySummary }>>;
  /** Brings the scorecard sheet to the front with the entity's row (1-based) selected (the pane's table). */
  selectScorecardRow(sheet: string, row: number): Promise<Outcome<object>>;
  /** Brings a sheet to the front (the summary's link to the notes). */
  showSheet(name: string): Promise<void>;
}
