/**
 * What the add-in keeps in the workbook's own settings (Workbook.settings, ExcelApi 1.4): they are
 * saved inside the file, so reopening it restores the template and mapping, and re-runs know
 * which sheets and rules the add-in made.
 */
export const SETTING_KEYS = {
  /** StoredSettings: template JSON, column overrides, sources, language. */
  settings: "kpiScorecard.settings",
  /** The ownership mark's text (src/workbook/ownershipMark.ts), for hosts without custom properties (ExcelApi 1.7). */
  ownedSheets: "kpiScorecard.ownedSheets",
  /** OwnedSourceRules: the sheet whose source rules the add-in added, to remove them in one action. */
  sourceRules: "kpiScorecard.sourceRules",
} as const;

/** The sheet the source rules were added to (the rules themselves are found by what they are). */
export interface OwnedSourceRules {
  sheet: string;
}

/** Minimum requirement set: settings and null objects (ExcelApi 1.4). */
export const MIN_API = 4;
/** Conditional formats (ExcelApi 1.6). */
export const RULES_API = 6;
/** Freeze panes and chart series categories (ExcelApi 1.7). */
export const FREEZE_API = 7;
/** Chart series categories from any range (ChartSeries.setXAxisValues) and dashed lines (ChartLineFormat.lineStyle) (ExcelApi 1.7). */
export const CHART_SERIES_API = 7;
/** Workbook custom properties, where the ownership mark shared with the CLI lives (ExcelApi 1.7). */
export const PROPERTIES_API = 7;
/** Range.copyFrom, to rewrite an owned sheet in place from its temporary copy (ExcelApi 1.9). */
export const COPY_API = 9;
/** Table.resize, so the history table keeps its name and identity across runs (ExcelApi 1.13). */
export const RESIZE_API = 13;
/** RangeFormat.indentLevel: entity names indented under their parent (ExcelApi 1.9). */
export const INDENT_API = 9;
/** Range.group: roll-up rows grouped so a region collapses (ExcelApi 1.10). */
export const GROUP_API = 10;
