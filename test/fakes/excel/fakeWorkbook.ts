/**
 * A fake Excel host for tests and browser end-to-end runs (no Node imports): a workbook state,
 * an Excel.run-compatible `run`, counters of round trips / calls / payload bytes, fault injection
 * and an inspection API.
 */
import { parseA1 as parseAddress, rectText as rectAddress, type CellRect } from "./address";
import type { RawCell } from "../../../src/engine/types";
import { FakeOfficeError, FAKE_ERROR_CODES as E } from "./errors";
import { FakeRequestContext, type HostInternals } from "./clientObjects";
import {
  isFormulaCell,
  newSheet,
  sheetByName,
  usedRect,
  type ChartState,
  type SeriesState,
  type ConditionalFormatState,
  type SheetState,
  type WorkbookState,
} from "./state";

/** Excel on the web: 5 MB per request and per response; 5 million cells per range read. */
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const FAKE_READ_CELL_LIMIT = 5_000_000;

export interface FakeSeed {
  sheets: Array<{
    name: string;
    values: RawCell[][];
    /**
     * `address` is the whole table: its header row when shown, its totals row (the last row) when
     * `showTotals`. A table without a shown header takes its column names from `columns`.
     */
    tables?: Array<{ name: string; address: string; showTotals?: boolean; showHeaders?: boolean; columns?: string[] }>;
    /** User formulas to store as they are, e.g. { "H2": "=SUM(KpiHistory[Revenue])" }. */
    formulas?: Record<string, string>;
  }>;
  /** Where the selection is (default: A1 of the first sheet). */
  selection?: { sheet: string; address: string };
  settings?: Record<string, unknown>;
  customProperties?: Record<string, string>;
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

export interface FakeOptions {
  /** Highest ExcelApi 1.x supported (default 17). Conditional formats need 6. */
  apiMinor?: number;
  payloadLimitBytes?: number;
  readCellLimit?: number;
  displayLanguage?: string;
}

export interface FakeFault {
  /** Error code thrown, e.g. "InvalidOperationInCellEditMode", "RequestPayloadSizeLimitExceeded", "ItemNotFound". */
  code: string;
  /** Syncs to let through before failing (default 0: the next sync fails). */
  afterSyncs?: number;
  /** How many consecutive syncs fail (default 1). */
  times?: number;
}

export interface FakeCounters {
  runs: number;
  syncs: number;
  /** Queued calls (methods, property writes, loads) in accepted syncs. */
  operations: number;
  /** Syncs refused as over the payload limit (the adapter must then shrink its blocks). */
  rejectedSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
}

export interface ConditionalFormatView {
  sheet: string;
  type: string;
  address: string;
  iconSet?: ConditionalFormatState["iconSet"];
  dataBar?: ConditionalFormatState["dataBar"];
  custom?: ConditionalFormatState["custom"];
}

export interface FakeExcelRun {
  <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  <T>(options: { delayForCellEdit?: boolean }, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
}

/** A chart as tests see it: ranges as A1 addresses. */
export type ChartView = Omit<ChartState, "id" | "source" | "series"> & {
  sheet: string;
  source: string;
  series: Array<Omit<SeriesState, "values" | "categories"> & { values: string; categories?: string }>;
};

export class FakeExcel {
  readonly state: WorkbookState;
  readonly apiMinor: number;
  readonly payloadLimit: number;
  readonly displayLanguage: string;
  counters: FakeCounters = zeroCounters();
  syncLog: Array<{ operations: number; requestBytes: number; responseBytes: number; rejected: boolean }> = [];
  private faults: Array<Required<FakeFault>> = [];
  private readonly host: HostInternals;

