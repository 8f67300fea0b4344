/**
 * The workbook contract: what the task pane / CLI ask of a workbook, implemented once with
 * Office.js (src/excel/) and once with ExcelJS for .xlsx files (src/xlsx/).
 * Only those implementations name Excel, Office or a file format.
 *
 * The output model (WorkbookOutput and friends) is produced by src/workbook/exporter.ts from a
 * Scorecard, so both writers write the same cells, formats, rules and chart.
 */
import type { RawCell, SourceTable, ColumnMapping, Template, Lang, Role } from "../engine/types";

// ---------- Sources ----------

export type SourceRef = { kind: "table"; name: string } | { kind: "selection" } | { kind: "sheet"; name: string };

export interface SourceInfo {
  kind: "table" | "sheet";
  name: string;
  sheet: string;
  rows: number;
  columns: number;
}

export type Phase = "reading" | "computing" | "writing" | "formatting" | "done";
export interface Progress {
  phase: Phase;
  rowsDone: number;
  rowsTotal: number;
  /** e.g. "chunk 2 of 5" when a read or write is split by the payload limit. */
  detail?: string;
  /** Excel holds the run until the user leaves the cell being edited (the pane says so). */
  waitingForCellEdit?: boolean;
}
export type ProgressListener = (p: Progress) => void;

// ---------- Output model (format-neutral) ----------

/** A cell as written: never undefined; null is an empty cell. */
export type CellValue = string | number | boolean | null;

/** What a column holds; the writer needs it only to pick alignment or to know text columns. */
export type ColumnKind = "text" | "money" | "percent" | "count" | "units" | "score" | "number" | "date" | "boolean";

export interface OutputColumn {
  header: string;
  kind: ColumnKind;
  /** Excel number format code, e.g. "#,##0", "0.0%", "yyyy-mm-dd", "@" (text), "General". */
  numberFormat: string;
  /** Width in characters (Excel's column width unit); writers convert to their own unit. */
  width: number;
}

/** Icon-set rule on one column: icons keyed to the template's status bands. */
export interface IconSetRule {
  type: "iconSet";
  /** 0-based column index in the sheet. */
  column: number;
  /** OOXML icon set name: "3TrafficLights1" | "4TrafficLights" | "5Arrows" (icons count = thresholds.length + 1). */
  iconSet: "3TrafficLights1" | "4TrafficLights" | "5Arrows";
  /**
   * Lower bounds (numbers, ascending) of icons 2..n, i.e. the bands' min values from lowest to highest.
   * A cell >= thresholds[k] gets icon k+2 (the best icon is last, as in Excel). Compared with ">=".
   */
  thresholds: number[];
}

/** Data bar on one numeric column (automatic min/max). */
export interface DataBarRule {
  type: "dataBar";
  column: number;
  /** Hex colour "#RRGGBB". */
  color: string;
}

/**
 * Fill (and font colour) on data rows where a formula is true. The formula is in English A1
 * syntax relative to the FIRST DATA ROW of `fromColumn` (e.g. "=$K2=FALSE"), as Excel expects.
 */
export interface FormulaFillRule {
  type: "formulaFill";
  fromColumn: number;
  toColumn: number;
  formula: string;
  fill: string;
  fontColor: string;
}

export type ConditionalRule = IconSetRule | DataBarRule | FormulaFillRule;

/** A clustered bar chart of one value column by one category column over the sheet's data rows. */
export interface ChartSpec {
  type: "barClustered";
  title: string;
  categoryColumn: number;
  valueColumn: number;
  seriesName: string;
  /** Value axis number format, e.g. "0%". */
  valueFormat: string;
}

/** Which output sheet this is; stable across languages (the name is localized). */
export type OutputSheetKey = "scorecard" | "history" | "details" | "drivers" | "notes";

/**
 * One output sheet. Layout is fixed so both writers agree: the header is row 1 starting at A1,
 * `rows` follow from row 2, one entry per column in `columns` (same length as each row).
 * Strings for which isFormulaLike (src/workbook/formulaGuard.ts) is true must be stored as text.
 */
