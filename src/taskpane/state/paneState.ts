/** The task pane's whole state: plain data, changed only by the reducer. */
import type {
  KpiDrivers,
  KpiId,
  KpiUnit,
  Lang,
  LocalizedText,
  MessageParams,
  PaceBasis,
  RawCell,
  ReasonCode,
  Role,
  RoleDetection,
  SmartCheckItem,
  TargetReviewItem,
  Template,
  TemplateError,
  TemplateKpi,
} from "../../engine/types";
import type { TableLayout } from "../../engine/layout";
import type { Progress, SourceInfo, SourceRef } from "../../workbook/contract";

/** Where a template in the picker came from. */
export type TemplateOrigin = "builtin" | "workbook" | "file";
export interface TemplateChoice {
  origin: TemplateOrigin;
  template: Template;
}

/** A user's mapping edit: the column index chosen for a role, or null for "not mapped". */
export type MappingOverrides = Partial<Record<Role, number | null>>;

/** The picked source's header and a few rows, for the Columns step. */
export interface SourcePreview {
  sheet: string;
  headers: string[];
  /** First data rows (a handful), for sample values. */
  samples: RawCell[][];
  rowCount: number;
  /** Where the header was found (engine/layout): its sheet row and the title rows skipped above it. */
  layout?: TableLayout;
}

/** What the summary after Apply shows (product issue, step 5). */
export interface ApplySummary {
  period: string;
  entities: number;
  best: { entity: string; score: number } | null;
  worst: { entity: string; score: number } | null;
  failedGates: number;
  notes: number;
  /** Sheet holding the data notes, for the link. */
  notesSheet: string | null;
  rowsRead: number;
  rowsUsed: number;
  /** KPIs the data lacks a column for, with the reason (localised by engine/messages.ts); their gates are not evaluated. */
  notAvailable?: Array<{ names: LocalizedText; gate: boolean; reasonCode: ReasonCode; reasonParams: MessageParams }>;
  /** The total row's bonus amount (issue 13 §3), when the template names a bonus base; null when no entity has one. */
  bonusTotal?: number | null;
  /** Pace of the total row in a running period (issue 13 §2): per KPI its projected attainment and status. */
  pace?: {
    asOfDate: string;
    elapsedWorkingDays: number;
    periodWorkingDays: number;
    /** The same day of the same period last year (for a pace by last year's curve). */
    lastYearDate?: string;
    kpis: Array<{
      names: LocalizedText;
      projectedAttainment: number | null;
      status: string | null;
      /** How the expected value to date was counted (amounts that accrue; absent for rates). */
      basis?: PaceBasis;
      curveOf?: "total";
    }>;
  };
  /** What the run and the writer warned about (e.g. no colour rules on hosts without ExcelApi 1.6). */
  warnings?: string[];
  /** What moved each KPI, per scored entity (rows with drivers, in the scorecard's order). */
  drivers?: EntityDrivers[];
  /** The scorecard itself, for the pane's compact table (absent when no scorecard sheet was written). */
  table?: ScorecardTableData;
  /** The target review of the run (issue 13 §4), for the SMART section. */
  review?: ReviewView;
}

/** What the SMART section shows of a run's target review: per KPI, the findings that are not "fine". */
export interface ReviewView {
  groupBy: string;
  from: string | null;
  to: string | null;
  nextPeriod: string;
  runningPeriod?: string;
  /** Entity × KPI pairs reviewed, fine ones included. */
  reviewed: number;
  /** Template order; only KPIs with a finding that is not "fine". */
  kpis: Array<{ id: string; names: LocalizedText; unit: KpiUnit; items: TargetReviewItem[] }>;
}

/** One scorecard row's drivers, for the pane's drivers list. */
export interface EntityDrivers {
  entity: string;
  level: string;
  kpis: Array<{ names: LocalizedText; unit: KpiUnit; drivers: KpiDrivers }>;
}

/** The scorecard rows as the pane's table shows them, and where each sits in the scorecard sheet. */
export interface ScorecardTableData {
  sheet: string;
  kpis: Array<{ id: string; names: LocalizedText }>;
  rows: ScorecardTableRow[];
}

export interface ScorecardTableRow {
  entity: string;
  level: string;
  parent: string | null;
  /** Roll-up depth: the total 0, group-by deepest (as the sheet's outline). */
  depth: number;
  score: number | null;
  payout: number | null;
  gatesPassed: boolean | null;
  /** Status id per KPI id (null: no status, e.g. no data). */
  statuses: Record<string, string | null>;
  /** 1-based row in the scorecard sheet. */
  sheetRow: number;
}

export type ApplyState =
  | { status: "idle" }
  | { status: "running"; progress: Progress | null }
  | { status: "done"; summary: ApplySummary }
  | { status: "error"; message: string };

/** A message for the user at the top of the pane (load/save results, import errors). */
export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

export interface PaneState {
  lang: Lang;
  sources: SourceInfo[];
  sourcesLoading: boolean;
  source: SourceRef | null;
  targets: SourceRef | null;
  preview: SourcePreview | null;
  previewLoading: boolean;
  detections: RoleDetection[];
  overrides: MappingOverrides;
  templates: TemplateChoice[];
  /** Index into templates of the picked one. */
  templateIndex: number | null;
  /** The template being edited (a copy of the picked one). */
  draft: Template | null;
  /** Settings of KPIs switched off in the draft, kept so switching back on restores them. */
  parkedKpis: Partial<Record<KpiId, TemplateKpi>>;
  /** validateTemplate's errors for the draft, by path. */
  templateErrors: TemplateError[];
  smart: SmartCheckItem[] | null;
  smartLoading: boolean;
  /** The target review of the last run (SMART check or Apply); null when stale or none yet. */
  review: ReviewView | null;
  apply: ApplyState;
  /** Add (true) or remove (false) the rules flagging bad-debt / negative-margin rows on the source. */
  sourceRules: boolean;
  /** The "strict" setting: refuse to apply when a column a KPI reads is missing. */
  strict: boolean;
  /** The as-of date as typed (YYYY-MM-DD); "" = none (the latest complete period, as of today if it runs). */
  asOfDate: string;
  notice: Notice | null;
}

export function initialPaneState(lang: Lang): PaneState {
  return {
    lang,
    sources: [],
    sourcesLoading: false,
    source: null,
    targets: null,
    preview: null,
    previewLoading: false,
    detections: [],
    overrides: {},
    templates: [],
    templateIndex: null,
    draft: null,
    parkedKpis: {},
    templateErrors: [],
    smart: null,
    smartLoading: false,
    review: null,
    apply: { status: "idle" },
    sourceRules: false,
    strict: false,
    asOfDate: "",
    notice: null,
  };
}