  constructor(seed: FakeSeed, options: FakeOptions = {}) {
    const ids = { nextId: 1 };
    const sheets = seed.sheets.map((s) => newSheet(ids, s.name, s.values as SheetState["rows"]));
    if (sheets.length === 0) sheets.push(newSheet(ids, "Sheet1"));
    this.state = {
      sheets,
      tables: [],
      settings: new Map(Object.entries(seed.settings ?? {})),
      selection: { sheet: sheets[0], rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 }, kind: "range" },
      activeSheet: sheets[0],
      nextId: ids.nextId,
      customProperties: new Map(Object.entries(seed.customProperties ?? {})),
      names: [],
      date1904: seed.date1904 ?? false,
      structureProtected: false,
      cellEditing: false,
    };
    for (const s of seed.sheets) {
      const sheet = sheetByName(this.state, s.name)!;
      for (const [cell, formula] of Object.entries(s.formulas ?? {})) {
        const at = parseAddress(cell);
        if (!at) throw new Error(`fake seed: bad cell ${cell}`);
        (sheet.rows[at.rect.row] ??= [])[at.rect.column] = { formula };
      }
      for (const t of s.tables ?? []) {
        const parsed = parseAddress(t.address);
        if (!parsed) throw new Error(`fake seed: bad table address ${t.address}`);
        const showHeaders = t.showHeaders ?? true;
        const header = sheet.rows[parsed.rect.row] ?? [];
        this.state.tables.push({
          id: `{fake-table-${this.state.nextId++}}`,
          name: t.name,
          sheet,
          rect: parsed.rect,
          style: "TableStyleMedium2",
          deleted: false,
          showHeaders,
          showTotals: t.showTotals ?? false,
          columns:
            t.columns ??
            Array.from({ length: parsed.rect.columnCount }, (_, j) =>
              showHeaders ? String(header[parsed.rect.column + j] ?? `Column${j + 1}`) : `Column${j + 1}`,
            ),
        });
      }
    }
    if (seed.selection) this.select(seed.selection.sheet, seed.selection.address);
    this.apiMinor = options.apiMinor ?? 17;
    this.payloadLimit = options.payloadLimitBytes ?? FAKE_PAYLOAD_LIMIT;
    this.displayLanguage = options.displayLanguage ?? "en-US";
    this.saved = cloneState(this.state);
    this.host = {
      state: this.state,
      apiMinor: this.apiMinor,
      readCellLimit: options.readCellLimit ?? FAKE_READ_CELL_LIMIT,
      sync: (ctx) => this.sync(ctx),
    };
  }

  /** The options of the last Excel.run call (e.g. delayForCellEdit). */
  lastRunOptions: { delayForCellEdit?: boolean } | undefined;

  /**
   * Excel.run-compatible, with or without RunOptions first. Pending calls are sent when the batch
   * returns, as Excel.run does. While the user edits a cell every sync fails with
   * InvalidOperationInCellEditMode, unless the run asked delayForCellEdit: then Excel waits for the
   * user to leave the cell (RunOptions.delayForCellEdit,
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions).
   */
  readonly run: FakeExcelRun = (async (
    first: { delayForCellEdit?: boolean } | ((context: FakeRequestContext) => Promise<unknown>),
    second?: (context: FakeRequestContext) => Promise<unknown>,
  ) => {
    const batch = (typeof first === "function" ? first : second)!;
    const options = typeof first === "function" ? undefined : first;
    this.lastRunOptions = options;
    this.counters.runs++;
    if (this.state.cellEditing && options?.delayForCellEdit) {
      // Excel holds the batch until the user leaves the cell; the fake's user leaves it now.
      this.state.cellEditing = false;
    }
    const ctx = new FakeRequestContext(this.host);
    const result = await batch(ctx);
    if (ctx.pending.length > 0) await ctx.sync();
    return result;
  }) as FakeExcelRun;

  /** The user starts (or stops) typing in a cell. */
  setCellEditing(on: boolean): void {
    this.state.cellEditing = on;
  }

  /** Worksheet or workbook-structure protection, as the user sets it in Review > Protect. */
  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
  }
  /** Hides a sheet as a user can (Worksheet.visibility "Hidden"). */
  hideSheet(name: string, on = true): void {
    this.sheet(name).hidden = on;
  }
  protectStructure(on = true): void {
    this.state.structureProtected = on;
  }

  /** Freeze panes fail with GeneralException from now on (seen on some Excel builds). */
  failFreezePanes(on = true): void {
    this.state.freezePanesFails = on;
  }

  /** Table ids, by name: a table resized in place keeps its id; one deleted and re-added does not. */
  tableId(name: string): string | undefined {
    return this.state.tables.find((t) => !t.deleted && t.name.toLowerCase() === name.toLowerCase())?.id;
  }

  /** What a formula shows: "#REF!" once the sheet or table it names was deleted. */
  formulaResult(sheet: string, address: string): string {
    const at = parseAddress(address);
    const cell = at ? this.sheet(sheet).rows[at.rect.row]?.[at.rect.column] : undefined;
    if (!isFormulaCell(cell as never)) throw new Error(`fake: ${sheet}!${address} holds no formula`);
    return (cell as { broken?: boolean }).broken ? "#REF!" : "(calculated)";
  }

  /** Selects something getSelectedRange() refuses (a chart, several areas, another workbook). */
  selectOther(kind: "chart" | "areas" | "otherWorkbook"): void {
    this.state.selection = { ...this.state.selection, kind };
  }