export interface OutputSheet {
  key: OutputSheetKey;
  /** Localized, ≤ 31 chars, none of []:*?/\ . A writer picks "Name (2)" if a user's sheet has it. */
  name: string;
  columns: OutputColumn[];
  rows: CellValue[][];
  /** Rows to freeze at the top (1 = the header). */
  freezeRows: number;
  /** When set, header + rows form an Excel table with this name (e.g. "KpiHistory"), pivot-ready. */
  table?: { name: string; style: string };
  /** Conditional formatting as Excel rules, over the data rows (row 2 .. rows.length + 1). */
  rules: ConditionalRule[];
  chart?: ChartSpec;
}

export interface WorkbookOutput {
  lang: Lang;
  /** In write order: scorecard, history, details, drivers (when the run broke changes down), notes. */
  sheets: OutputSheet[];
}

/** What a write did, for the task pane's summary and for tests. */
export interface WriteReport {
  /** Final sheet names, by key (may be "Name (2)" when a user's sheet had the name). */
  sheets: Partial<Record<OutputSheetKey, string>>;
  rowsWritten: number;
  /** False when the host lacks conditional formats (ExcelApi 1.6): output written without rules. */
  rulesWritten: boolean;
  chartWritten: boolean;
  /** Human-readable notes on degraded features, in English (the task pane may show them). */
  warnings: string[];
}

// ---------- Settings stored in the workbook ----------

/**
 * One stored column override (workbook/settingsCodec.ts): the header, with its index as the tie-breaker;
 * a bare header or index is what settings saved before the codec hold; null = "not mapped".
 */
export type StoredOverride = { header: string; index: number } | string | number | null;

/** Stored inside the workbook so reopening it restores the user's choices. */
export interface StoredSettings {
  /** The template as JSON text (exportable as is). */
  templateJson?: string;
  /** Column overrides, written and read only through workbook/settingsCodec.ts. */
  overrides?: Partial<Record<Role, StoredOverride>>;
  /** The header's sheet row (1-based) the user chose for the source; absent: found by the engine. */
  headerRow?: number;
  source?: SourceRef;
  targets?: SourceRef;
  lang?: Lang;
}

/** Columns (0-based, in the source) the optional source-table rules use. */
export interface SourceRuleColumns {
  badDebt?: number;
  revenue?: number;
  cost?: number;
  profit?: number;
}

// ---------- The port ----------

/**
 * A workbook the add-in reads from and writes to. Errors from the host are thrown as
 * WorkbookError (code + user message); runScorecard turns them into RunError values.
 */
export interface WorkbookPort {
  listSources(): Promise<SourceInfo[]>;
  /**
   * The table the selection is in, else the selection when it spans several cells, else the active
   * sheet; null when nothing usable is selected (a chart, several areas, another workbook in focus).
   */
  defaultSource(): Promise<SourceRef | null>;
  /** Values in whole arrays; the first non-empty row is the header. */
  readSource(ref: SourceRef, onProgress?: ProgressListener): Promise<SourceTable>;
  /** Replaces what the add-in wrote before (and nothing else), all or nothing. */
  writeOutput(output: WorkbookOutput, onProgress?: ProgressListener): Promise<WriteReport>;
  loadSettings(): Promise<StoredSettings | null>;
  saveSettings(settings: StoredSettings): Promise<void>;
  /** Adds rules flagging bad debt / negative margin on the source; replaces earlier ones. Returns false when unsupported. */
  addSourceRules(ref: SourceRef, columns: SourceRuleColumns): Promise<boolean>;
  /** Removes the source rules the add-in added (one action); no-op when none. */
  removeSourceRules(): Promise<void>;
}

export type WorkbookErrorCode =
  | "cell_edit_mode"
  | "payload_too_large"
  | "not_found"
  | "unsupported"
  | "empty_source"
  | "host_error"
  | "access_denied"
  | "invalid_selection"
  | "inactive_workbook";

/** A failure of the workbook host, with one clear message for the user (English; code for localizing). */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

export type { RawCell, SourceTable, ColumnMapping, Template };
