/**
 * The workbook contract: what the task pane / CLI ask of a workbook, implemented once with
 * Office.js (src/excel/) and once with ExcelJS for .xlsx files (src/xlsx/).
 * Only those implementations name Excel, Office or a file format.
 *
 * The output model (WorkbookOutput and friends) is produced by src/workbook/exporter.ts from a
 * Scorecard, so both writers write the same cells, formats, rules and charts.
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

/** Data bar on one numeric column. */
export interface DataBarRule {
  type: "dataBar";
  column: number;
  /** Hex colour "#RRGGBB". */
  color: string;
  /** Fixed scale: the bar is empty at min and full at max (e.g. 0 .. the score cap); absent: the column's min .. max. */
  scale?: { min: number; max: number };
}

/**
 * Fill (and font colour) on data rows where a formula is true. The formula is in English A1
 * syntax relative to the FIRST DATA ROW of `fromColumn` (e.g. "=$K2=FALSE"; row 3 under a header band), as Excel expects.
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

/**
 * Where a chart sits: from the top-left corner of cell (fromColumn, fromRow) to the bottom-right
 * corner of cell (toColumn, toRow), 0-based sheet cells, so it moves and sizes with them.
 */
export interface ChartAnchor {
  fromColumn: number;
  fromRow: number;
  toColumn: number;
  toRow: number;
}

/** A clustered bar chart of one value column by one category column over the sheet's data rows. */
export interface BarChartSpec {
  type: "barClustered";
  /** The chart's name in the workbook, stable across runs and languages (writers find their charts by it). */
  name: string;
  title: string;
  categoryColumn: number;
  valueColumn: number;
  seriesName: string;
  /** Value axis number format, e.g. "0%". */
  valueFormat: string;
  /** Absent: the writer's default place (beside or under the table). */
  anchor?: ChartAnchor;
}

/**
 * A line chart over the sheet's data rows: categories from `categoryColumn`, one line per column
 * from `firstValueColumn` to `lastValueColumn`, each named by its header cell.
 */
export interface LineChartSpec {
  type: "line";
  /** The chart's name in the workbook, stable across runs and languages; safe as an Excel name. */
  name: string;
  title: string;
  categoryColumn: number;
  firstValueColumn: number;
  lastValueColumn: number;
  /** Columns drawn as a dashed, lighter line (a target), in TARGET_LINE_COLOR. */
  dashedColumns: number[];
  valueFormat: string;
  anchor?: ChartAnchor;
}

export type ChartSpec = BarChartSpec | LineChartSpec;

/** A data row's place in the roll-up: depth 0 is the total, then each roll-up level, the group-by rows deepest. */
export interface RowOutline {
  depth: number;
  /** A roll-up row (region, total) summing the deeper rows above it: bold, with a top border. */
  subtotal: boolean;
}

/**
 * The hierarchy of a sheet's data rows, one entry per row. Writers indent `column` by depth
 * (indent level = depth), make subtotal rows bold with a top border, and group each run of deeper
 * rows under the subtotal row below them (outline level = depth; Excel's summary rows below detail).
 */
export interface SheetOutline {
  column: number;
  rows: RowOutline[];
}

/** Which output sheet this is; stable across languages (the name is localized). */
export type OutputSheetKey = "scorecard" | "history" | "details" | "drivers" | "notes" | "trends";

/** A title over a run of columns (a KPI's name over its Actual / Target / Attainment / Status). */
export interface HeaderSpan {
  text: string;
  fromColumn: number;
  toColumn: number;
}

/**
 * One output sheet. Layout is fixed so both writers agree: the header is row 1 starting at A1,
 * `rows` follow from row 2, one entry per column in `columns` (same length as each row).
 * With `headerBand`, row 1 holds the spans (each merged across its columns), the column headers
 * move to row 2 and `rows` start at row 3 (headerRowCount in outputSheet.ts says which).
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
  /** Conditional formatting as Excel rules, over the data rows. */
  rules: ConditionalRule[];
  /** Charts over the sheet's cells, in drawing order; names unique in the sheet. */
  charts: ChartSpec[];
  outline?: SheetOutline;
  /** Never with `table` (Excel cannot merge cells over a table). */
  headerBand?: HeaderSpan[];
}

export interface WorkbookOutput {
  lang: Lang;
  /** In write order: scorecard, history, details, drivers (when the run broke changes down), notes, trends. */
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

export interface SourceReadOptions {
  /**
   * Given the header and the first rows (a SourceTable of `headRows` rows at most), the 0-based
   * source columns the caller needs, or null for all. Columns not named come back as blank cells
   * past those first rows, so every column keeps its position and its header.
   */
  columns?: (head: SourceTable) => readonly number[] | null;
  /** Rows under the header to read whole before `columns` is asked. */
  headRows?: number;
}

/** The first rows of a source, and how many data rows it has in all (under its first non-empty row). */
export interface SourcePreview {
  table: SourceTable;
  rowCount: number;
}

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
  /**
   * Values in whole arrays; the first non-empty row is the header. With `options.columns`, the
   * header and the first rows are read whole, and the rest only in the columns it names.
   */
  readSource(ref: SourceRef, onProgress?: ProgressListener, options?: SourceReadOptions): Promise<SourceTable>;
  /** The header and at most `rows` rows under it (the Columns step), never the whole source. */
  previewSource(ref: SourceRef, rows: number): Promise<SourcePreview>;
  /** Replaces what the add-in wrote before (and nothing else), all or nothing. */
  writeOutput(output: WorkbookOutput, onProgress?: ProgressListener): Promise<WriteReport>;
  loadSettings(): Promise<StoredSettings | null>;
  saveSettings(settings: StoredSettings): Promise<void>;
  /** Adds rules flagging bad debt / negative margin on the source; replaces earlier ones. Returns false when unsupported. */
  addSourceRules(ref: SourceRef, columns: SourceRuleColumns): Promise<boolean>;
  /** Removes the source rules the add-in added (one action); no-op when none. */
  removeSourceRules(): Promise<void>;
  /** Activates the sheet and selects its 1-based row; not_found when it is gone, sheet_hidden when hidden. */
  selectRow(sheet: string, row: number): Promise<void>;
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
  | "inactive_workbook"
  | "sheet_hidden";

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
