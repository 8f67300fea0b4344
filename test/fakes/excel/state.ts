/** The fake workbook's stored state: what Excel would hold, independent of the API objects that reach it. */
import type { CellRect } from "./address";
import type { RawCell } from "../../../src/engine/types";

/** A cell whose value was taken as a formula (a string starting with "=", "+", "-", "@"). */
export interface FormulaCell {
  formula: string;
  /** The sheet or table it refers to was deleted: Excel rewrites the reference to #REF!. */
  broken?: boolean;
}
export type StoredCell = RawCell | FormulaCell;

export function isFormulaCell(cell: StoredCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  rect: CellRect;
  iconSet?: { style?: string; criteria?: unknown[]; reverseIconOrder?: boolean; showIconOnly?: boolean };
  dataBar?: {
    fillColor?: string;
    barDirection?: string;
    lowerBoundRule?: { type: string; formula?: string };
    upperBoundRule?: { type: string; formula?: string };
  };
  custom?: { formula?: string; fill?: string; fontColor?: string };
}

/** One series of a chart, as Excel makes it from the source range and as the add-in then sets it. */
export interface SeriesState {
  /** From the source's header cell when it is text, else "Series<n>"; ChartSeries.name sets it. */
  name: string;
  values: CellRect;
  /** The source's text first column, or what ChartSeries.setXAxisValues set; absent: 1, 2, 3 … */
  categories?: CellRect;
  /** ChartLineFormat.color (ExcelApi 1.1) and lineStyle (1.7); absent: Excel's automatic line. */
  color?: string;
  lineStyle?: string;
}

export interface ChartState {
  id: string;
  name: string;
  type: string;
  source: CellRect;
  seriesBy: string;
  title?: string;
  series: SeriesState[];
  position?: { start: string; end?: string };
}

export interface SheetState {
  id: string;
  name: string;
  /** Dense rows from A1; jagged; undefined = empty. */
  rows: StoredCell[][];
  numberFormats: Array<Array<string | undefined>>;
  columnWidths: Map<number, number>;
  boldRows: Set<number>;
  /** RangeFormat.indentLevel (ExcelApi 1.9), by "row:column". */
  indentLevels: Map<string, number>;
  /** Cells with a top border (RangeFormat.borders EdgeTop), by "row:column" → line style. */
  topBorders: Map<string, string>;
  /** Row outline levels from Range.group (ExcelApi 1.10); absent = 0. */
  outlineLevels: Map<number, number>;
  /** Merged areas (Range.merge, ExcelApi 1.2). */
  merges: CellRect[];
  /** RangeFormat.horizontalAlignment, by "row:column". */
  horizontalAlignments: Map<string, string>;
  frozenRows: number;
  conditionalFormats: ConditionalFormatState[];
  charts: ChartState[];
  /** Every change to this sheet's cells, formats, rules or charts bumps it (the source must stay at 0). */
  mutations: number;
  deleted: boolean;
  /** Worksheet.visibility "Hidden" (fake.hideSheet): Excel cannot activate it or select on it. */
  hidden?: boolean;
  /** Worksheet.protection.protect(): every write to the sheet fails with AccessDenied. */
  protected: boolean;
}

export interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  /** The whole table: header row (when shown), data body, totals row (when shown). */
  rect: CellRect;
  style: string;
  deleted: boolean;
  /** Table.showHeaders / showTotals (ExcelApi 1.3): Table.getRange() covers whichever rows are shown. */
  showHeaders: boolean;
  showTotals: boolean;
  /** Column names (TableColumn.name): the header text, kept while the header row is hidden. */
  columns: string[];
}

/** A defined name (workbook.names or worksheet.names, ExcelApi 1.4), stored as its formula. */
export interface NameState {
  name: string;
  /** null: workbook scope; else the sheet it is local to (deleted with it). */
  sheet: SheetState | null;
  formula: string;
  visible: boolean;
}

export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  settings: Map<string, unknown>;
  selection: { sheet: SheetState; rect: CellRect; kind: SelectionKind };
  activeSheet: SheetState;
  nextId: number;
  /** workbook.properties.custom (ExcelApi 1.7): kept in the file (docProps/custom.xml). */
  customProperties: Map<string, string>;
  names: NameState[];
  /** The workbook's date system (File > Options > "Use 1904 date system"). */
  date1904: boolean;
  /** Workbook structure protection: adding, deleting and renaming sheets fail with AccessDenied. */
  structureProtected: boolean;
  /** The user is typing in a cell: batches fail unless run with delayForCellEdit. */
  cellEditing: boolean;
  /** Freeze panes fail with GeneralException, as on some Excel builds. */
  freezePanesFails?: boolean;
}

/**
 * What is selected: a range, or something getSelectedRange() refuses with InvalidSelection (a
 * chart, several areas, or another workbook has the focus;
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)).
 */
export type SelectionKind = "range" | "chart" | "areas" | "otherWorkbook";

export function newSheet(state: Pick<WorkbookState, "nextId">, name: string, rows: StoredCell[][] = []): SheetState {
  return {
    id: `{fake-sheet-${state.nextId++}}`,
    name,
    rows,
    numberFormats: [],
    columnWidths: new Map(),
    boldRows: new Set(),
    indentLevels: new Map(),
    topBorders: new Map(),
    outlineLevels: new Map(),
    merges: [],
    horizontalAlignments: new Map(),
    frozenRows: 0,
    conditionalFormats: [],
    charts: [],
    mutations: 0,
    deleted: false,
    protected: false,
  };
}

export function isEmptyCell(cell: StoredCell): boolean {
  return cell === undefined || cell === null || cell === "";
}

/** Bounding box of the non-empty cells, or null for an empty sheet. */
export function usedRect(sheet: SheetState): CellRect | null {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (isEmptyCell(row[c])) continue;
      if (top < 0) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (top < 0) return null;
  return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

export function sheetByName(state: WorkbookState, name: string): SheetState | undefined {
  const key = name.toLowerCase();
  return state.sheets.find((s) => !s.deleted && s.name.toLowerCase() === key);
}

export function tableByName(state: WorkbookState, name: string): TableState | undefined {
  const key = name.toLowerCase();
  return state.tables.find((t) => !t.deleted && t.name.toLowerCase() === key);
}