  /**
   * Closes and reopens the file: worksheet and table ids are not kept from one opening to the next
   * (Worksheet.id "...the ID will change if the workbook is closed and reopened" is not promised
   * stable; on Mac a deleted sheet's id can be reused), so every sheet and table gets a new id.
   * What the file stores (cells, names, custom properties, settings) is kept when it is saved
   * before closing (the default); `{ save: false }` closes without saving, back to the last save().
   */
  reopen({ save = true }: { save?: boolean } = {}): void {
    if (save) this.save();
    // Closed without saving: the file is as it was at the last save (sheets, names, settings...).
    else if (this.saved) Object.assign(this.state, cloneState(this.saved));
    for (const s of this.state.sheets) if (!s.deleted) s.id = `{fake-sheet-${this.state.nextId++}}`;
    for (const t of this.state.tables) if (!t.deleted) t.id = `{fake-table-${this.state.nextId++}}`;
    this.state.sheets = this.state.sheets.filter((s) => !s.deleted);
    this.state.tables = this.state.tables.filter((t) => !t.deleted);
    this.state.cellEditing = false;
  }

  /** The file as last saved (null: as the seed built it, saved at open). */
  private saved: WorkbookState | null = null;

  /**
   * The user saves the file: what reopen({ save: false }) goes back to. Workbook.settings and
   * custom properties live in the file, so they persist only through a save.
   */
  save(): void {
    this.saved = cloneState(this.state);
  }

  customProperties(): Record<string, string> {
    return Object.fromEntries(this.state.customProperties);
  }

  definedNames(): Array<{ name: string; sheet: string | null; formula: string; visible: boolean }> {
    return this.state.names.map((n) => ({
      name: n.name,
      sheet: n.sheet?.name ?? null,
      formula: n.formula,
      visible: n.visible,
    }));
  }

  /** Sets a cell as the user would type a formula there. */
  setFormula(sheet: string, address: string, formula: string): void {
    const at = parseAddress(address);
    if (!at) throw new Error(`fake: bad cell ${address}`);
    (this.sheet(sheet).rows[at.rect.row] ??= [])[at.rect.column] = { formula };
  }

  /** A chart the user inserts (Insert > Chart) over `source` by columns, named as they like. */
  addUserChart(sheet: string, name: string, source: string, type = "ColumnClustered"): void {
    const at = parseAddress(source);
    if (!at) throw new Error(`fake: bad range ${source}`);
    const sh = this.sheet(sheet);
    sh.charts.push({
      id: `{fake-chart-${this.state.nextId++}}`,
      name,
      type,
      source: at.rect,
      seriesBy: "Columns",
      series: [{ name: "Series1", values: at.rect }],
    });
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    if (name !== "ExcelApi") return false;
    const minor = Number(version.split(".")[1] ?? 0);
    return Number(version.split(".")[0]) === 1 && minor <= this.apiMinor;
  }

  injectFault(fault: FakeFault): void {
    this.faults.push({ afterSyncs: 0, times: 1, ...fault });
  }

  resetCounters(): void {
    this.counters = zeroCounters();
    this.syncLog = [];
  }

  select(sheet: string, address: string): void {
    const s = sheetByName(this.state, sheet);
    const parsed = parseAddress(address);
    if (!s || !parsed) throw new Error(`fake: cannot select ${sheet}!${address}`);
    this.state.selection = { sheet: s, rect: parsed.rect, kind: "range" };
    this.state.activeSheet = s;
  }

  private async sync(ctx: FakeRequestContext): Promise<void> {
    await Promise.resolve();
    const ops = ctx.pending;
    ctx.pending = [];
    this.counters.syncs++;
    if (this.state.cellEditing) throw new FakeOfficeError(E.cellEditMode);
    const fault = this.takeFault();
    if (fault) throw new FakeOfficeError(fault);
    let requestBytes = 0;
    for (const op of ops) requestBytes += op.bytes;
    if (requestBytes > this.payloadLimit) {
      this.reject(ops.length, requestBytes, 0);
      throw new FakeOfficeError(E.requestTooLarge, `${requestBytes} bytes.`);
    }
    const stage: Array<() => void> = [];
    let responseBytes = 0;
    for (const op of ops) responseBytes += op.run(stage) ?? 0;
    if (responseBytes > this.payloadLimit) {
      this.reject(ops.length, requestBytes, responseBytes);
      throw new FakeOfficeError(E.responseTooLarge, `${responseBytes} bytes.`);
    }
    this.counters.operations += ops.length;
    this.counters.maxRequestBytes = Math.max(this.counters.maxRequestBytes, requestBytes);
    this.counters.totalRequestBytes += requestBytes;
    this.counters.maxResponseBytes = Math.max(this.counters.maxResponseBytes, responseBytes);
    this.counters.totalResponseBytes += responseBytes;
    this.syncLog.push({ operations: ops.length, requestBytes, responseBytes, rejected: false });
    for (const apply of stage) apply();
  }

  /** A sync Excel refused for its size: logged, not counted in the accepted maxima. */
  private reject(operations: number, requestBytes: number, responseBytes: number): void {
    this.counters.rejectedSyncs++;
    this.syncLog.push({ operations, requestBytes, responseBytes, rejected: true });
  }

  private takeFault(): string | null {
    const fault = this.faults[0];
    if (!fault) return null;
    if (fault.afterSyncs > 0) {
      fault.afterSyncs--;
      return null;
    }
    if (--fault.times <= 0) this.faults.shift();
    return fault.code;
  }

  // ---------- Inspection ----------

  /** The active sheet and the selected range on it, e.g. { sheet: "KPI Scorecard", address: "5:5" }. */
  selection(): { sheet: string; active: string; address: string } {
    return {
      sheet: this.state.selection.sheet.name,
      active: this.state.activeSheet.name,
      address: rectAddress(this.state.selection.rect),
    };
  }
  sheetNames(): string[] {
    return this.live().map((s) => s.name);
  }

  private live(): SheetState[] {
    return this.state.sheets.filter((s) => !s.deleted);
  }

  sheet(name: string): SheetState {
    const s = sheetByName(this.state, name);
    if (!s) throw new Error(`fake: no sheet "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return s;
  }

  /** Stored value of a cell (0-based): formulas come back as { formula }, empty as undefined. */
  cell(sheet: string, row: number, column: number): RawCell | { formula: string } {
    return this.sheet(sheet).rows[row]?.[column];
  }

  isFormula(sheet: string, row: number, column: number): boolean {
    return isFormulaCell(this.cell(sheet, row, column) as never);
  }

  /** Values of the sheet's used area from A1 (empty cells as null, formulas as their text with "="). */
  values(sheet: string): Array<Array<RawCell>> {
    const s = this.sheet(sheet);
    // Up to the last used row and column: cells emptied by Range.clear are not part of it.
    const used = usedRect(s);
    const width = used ? used.column + used.columnCount : 0;
    return s.rows.slice(0, used ? used.row + used.rowCount : 0).map((row) => {
      const out: RawCell[] = new Array(width).fill(null);
      row
        ?.slice(0, width)
        .forEach((cell, c) => (out[c] = cell === undefined ? null : isFormulaCell(cell) ? cell.formula : cell));
      return out;
    });
  }

  numberFormat(sheet: string, row: number, column: number): string {
    return this.sheet(sheet).numberFormats[row]?.[column] ?? "General";
  }

  columnWidth(sheet: string, column: number): number | undefined {
    return this.sheet(sheet).columnWidths.get(column);
  }

  /** RangeFormat.indentLevel of a cell (0-based row and column). */
  indentLevel(sheet: string, row: number, column: number): number {
    return this.sheet(sheet).indentLevels.get(`${row}:${column}`) ?? 0;
  }

  /** The top border's line style of a cell, or undefined. */
  topBorder(sheet: string, row: number, column: number): string | undefined {
    return this.sheet(sheet).topBorders.get(`${row}:${column}`);
  }

  /** The outline level Range.group gave a row (0-based). */
  outlineLevel(sheet: string, row: number): number {
    return this.sheet(sheet).outlineLevels.get(row) ?? 0;
  }

  /** Merged areas as A1 addresses. */
  merges(sheet: string): string[] {
    return this.sheet(sheet).merges.map((m) => rectAddress(m));
  }

  horizontalAlignment(sheet: string, row: number, column: number): string {
    return this.sheet(sheet).horizontalAlignments.get(`${row}:${column}`) ?? "General";
  }

  isBold(sheet: string, row: number): boolean {
    return this.sheet(sheet).boldRows.has(row);
  }

  frozenRows(sheet: string): number {
    return this.sheet(sheet).frozenRows;
  }

  mutations(sheet: string): number {
    return this.sheet(sheet).mutations;
  }

  tables(): Array<{ name: string; sheet: string; address: string; style: string }> {
    return this.state.tables
      .filter((t) => !t.deleted)
      .map((t) => ({ name: t.name, sheet: t.sheet.name, address: rectAddress(t.rect), style: t.style }));
  }

  conditionalFormats(sheet?: string): ConditionalFormatView[] {
    return this.live()
      .filter((s) => sheet === undefined || s.name === sheet)
      .flatMap((s) =>
        s.conditionalFormats.map((cf) => ({
          sheet: s.name,
          type: cf.type,
          address: rectAddress(cf.rect),
          ...(cf.iconSet ? { iconSet: cf.iconSet } : {}),
          ...(cf.dataBar ? { dataBar: cf.dataBar } : {}),
          ...(cf.custom ? { custom: cf.custom } : {}),
        })),
      );
  }

  /** Charts with their ranges as addresses; each series' values and categories too. */
  charts(sheet?: string): ChartView[] {
    return this.live()
      .filter((s) => sheet === undefined || s.name === sheet)
      .flatMap((s) =>
        s.charts.map(({ id: _id, source, series, ...rest }) => ({
          sheet: s.name,
          ...rest,
          source: rectAddress(source),
          series: series.map(({ values, categories, ...line }) => ({
            ...line,
            values: rectAddress(values),
            ...(categories ? { categories: rectAddress(categories) } : {}),
          })),
        })),
      );
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries(this.state.settings);
  }

  /**
   * Everything a user could see, as plain data, with sheet ids replaced by sheet names so that
   * two workbooks built the same way compare equal.
   */
  snapshot(): unknown {
    let settings = JSON.stringify(this.settings());
    for (const s of this.state.sheets)
      settings = settings.split(s.id).join(`<sheet:${s.deleted ? "deleted" : s.name}>`);
    return {
      sheets: this.live().map((s) => ({
        name: s.name,
        values: this.values(s.name),
        numberFormats: trimFormats(s.numberFormats),
        widths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        frozenRows: s.frozenRows,
        bold: [...s.boldRows].sort((a, b) => a - b),
        indents: [...s.indentLevels.entries()].sort(),
        topBorders: [...s.topBorders.entries()].sort(),
        outline: [...s.outlineLevels.entries()].sort((a, b) => a[0] - b[0]),
        merges: s.merges.map((m) => rectAddress(m)),
      })),
      tables: this.tables(),
      conditionalFormats: this.conditionalFormats(),
      charts: this.charts(),
      settings: JSON.parse(settings),
      customProperties: this.customProperties(),
      names: this.definedNames(),
    };
  }
}

/** A deep copy of the workbook (what a saved file holds), its sheet references pointing into the copy. */
function cloneState(state: WorkbookState): WorkbookState {
  const json = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  const sheets = new Map<SheetState, SheetState>();
  for (const sh of state.sheets)
    sheets.set(sh, {
      ...sh,
      rows: sh.rows.map((row) => row && row.map((cell) => (isFormulaCell(cell) ? { ...cell } : cell))),
      numberFormats: sh.numberFormats.map((row) => row && [...row]),
      columnWidths: new Map(sh.columnWidths),
      boldRows: new Set(sh.boldRows),
      conditionalFormats: json(sh.conditionalFormats),
      charts: json(sh.charts),
    });
  const copy = (sh: SheetState) => sheets.get(sh) ?? sh;
  return {
    ...state,
    sheets: state.sheets.map(copy),
    tables: state.tables.map((t) => ({ ...t, sheet: copy(t.sheet), rect: { ...t.rect }, columns: [...t.columns] })),
    names: state.names.map((n) => ({ ...n, sheet: n.sheet && copy(n.sheet) })),
    settings: new Map([...state.settings].map(([k, v]) => [k, json(v)])),
    customProperties: new Map(state.customProperties),
    selection: { ...state.selection, sheet: copy(state.selection.sheet), rect: { ...state.selection.rect } },
    activeSheet: copy(state.activeSheet),
  };
}

/** Number formats without trailing unset cells and rows (a cleared format is no format). */
function trimFormats(formats: Array<Array<string | undefined>>): Array<Array<string | undefined>> {
  const rows = formats.map((row) => {
    if (!row) return row;
    let end = row.length;
    while (end > 0 && row[end - 1] === undefined) end--;
    return row.slice(0, end);
  });
  while (rows.length > 0 && (!rows[rows.length - 1] || rows[rows.length - 1].length === 0)) rows.pop();
  return rows;
}

function zeroCounters(): FakeCounters {
  return {
    runs: 0,
    syncs: 0,
    operations: 0,
    rejectedSyncs: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    totalRequestBytes: 0,
    totalResponseBytes: 0,
  };
}

export function createFakeWorkbook(seed: FakeSeed, options?: FakeOptions): FakeExcel {
  return new FakeExcel(seed, options);
}

export type { CellRect };
