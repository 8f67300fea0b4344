/**
 * The Office.js API objects the add-in uses, as proxies with Excel's request semantics:
 * calls and property writes are queued and run at context.sync(); properties are readable only
 * after load() and a sync (PropertyNotLoaded otherwise); objects are bound when the queue runs.
 */
import { addressText as fullAddress, parseA1 as parseAddress, type CellRect } from "./address";
import { FakeOfficeError, FAKE_ERROR_CODES as E } from "./errors";
import {
  newSheet,
  sheetByName,
  tableByName,
  usedRect,
  type ChartState,
  type SeriesState,
  type ConditionalFormatState,
  type NameState,
  type SheetState,
  type StoredCell,
  type TableState,
  type WorkbookState,
} from "./state";

/** Applies loaded values only once the whole response is known to fit. */
type Stage = Array<() => void>;
export interface Op {
  /** Estimated bytes this call adds to the request. */
  bytes: number;
  /** Runs at sync; returns the bytes it adds to the response. */
  run(stage: Stage): number | void;
}

export interface HostInternals {
  state: WorkbookState;
  /** Minor version of ExcelApi supported, e.g. 17 for ExcelApi 1.17. */
  apiMinor: number;
  readCellLimit: number;
  sync(ctx: FakeRequestContext): Promise<void>;
}

/** Base request bytes of one call (object path + action), as Office.js serialises it roughly. */
const CALL_BYTES = 48;

const utf8 = new TextEncoder();

/** UTF-8 byte length of a JSON text, measured, not estimated. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return utf8.encode(JSON.stringify(value)).length;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookApi;
  pending: Op[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(readonly host: HostInternals) {
    this.workbook = new FakeWorkbookApi(this);
  }
  enqueue(op: Op): void {
    this.pending.push(op);
  }
  sync(): Promise<void> {
    return this.host.sync(this);
  }
  get state(): WorkbookState {
    return this.host.state;
  }
  /** Worksheet protection: writes to a protected sheet fail (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection). */
  requireWritable(sheet: SheetState): void {
    if (sheet.protected) throw new FakeOfficeError(E.accessDenied, `The sheet "${sheet.name}" is protected.`);
  }
  /** Workbook structure protection: sheets cannot be added, deleted or renamed. */
  requireStructure(): void {
    if (this.host.state.structureProtected)
      throw new FakeOfficeError(E.accessDenied, "The workbook's structure is protected.");
  }
  requireApi(minor: number, what: string): void {
    if (this.host.apiMinor < minor) throw new FakeOfficeError(E.apiNotFound, `${what} needs ExcelApi 1.${minor}.`);
  }
}

type Bind<T> = (() => T | null) | { value: T };

function propNames(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  const text = Array.isArray(props) ? props.join(",") : typeof props === "string" ? props : (props.select ?? "");
  return text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

abstract class ClientObject<T> {
  private bound: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeRequestContext,
    bind: Bind<T>,
  ) {
    if (typeof bind === "function") ctx.enqueue({ bytes: CALL_BYTES, run: () => void (this.bound = bind()) });
    else this.bound = bind.value;
  }
  get isNullObject(): boolean {
    if (this.bound === undefined) throw new FakeOfficeError(E.propertyNotLoaded, "isNullObject before sync.");
    return this.bound === null;
  }
  protected target(): T {
    if (this.bound === undefined) throw new Error("fake: object used before its binding ran");
    if (this.bound === null) throw new FakeOfficeError(E.itemNotFound, `${this.constructor.name} is a null object.`);
    return this.bound;
  }
  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw new FakeOfficeError(E.propertyNotLoaded, `${this.constructor.name}.${prop}`);
    return this.loaded.get(prop) as V;
  }
  /** Marks props as loaded with values (used for items of a loaded collection). */
  preload(values: Map<string, unknown>): this {
    for (const [k, v] of values) this.loaded.set(k, v);
    return this;
  }
  load(props?: string | string[] | { select?: string }): this {
    const names = propNames(props);
    this.ctx.enqueue({
      bytes: CALL_BYTES + names.join(",").length,
      run: (stage) => {
        if (this.bound === null) return 0;
        const t = this.target();
        const values = new Map<string, unknown>();
        let bytes = 0;
        for (const name of names) {
          const v = this.readProperty(name, t);
          values.set(name, v);
          bytes += name.length + jsonBytes(v);
        }
        stage.push(() => this.preload(values));
        return bytes;
      },
    });
    return this;
  }
  protected abstract readProperty(name: string, target: T): unknown;
  /** Queues a change to the target. */
  protected queue(bytes: number, apply: (t: T) => void): void {
    this.ctx.enqueue({ bytes: CALL_BYTES + bytes, run: () => apply(this.target()) });
  }
}

/** A collection's items, loaded with "items/name,items/id" or plain "name,id". */
abstract class ClientCollection<T, Item> extends ClientObject<T> {
  load(props?: string | string[] | { select?: string }): this {
    const names = propNames(props)
      .map((p) => p.replace(/^items\//, ""))
      .filter((p) => p !== "items");
    this.ctx.enqueue({
      bytes: CALL_BYTES + names.join(",").length,
      run: (stage) => {
        const items = this.listItems(this.target());
        let bytes = 0;
        const proxies = items.map((item) => {
          const values = new Map<string, unknown>();
          const proxy = this.wrap(item);
          for (const name of names) {
            const v = (proxy as unknown as { readProperty(n: string, t: unknown): unknown }).readProperty(name, item);
            values.set(name, v);
            bytes += name.length + jsonBytes(v);
          }
          return { proxy, values };
        });
        stage.push(() => {
          for (const p of proxies) p.proxy.preload(p.values);
          this.preload(new Map([["items", proxies.map((p) => p.proxy)]]));
        });
        return bytes;
      },
    });
    return this;
  }
  get items(): Item[] {
    return this.get<Item[]>("items");
  }
  protected readProperty(name: string): unknown {
    throw new FakeOfficeError(E.invalidArgument, `collection property ${name}`);
  }
  protected abstract listItems(t: T): unknown[];
  protected abstract wrap(item: unknown): Item & ClientObject<unknown>;
}

// ---------- Workbook ----------

export class FakeWorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;
  readonly names: FakeNameCollection;
  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx, { value: ctx.state });
    this.tables = new FakeTableCollection(ctx, { value: { state: ctx.state, sheet: null } });
    this.settings = new FakeSettingCollection(ctx, { value: ctx.state });
    this.names = new FakeNameCollection(ctx, { value: { state: ctx.state, sheet: null } });
  }
  /** workbook.properties.custom (ExcelApi 1.7). */
  get properties(): { custom: FakeCustomPropertyCollection } {
    this.ctx.requireApi(7, "workbook.properties");
    return { custom: new FakeCustomPropertyCollection(this.ctx, { value: this.ctx.state }) };
  }
  /**
   * workbook.functions (ExcelApi 1.2). Only DATE is modelled: the released API has no date-system
   * flag, so DATE(1904,1,2) tells it (1 in a 1904 workbook, 1463 otherwise).
   */
  get functions(): { date(year: number, month: number, day: number): FakeFunctionResult } {
    this.ctx.requireApi(2, "workbook.functions");
    return {
      date: (y, m, d) => new FakeFunctionResult(this.ctx, () => ({ value: excelDate(this.ctx.state, y, m, d) })),
    };
  }
  /** Throws InvalidSelection when a chart, several areas or another workbook is selected (see SelectionKind). */
  getSelectedRange(): FakeRange {
    const state = this.ctx.state;
    return new FakeRange(this.ctx, () => {
      if (state.selection.kind !== "range")
        throw new FakeOfficeError(
          E.invalidSelection,
          `The current selection (${state.selection.kind}) is not one range.`,
        );
      return { sheet: state.selection.sheet, rect: state.selection.rect };
    });
  }
}

/** Days since 1899-12-30 (serials from 61 on), or since 1904-01-01 in a 1904 workbook. */
export function excelDate(state: WorkbookState, y: number, m: number, d: number): number {
  const days = Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  const epoch1900 = Math.round(Date.UTC(1899, 11, 30) / 86_400_000);
  const epoch1904 = Math.round(Date.UTC(1904, 0, 1) / 86_400_000);
  return state.date1904 ? days - epoch1904 : days - epoch1900;
}

export class FakeFunctionResult extends ClientObject<{ value: number }> {
  protected readProperty(name: string, r: { value: number }): unknown {
    if (name === "value") return r.value;
    if (name === "error") return null;
    throw new FakeOfficeError(E.invalidArgument, `FunctionResult.${name}`);
  }
  get value(): number {
    return this.get("value");
  }
}

// ---------- Custom properties (ExcelApi 1.7) and names (ExcelApi 1.4) ----------

export class FakeCustomPropertyCollection extends ClientCollection<WorkbookState, FakeCustomProperty> {
  protected listItems(state: WorkbookState): unknown[] {
    return [...state.customProperties.entries()].map(([key, value]) => ({ key, value }));
  }
  protected wrap(item: unknown): FakeCustomProperty {
    return new FakeCustomProperty(this.ctx, { value: item as { key: string; value: string } });
  }
  /** Keys are case-insensitive; a value is at most 255 characters (custom document properties). */
  add(key: string, value: string): FakeCustomProperty {
    const state = this.ctx.state;
    return new FakeCustomProperty(this.ctx, () => {
      if (typeof value === "string" && value.length > 255)
        throw new FakeOfficeError(E.invalidArgument, "A custom property value is at most 255 characters.");
      for (const k of [...state.customProperties.keys()])
        if (k.toLowerCase() === key.toLowerCase()) state.customProperties.delete(k);
      state.customProperties.set(key, String(value));
      return { key, value: String(value) };
    });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    const state = this.ctx.state;
    return new FakeCustomProperty(this.ctx, () => {
      for (const [k, v] of state.customProperties)
        if (k.toLowerCase() === key.toLowerCase()) return { key: k, value: v };
      return null;
    });
  }
}

export class FakeCustomProperty extends ClientObject<{ key: string; value: string }> {
  protected readProperty(name: string, p: { key: string; value: string }): unknown {
    if (name === "key") return p.key;
    if (name === "value") return p.value;
    if (name === "type") return "String";
    throw new FakeOfficeError(E.invalidArgument, `CustomProperty.${name}`);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): string {
    return this.get("value");
  }
  delete(): void {
    this.queue(0, (p) => void this.ctx.state.customProperties.delete(p.key));
  }
}

interface NameScope {
  state: WorkbookState;
  sheet: SheetState | null;
}

/** Excel's rule for defined names: letter, _ or \ first; letters, digits, _ . \ after; not a cell reference. */
const NAME_RULE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export class FakeNameCollection extends ClientCollection<NameScope, FakeNamedItem> {
  protected listItems(scope: NameScope): unknown[] {
    return scope.state.names.filter((n) => n.sheet === scope.sheet && !n.sheet?.deleted);
  }
  protected wrap(item: unknown): FakeNamedItem {
    return new FakeNamedItem(this.ctx, { value: item as NameState });
  }
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    void comment;
    this.ctx.requireApi(4, "names.add");
    return new FakeNamedItem(this.ctx, () => {
      const scope = this.target();
      if (!NAME_RULE.test(name) || parseAddress(name))
        throw new FakeOfficeError(E.invalidArgument, `Invalid name "${name}".`);
      const taken = scope.state.names.some(
        (n) => n.sheet === scope.sheet && n.name.toLowerCase() === name.toLowerCase(),
      );
      // Table names and workbook-scoped names share one namespace.
      if (taken || (scope.sheet === null && tableByName(scope.state, name)))
        throw new FakeOfficeError(E.itemAlreadyExists, `The name "${name}" exists.`);
      const item: NameState = { name, sheet: scope.sheet, formula: reference, visible: true };
      scope.state.names.push(item);
      return item;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const scope = this.target();
      return (
        scope.state.names.find((n) => n.sheet === scope.sheet && n.name.toLowerCase() === name.toLowerCase()) ?? null
      );
    });
  }
}

export class FakeNamedItem extends ClientObject<NameState> {
  protected readProperty(name: string, n: NameState): unknown {
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "visible":
        return n.visible;
      case "value": {
        // A constant text name ( ="abc" ) evaluates to its text.
        const text = /^="((?:[^"]|"")*)"$/.exec(n.formula);
        return text ? text[1].replace(/""/g, '"') : n.formula.replace(/^=/, "");
      }
      default:
        throw new FakeOfficeError(E.invalidArgument, `NamedItem.${name}`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  get value(): string {
    return this.get("value");
  }
  set visible(on: boolean) {
    this.queue(4, (n) => void (n.visible = on));
  }
  delete(): void {
    this.queue(0, (n) => {
      const list = this.ctx.state.names;
      list.splice(list.indexOf(n), 1);
    });
  }
}

// ---------- Worksheets ----------

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;

function checkSheetName(state: WorkbookState, name: string, self?: SheetState): void {
  if (!name || name.length > 31 || FORBIDDEN_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new FakeOfficeError(E.invalidArgument, `Invalid sheet name "${name}".`);
  const other = sheetByName(state, name);
  if (other && other !== self) throw new FakeOfficeError(E.itemAlreadyExists, `A sheet named "${name}" exists.`);
}

export class FakeWorksheetCollection extends ClientCollection<WorkbookState, FakeWorksheet> {
  protected listItems(state: WorkbookState): unknown[] {
    return state.sheets.filter((s) => !s.deleted);
  }
  protected wrap(item: unknown): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { value: item as SheetState });
  }
  getItem(name: string): FakeWorksheet {
    const state = this.ctx.state;
    return new FakeWorksheet(this.ctx, () => {
      // Excel's getItem takes a name or an id.
      const sheet = sheetByName(state, name) ?? state.sheets.find((s) => !s.deleted && s.id === name);
      if (!sheet) throw new FakeOfficeError(E.itemNotFound, `Worksheet "${name}".`);
      return sheet;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.requireApi(4, "getItemOrNullObject");
    const state = this.ctx.state;
    return new FakeWorksheet(this.ctx, () => sheetByName(state, name) ?? null);
  }
  getActiveWorksheet(): FakeWorksheet {
    const state = this.ctx.state;
    return new FakeWorksheet(this.ctx, () => state.activeSheet);
  }
  add(name?: string): FakeWorksheet {
    const state = this.ctx.state;
    return new FakeWorksheet(this.ctx, () => {
      this.ctx.requireStructure();
      const sheetName = name ?? `Sheet${state.sheets.length + 1}`;
      checkSheetName(state, sheetName);
      const sheet = newSheet(state, sheetName);
      state.sheets.push(sheet);
      return sheet;
    });
  }
}

export class FakeWorksheet extends ClientObject<SheetState> {
  protected readProperty(name: string, sheet: SheetState): unknown {
    const state = this.ctx.state;
    switch (name) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return state.sheets.filter((s) => !s.deleted).indexOf(sheet);
      case "visibility":
        return sheet.hidden ? "Hidden" : "Visible";
      default:
        throw new FakeOfficeError(E.invalidArgument, `Worksheet.${name}`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.queue(value.length, (sheet) => {
      this.ctx.requireStructure();
      checkSheetName(this.ctx.state, value, sheet);
      sheet.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, () => ({ state: this.ctx.state, sheet: this.target() }));
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, () => this.target());
  }
  /** Names local to this sheet (ExcelApi 1.4). */
  get names(): FakeNameCollection {
    this.ctx.requireApi(4, "worksheet.names");
    return new FakeNameCollection(this.ctx, () => ({ state: this.ctx.state, sheet: this.target() }));
  }
  get freezePanes(): { freezeRows(count: number): void } {
    return {
      freezeRows: (count: number) => {
        this.ctx.requireApi(7, "freezePanes");
        this.queue(8, (sheet) => {
          // Some builds refuse freeze panes with GeneralException (fake.failFreezePanes()).
          if (this.ctx.state.freezePanesFails) throw new FakeOfficeError(E.general, "freezePanes.freezeRows");
          sheet.frozenRows = count;
          sheet.mutations++;
        });
      },
    };
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, rect: { row: 0, column: 0, rowCount: 1048576, columnCount: 16384 } };
      const parsed = parseAddress(address);
      if (!parsed || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()))
        throw new FakeOfficeError(E.invalidArgument, `Range address "${address}".`);
      return { sheet, rect: parsed.rect };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      return { sheet, rect: usedRect(sheet) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    this.ctx.requireApi(4, "getUsedRangeOrNullObject");
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      const rect = usedRect(sheet);
      return rect ? { sheet, rect } : null;
    });
  }
  activate(): void {
    this.queue(0, (sheet) => {
      // Excel cannot bring a hidden sheet to the front.
      if (sheet.hidden) throw new FakeOfficeError(E.invalidOperation, `Worksheet.activate: "${sheet.name}" is hidden.`);
      this.ctx.state.activeSheet = sheet;
    });
  }
  delete(): void {
    this.queue(0, (sheet) => {
      const state = this.ctx.state;
      this.ctx.requireStructure();
      if (state.sheets.filter((s) => !s.deleted).length === 1)
        throw new FakeOfficeError(E.invalidArgument, "A workbook must keep one visible sheet.");
      sheet.deleted = true;
      for (const t of state.tables) if (t.sheet === sheet) t.deleted = true;
      state.names = state.names.filter((n) => n.sheet !== sheet);
      breakReferencesTo(state, sheet);
      if (state.activeSheet === sheet) state.activeSheet = state.sheets.find((s) => !s.deleted)!;
      if (state.selection.sheet === sheet)
        state.selection = {
          sheet: state.activeSheet,
          rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 },
          kind: "range",
        };
    });
  }
}

// ---------- Ranges ----------

interface RangeTarget {
  sheet: SheetState;
  rect: CellRect;
}

/**
 * Formulas on other sheets that name a deleted sheet (or a table on it) turn into #REF!, which is
 * why re-runs must not delete and recreate a sheet users point at
 * (https://support.microsoft.com/en-us/office/how-to-correct-a-ref-error-822c8e46-e610-4d5b-9d5c-1f2f1f5a0b1c).
 */
function breakReferencesTo(state: WorkbookState, sheet: SheetState): void {
  const tables = state.tables.filter((t) => t.sheet === sheet).map((t) => t.name.toLowerCase());
  const names = [sheet.name.toLowerCase(), `'${sheet.name.replace(/'/g, "''").toLowerCase()}'`];
  for (const other of state.sheets) {
    if (other.deleted) continue;
    for (const row of other.rows)
      for (const cell of row ?? []) {
        if (typeof cell !== "object" || cell === null) continue;
        const f = cell.formula.toLowerCase();
        if (names.some((n) => f.includes(`${n}!`)) || tables.some((t) => f.includes(`${t}[`))) cell.broken = true;
      }
  }
}

/** What Excel stores for a value written through Range.values (null leaves the cell as it was). */
function storedValue(value: unknown, format: string | undefined): { cell: StoredCell; format?: string } | null {
  if (value === null) return null;
  if (typeof value === "string") {
    if (value === "") return { cell: undefined };
    if (value.charCodeAt(0) === 39) return { cell: value.slice(1) }; // quote prefix: text, apostrophe hidden
    // A cell formatted as Text ("@") keeps what is written as text, formulas included.
    if (format === "@") return { cell: value };
    if (/^[ \t\r\n]*=/.test(value)) return { cell: { formula: value } };
    if (/^[ \t\r\n]*[+\-@]/.test(value) && !Number.isFinite(Number(value))) return { cell: { formula: value } };
    return typedAsInput(value, format);
  }
  if (typeof value === "number" || typeof value === "boolean") return { cell: value };
  throw new FakeOfficeError(E.invalidArgument, `Unsupported cell value ${String(value)}.`);
}

/**
 * Text written through Range.values is parsed as if typed (en-US here): "2026", "00123" and
 * "1,234" become numbers, "TRUE" a boolean, "12%" 0.12 (format "0%"), "2026-03", "2026-03-15" and
 * "3/15/2026" dates (and the cell takes a date format when it was General). Sources: Range.values
 * "...the value will be interpreted as if typed" and OfficeDev/office-js#229 (writing
 * '2018-12-31' gives a date with numberFormat m/d/yyyy); https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member.
 */
function typedAsInput(text: string, format: string | undefined): { cell: StoredCell; format?: string } {
  const t = text.trim();
  const general = format === undefined || format === "General";
  if (/^(true|false)$/i.test(t)) return { cell: t.toLowerCase() === "true" };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { cell: Number(t) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { cell: Number(t.replace(/,/g, "")) };
  const pct = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/.exec(t);
  if (pct) return { cell: Number(pct[1]) / 100, ...(general ? { format: "0%" } : {}) };
  let ymd: [number, number, number] | null = null;
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(t);
  if (m) ymd = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) ymd = [Number(m[3]), Number(m[1]), Number(m[2])];
  if (ymd && ymd[1] >= 1 && ymd[1] <= 12 && ymd[2] >= 1 && ymd[2] <= 31 && ymd[0] >= 1900) {
    const serial = Math.round((Date.UTC(ymd[0], ymd[1] - 1, ymd[2]) - Date.UTC(1899, 11, 30)) / 86_400_000);
    return { cell: serial, ...(general ? { format: m && m[3] === undefined ? "mmm-yy" : "m/d/yyyy" } : {}) };
  }
  return { cell: text };
}

function checkShape(values: unknown, rect: CellRect, what: string): void {
  if (!Array.isArray(values)) return; // a single value fills the range
  const ok =
    values.length === rect.rowCount && values.every((row) => Array.isArray(row) && row.length === rect.columnCount);
  if (!ok)
    throw new FakeOfficeError(
      E.invalidArgument,
      `${what}: the array (${values.length} rows) does not match the range's dimensions (${rect.rowCount}×${rect.columnCount}).`,
    );
}

/**
 * Text written into a table's header row renames the column, as typing there does in Excel
 * (an emptied header cell becomes "ColumnN").
 */
function syncTableHeaders(state: WorkbookState, sheet: SheetState): void {
  for (const t of state.tables) {
    if (t.deleted || t.sheet !== sheet || !t.showHeaders) continue;
    const header = sheet.rows[t.rect.row] ?? [];
    t.columns = Array.from({ length: t.rect.columnCount }, (_, j) => {
      const v = header[t.rect.column + j];
      if (v === undefined || v === null || v === "") return `Column${j + 1}`;
      return typeof v === "object" ? (t.columns[j] ?? `Column${j + 1}`) : String(v);
    });
  }
}

const COPY_TYPES = new Set(["All", "Formulas", "Values", "Formats"]);

export class FakeRange extends ClientObject<RangeTarget> {
  protected readProperty(name: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    switch (name) {
      case "address":
        return fullAddress(sheet.name, rect);
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.columnCount;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "values":
      case "formulas":
        // Excel on the web: a read past 5 million cells may come back null.
        if (rect.rowCount * rect.columnCount > this.ctx.host.readCellLimit) return null;
        return this.cellGrid(t, name === "formulas");
      case "numberFormat":
        return this.grid(t, (_cell, r, c) => sheet.numberFormats[r]?.[c] ?? "General");
      default:
        throw new FakeOfficeError(E.invalidArgument, `Range.${name}`);
    }
  }
  /** Values as Excel returns them: "" for empty cells; formulas as their text (the fake does not calculate). */
  private cellGrid(t: RangeTarget, formulas: boolean): unknown[][] {
    const { rect } = t;
    const out: unknown[][] = new Array(rect.rowCount);
    for (let i = 0; i < rect.rowCount; i++) {
      const row = t.sheet.rows[rect.row + i];
      // slice copies natively; the loop below only patches empty and formula cells.
      const line: unknown[] = row ? row.slice(rect.column, rect.column + rect.columnCount) : [];
      for (let j = 0; j < rect.columnCount; j++) {
        const v = line[j];
        if (v === undefined || v === null) line[j] = "";
        else if (typeof v === "object") {
          const f = v as { formula: string; broken?: boolean };
          line[j] = formulas ? f.formula : f.broken ? "#REF!" : "#FAKE-FORMULA";
        }
      }
      out[i] = line;
    }
    return out;
  }
  private grid(t: RangeTarget, cell: (cell: StoredCell, r: number, c: number) => unknown): unknown[][] {
    const out: unknown[][] = new Array(t.rect.rowCount);
    for (let i = 0; i < t.rect.rowCount; i++) {
      const r = t.rect.row + i;
      const row = t.sheet.rows[r];
      const line = new Array(t.rect.columnCount);
      for (let j = 0; j < t.rect.columnCount; j++) line[j] = cell(row?.[t.rect.column + j], r, t.rect.column + j);
      out[i] = line;
    }
    return out;
  }
  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  /**
   * Range.select (ExcelApi 1.1). Strictest reading: Excel selects only on the active, visible sheet
   * (selecting on another sheet is unreliable, office-js#5118), so the caller activates it first.
   */
  select(): void {
    this.queue(0, (t) => {
      const state = this.ctx.state;
      if (t.sheet.hidden) throw new FakeOfficeError(E.invalidOperation, `Range.select: "${t.sheet.name}" is hidden.`);
      if (state.activeSheet !== t.sheet)
        throw new FakeOfficeError(E.invalidOperation, `Range.select: "${t.sheet.name}" is not the active sheet.`);
      state.selection = { sheet: t.sheet, rect: { ...t.rect }, kind: "range" };
    });
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(values: unknown[][]) {
    this.queue(jsonBytes(values), (t) => {
      checkShape(values, t.rect, "Range.values");
      this.ctx.requireWritable(t.sheet);
      for (let i = 0; i < t.rect.rowCount; i++) {
        const r = t.rect.row + i;
        const row = (t.sheet.rows[r] ??= []);
        for (let j = 0; j < t.rect.columnCount; j++) {
          const c = t.rect.column + j;
          const stored = storedValue(Array.isArray(values) ? values[i][j] : values, t.sheet.numberFormats[r]?.[c]);
          if (stored === null) continue;
          row[c] = stored.cell;
          if (stored.format) (t.sheet.numberFormats[r] ??= [])[c] = stored.format;
        }
      }
      syncTableHeaders(this.ctx.state, t.sheet);
      t.sheet.mutations++;
    });
  }
  /**
   * Range.clear (ExcelApi 1.1): "Contents" empties the cells, "Formats" resets number formats,
   * bold and the conditional formats inside the range, "All" both. What clearing the formats of a
   * table's cells does to the table is not documented: the fake refuses it (strictest reading).
   */
  clear(applyTo: string = "All"): void {
    this.queue(8, (t) => {
      if (!["All", "Contents", "Formats"].includes(applyTo))
        throw new FakeOfficeError(E.invalidArgument, `ClearApplyTo "${applyTo}".`);
      this.ctx.requireWritable(t.sheet);
      const contents = applyTo !== "Formats";
      const formats = applyTo !== "Contents";
      const state = this.ctx.state;
      if (formats && state.tables.some((tb) => !tb.deleted && tb.sheet === t.sheet && overlaps(tb.rect, t.rect)))
        throw new Error("fake: clearing the formats of a table's cells is not modelled");
      const { row, column, rowCount, columnCount } = t.rect;
      for (let r = row; r < row + rowCount && r < Math.max(t.sheet.rows.length, t.sheet.numberFormats.length); r++) {
        for (let c = column; c < column + columnCount; c++) {
          if (contents && t.sheet.rows[r] && c < t.sheet.rows[r].length) t.sheet.rows[r][c] = undefined;
          if (formats && t.sheet.numberFormats[r] && c < t.sheet.numberFormats[r].length)
            t.sheet.numberFormats[r][c] = undefined;
        }
        if (formats && column === 0 && columnCount >= 16384) t.sheet.boldRows.delete(r);
      }
      if (formats) t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !contains(t.rect, cf.rect));
      // Clearing formats unmerges the merged areas the range touches, as Clear Formats does in Excel.
      if (formats) t.sheet.merges = t.sheet.merges.filter((m) => !intersection(m, t.rect));
      if (contents) syncTableHeaders(state, t.sheet);
      t.sheet.mutations++;
    });
  }
  /**
   * Range.copyFrom (ExcelApi 1.9), as Copy and Paste in Excel: a one-cell destination takes the
   * source's size, any other must match it. "All" copies cells (blanks too), number formats, bold
   * and the conditional formats inside the source. Copying a table's cells would paste a new table:
   * not modelled, refused. Formulas are copied as their text (their references are not shifted).
   */
  copyFrom(source: FakeRange | string, copyType: string = "All", skipBlanks = false, transpose = false): void {
    this.ctx.requireApi(9, "Range.copyFrom");
    if (skipBlanks || transpose) throw new Error("fake: copyFrom with skipBlanks or transpose is not modelled");
    this.queue(CALL_BYTES, (dest) => {
      if (!COPY_TYPES.has(copyType)) throw new FakeOfficeError(E.invalidArgument, `RangeCopyType "${copyType}".`);
      let src: RangeTarget;
      if (typeof source === "string") {
        const parsed = parseAddress(source);
        const sheet = parsed?.sheet ? sheetByName(this.ctx.state, parsed.sheet) : dest.sheet;
        if (!parsed || !sheet) throw new FakeOfficeError(E.invalidArgument, `Range address "${source}".`);
        src = { sheet, rect: parsed.rect };
      } else src = (source as unknown as { target(): RangeTarget }).target();
      const single = dest.rect.rowCount === 1 && dest.rect.columnCount === 1;
      if (!single && (dest.rect.rowCount !== src.rect.rowCount || dest.rect.columnCount !== src.rect.columnCount))
        throw new FakeOfficeError(E.invalidArgument, "The destination's size does not match the source's.");
      const to: CellRect = { ...dest.rect, rowCount: src.rect.rowCount, columnCount: src.rect.columnCount };
      this.ctx.requireWritable(dest.sheet);
      const state = this.ctx.state;
      if (state.tables.some((tb) => !tb.deleted && tb.sheet === src.sheet && overlaps(tb.rect, src.rect)))
        throw new Error("fake: copying a table's cells (Excel pastes a new table) is not modelled");
      const cells = copyType !== "Formats";
      const formats = copyType === "All" || copyType === "Formats";
      // Read everything first: source and destination may overlap.
      const grid: StoredCell[][] = [];
      const fmts: Array<Array<string | undefined>> = [];
      const bold: boolean[] = [];
      for (let i = 0; i < src.rect.rowCount; i++) {
        const r = src.rect.row + i;
        grid.push([]);
        fmts.push([]);
        bold.push(src.sheet.boldRows.has(r));
        for (let j = 0; j < src.rect.columnCount; j++) {
          const v = src.sheet.rows[r]?.[src.rect.column + j];
          if (copyType === "Values" && typeof v === "object" && v !== null)
            throw new Error("fake: copying formula results is not modelled (the fake does not calculate)");
          grid[i].push(typeof v === "object" && v !== null ? { ...v } : v);
          fmts[i].push(src.sheet.numberFormats[r]?.[src.rect.column + j]);
        }
      }
      const rules = formats
        ? src.sheet.conditionalFormats
            .filter((cf) => contains(src.rect, cf.rect))
            .map((cf) => ({
              ...cf,
              rect: {
                ...cf.rect,
                row: cf.rect.row - src.rect.row + to.row,
                column: cf.rect.column - src.rect.column + to.column,
              },
            }))
        : [];
      for (let i = 0; i < to.rowCount; i++) {
        const r = to.row + i;
        for (let j = 0; j < to.columnCount; j++) {
          if (cells) (dest.sheet.rows[r] ??= [])[to.column + j] = grid[i][j];
          if (formats) (dest.sheet.numberFormats[r] ??= [])[to.column + j] = fmts[i][j];
        }
        if (formats) bold[i] ? dest.sheet.boldRows.add(r) : dest.sheet.boldRows.delete(r);
      }
      for (const cf of rules) dest.sheet.conditionalFormats.push({ ...cf, id: `{fake-cf-${state.nextId++}}` });
      syncTableHeaders(state, dest.sheet);
      dest.sheet.mutations++;
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.queue(jsonBytes(formats), (t) => {
      checkShape(formats, t.rect, "Range.numberFormat");
      this.ctx.requireWritable(t.sheet);
      for (let i = 0; i < t.rect.rowCount; i++) {
        const r = t.rect.row + i;
        const row = (t.sheet.numberFormats[r] ??= []);
        for (let j = 0; j < t.rect.columnCount; j++) {
          const f = Array.isArray(formats) ? formats[i][j] : formats;
          if (f !== null) row[t.rect.column + j] = String(f);
        }
      }
      t.sheet.mutations++;
    });
  }
  /** Range.getUsedRange (ExcelApi 1.1): the used cells within this range; none gives ItemNotFound. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      const used = usedRect(t.sheet);
      const rect = used && intersection(t.rect, used);
      if (!rect) throw new FakeOfficeError(E.itemNotFound, "No used cells in the range.");
      return { sheet: t.sheet, rect };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    this.ctx.requireApi(4, "Range.getUsedRangeOrNullObject");
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      const used = usedRect(t.sheet);
      const rect = used && intersection(t.rect, used);
      return rect ? { sheet: t.sheet, rect } : null;
    });
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.target().sheet);
  }
  /** ExcelApi 1.4. A string address is on this range's sheet; no common cell gives a null object. */
  getIntersectionOrNullObject(another: string | FakeRange): FakeRange {
    this.ctx.requireApi(4, "getIntersectionOrNullObject");
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      let other: CellRect;
      if (typeof another === "string") {
        const parsed = parseAddress(another);
        if (!parsed || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== t.sheet.name.toLowerCase()))
          throw new FakeOfficeError(E.invalidArgument, `Range address "${another}".`);
        other = parsed.rect;
      } else {
        const o = another.target();
        if (o.sheet !== t.sheet) throw new FakeOfficeError(E.invalidArgument, "Ranges on different sheets.");
        other = o.rect;
      }
      const rect = intersection(t.rect, other);
      return rect ? { sheet: t.sheet, rect } : null;
    });
  }
  /**
   * Range.group (ExcelApi 1.10): each row (or column) of the range one outline level deeper; Excel
   * keeps at most eight levels (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-group).
   */
  group(groupOption: string): void {
    this.ctx.requireApi(10, "Range.group");
    this.queue(CALL_BYTES_SMALL, (t) => {
      if (groupOption !== "ByRows" && groupOption !== "ByColumns")
        throw new FakeOfficeError(E.invalidArgument, `GroupOption "${groupOption}".`);
      if (groupOption === "ByColumns") throw new FakeOfficeError(E.invalidArgument, "fake: ByColumns not modelled.");
      this.ctx.requireWritable(t.sheet);
      for (let i = 0; i < t.rect.rowCount; i++)
        if ((t.sheet.outlineLevels.get(t.rect.row + i) ?? 0) >= MAX_OUTLINE_LEVELS)
          throw new FakeOfficeError(E.general, `Excel supports ${MAX_OUTLINE_LEVELS} outline levels.`);
      for (let i = 0; i < t.rect.rowCount; i++)
        t.sheet.outlineLevels.set(t.rect.row + i, (t.sheet.outlineLevels.get(t.rect.row + i) ?? 0) + 1);
      t.sheet.mutations++;
    });
  }
  /**
   * Range.merge (ExcelApi 1.2). Excel refuses to merge cells of a table
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables) and a merge that
   * crosses another one partly.
   */
  merge(across = false): void {
    this.ctx.requireApi(2, "Range.merge");
    this.queue(CALL_BYTES_SMALL, (t) => {
      this.ctx.requireWritable(t.sheet);
      if (this.ctx.state.tables.some((tb) => !tb.deleted && tb.sheet === t.sheet && intersection(tb.rect, t.rect)))
        throw new FakeOfficeError(E.invalidArgument, "Cells in a table cannot be merged.");
      const rows = across
        ? Array.from({ length: t.rect.rowCount }, (_, i) => ({ ...t.rect, row: t.rect.row + i, rowCount: 1 }))
        : [t.rect];
      for (const rect of rows) {
        if (t.sheet.merges.some((m) => intersection(m, rect) && !contains(rect, m)))
          throw new FakeOfficeError(E.invalidArgument, "A merge cannot cross another merged area.");
        t.sheet.merges = t.sheet.merges.filter((m) => !contains(rect, m));
        if (rect.rowCount * rect.columnCount > 1) t.sheet.merges.push(rect);
      }
      t.sheet.mutations++;
    });
  }
  get format(): {
    columnWidth: number;
    indentLevel: number;
    horizontalAlignment: string;
    font: { bold: boolean };
    borders: { getItem(index: string): { style: string } };
    autofitColumns(): void;
  } {
    const range = this;
    return {
      set horizontalAlignment(value: string) {
        range.queue(8 + value.length, (t) => {
          if (!H_ALIGNMENTS.has(value)) throw new FakeOfficeError(E.invalidArgument, `HorizontalAlignment "${value}".`);
          range.ctx.requireWritable(t.sheet);
          eachCell(t.rect, (r, c) => void t.sheet.horizontalAlignments.set(`${r}:${c}`, value));
          t.sheet.mutations++;
        });
      },
      get horizontalAlignment(): string {
        throw new FakeOfficeError(E.propertyNotLoaded, "RangeFormat.horizontalAlignment");
      },
      /** ExcelApi 1.9: an integer from 0 to 250 (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-indentlevel-member). */
      set indentLevel(level: number) {
        range.ctx.requireApi(9, "RangeFormat.indentLevel");
        range.queue(8, (t) => {
          if (!Number.isInteger(level) || level < 0 || level > 250)
            throw new FakeOfficeError(E.invalidArgument, `indentLevel ${level}: an integer from 0 to 250.`);
          range.ctx.requireWritable(t.sheet);
          eachCell(t.rect, (r, c) => void t.sheet.indentLevels.set(`${r}:${c}`, level));
          t.sheet.mutations++;
        });
      },
      get indentLevel(): number {
        throw new FakeOfficeError(E.propertyNotLoaded, "RangeFormat.indentLevel");
      },
      borders: {
        getItem(index: string) {
          if (!BORDER_INDEXES.has(index)) throw new FakeOfficeError(E.invalidArgument, `BorderIndex "${index}".`);
          return {
            set style(style: string) {
              range.queue(8 + style.length, (t) => {
                if (!BORDER_STYLES.has(style))
                  throw new FakeOfficeError(E.invalidArgument, `BorderLineStyle "${style}".`);
                if (index !== "EdgeTop")
                  throw new FakeOfficeError(E.invalidArgument, "fake: only EdgeTop is modelled.");
                range.ctx.requireWritable(t.sheet);
                for (let j = 0; j < t.rect.columnCount; j++)
                  t.sheet.topBorders.set(`${t.rect.row}:${t.rect.column + j}`, style);
                t.sheet.mutations++;
              });
            },
            get style(): string {
              throw new FakeOfficeError(E.propertyNotLoaded, "RangeBorder.style");
            },
          };
        },
      },
      set columnWidth(points: number) {
        range.queue(8, (t) => {
          for (let j = 0; j < t.rect.columnCount; j++) t.sheet.columnWidths.set(t.rect.column + j, points);
          t.sheet.mutations++;
        });
      },
      get columnWidth(): number {
        throw new FakeOfficeError(E.propertyNotLoaded, "RangeFormat.columnWidth");
      },
      font: {
        set bold(on: boolean) {
          range.queue(8, (t) => {
            for (let i = 0; i < t.rect.rowCount; i++)
              on ? t.sheet.boldRows.add(t.rect.row + i) : t.sheet.boldRows.delete(t.rect.row + i);
            t.sheet.mutations++;
          });
        },
        get bold(): boolean {
          throw new FakeOfficeError(E.propertyNotLoaded, "RangeFont.bold");
        },
      },
      autofitColumns() {
        range.queue(0, (t) => void t.sheet.mutations++);
      },
    };
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, () => this.target());
  }
}

const CALL_BYTES_SMALL = 16;
const MAX_OUTLINE_LEVELS = 8;
const BORDER_INDEXES = new Set([
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
]);
const BORDER_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]);

const H_ALIGNMENTS = new Set([
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
]);

function eachCell(rect: CellRect, visit: (row: number, column: number) => void): void {
  for (let i = 0; i < rect.rowCount; i++)
    for (let j = 0; j < rect.columnCount; j++) visit(rect.row + i, rect.column + j);
}

function intersection(a: CellRect, b: CellRect): CellRect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const columnEnd = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  if (rowEnd <= row || columnEnd <= column) return null;
  return { row, column, rowCount: rowEnd - row, columnCount: columnEnd - column };
}

// ---------- Conditional formats (ExcelApi 1.6) ----------

const ICON_COUNT = (style: string) =>
  style.startsWith("Three") ? 3 : style.startsWith("Four") ? 4 : style.startsWith("Five") ? 5 : 0;
const CF_TYPES = new Set([
  "IconSet",
  "DataBar",
  "Custom",
  "ColorScale",
  "CellValue",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
]);

export class FakeConditionalFormatCollection extends ClientCollection<RangeTarget, FakeConditionalFormat> {
  protected listItems(t: RangeTarget): unknown[] {
    return t.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, t.rect));
  }
  protected wrap(item: unknown): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, { value: item as ConditionalFormatState }, () => this.target().sheet);
  }
  add(type: string): FakeConditionalFormat {
    this.ctx.requireApi(6, "conditionalFormats.add");
    let sheet: SheetState | undefined;
    return new FakeConditionalFormat(
      this.ctx,
      () => {
        if (!CF_TYPES.has(type)) throw new FakeOfficeError(E.invalidArgument, `ConditionalFormatType "${type}".`);
        const t = this.target();
        sheet = t.sheet;
        const cf: ConditionalFormatState = { id: `{fake-cf-${this.ctx.state.nextId++}}`, type, rect: t.rect };
        t.sheet.conditionalFormats.push(cf);
        t.sheet.mutations++;
        return cf;
      },
      () => sheet!,
    );
  }
  /** ConditionalFormatCollection.clearAll (ExcelApi 1.6): every rule active on the range goes. */
  clearAll(): void {
    this.ctx.requireApi(6, "conditionalFormats.clearAll");
    this.queue(0, (t) => {
      this.ctx.requireWritable(t.sheet);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !overlaps(cf.rect, t.rect));
      t.sheet.mutations++;
    });
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.ctx,
      () => {
        const cf = this.target().sheet.conditionalFormats[Number(id)];
        if (!cf) throw new FakeOfficeError(E.itemNotFound, `ConditionalFormat ${id}.`);
        return cf;
      },
      () => this.target().sheet,
    );
  }
  getItemOrNullObject(id: string): FakeConditionalFormat {
    this.ctx.requireApi(14, "ConditionalFormatCollection.getItemOrNullObject");
    return new FakeConditionalFormat(
      this.ctx,
      () => this.target().sheet.conditionalFormats[Number(id)] ?? null,
      () => this.target().sheet,
    );
  }
}

/** b lies wholly inside a. */
function contains(a: CellRect, b: CellRect): boolean {
  return (
    b.row >= a.row &&
    b.column >= a.column &&
    b.row + b.rowCount <= a.row + a.rowCount &&
    b.column + b.columnCount <= a.column + a.columnCount
  );
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

const DATA_BAR_BOUNDS = new Set([
  "Invalid",
  "Automatic",
  "LowestValue",
  "HighestValue",
  "Number",
  "Percent",
  "Formula",
  "Percentile",
]);

export class FakeConditionalFormat extends ClientObject<ConditionalFormatState> {
  constructor(
    ctx: FakeRequestContext,
    bind: Bind<ConditionalFormatState>,
    private readonly sheetOf: () => SheetState,
  ) {
    super(ctx, bind);
  }
  /**
   * `id` is positional: the rule's place in its sheet's list when read, so a rule deleted before it
   * shifts it and a stored id can name another rule later (Excel documents ids as positional in
   * the collection they come from). `custom/...` paths read a Custom rule's settings.
   */
  protected readProperty(name: string, cf: ConditionalFormatState): unknown {
    if (name === "id") return String(this.sheetOf().conditionalFormats.indexOf(cf));
    if (name === "type") return cf.type;
    if (name.startsWith("custom/")) {
      if (cf.type !== "Custom")
        throw new FakeOfficeError(E.invalidArgument, `A ${cf.type} rule has no custom settings.`);
      if (name === "custom/rule/formula") return cf.custom?.formula ?? "";
      if (name === "custom/format/fill/color") return cf.custom?.fill ?? null;
      if (name === "custom/format/font/color") return cf.custom?.fontColor ?? null;
    }
    throw new FakeOfficeError(E.invalidArgument, `ConditionalFormat.${name}`);
  }
  /** ConditionalFormat.getRange (ExcelApi 1.6): the cells the rule applies to. */
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheetOf(), rect: this.target().rect }));
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  private edit(bytes: number, kind: string, apply: (cf: ConditionalFormatState) => void): void {
    this.queue(bytes, (cf) => {
      if (cf.type !== kind) throw new FakeOfficeError(E.invalidArgument, `A ${cf.type} rule has no ${kind} settings.`);
      apply(cf);
      this.sheetOf().mutations++;
    });
  }
  get iconSet(): { style: string; criteria: unknown[]; reverseIconOrder: boolean; showIconOnly: boolean } {
    const self = this;
    return {
      set style(style: string) {
        self.edit(style.length, "IconSet", (cf) => {
          if (!ICON_COUNT(style)) throw new FakeOfficeError(E.invalidArgument, `IconSet "${style}".`);
          (cf.iconSet ??= {}).style = style;
        });
      },
      set criteria(criteria: unknown[]) {
        self.edit(jsonBytes(criteria), "IconSet", (cf) => {
          const style = cf.iconSet?.style ?? "ThreeTrafficLights1";
          if (!Array.isArray(criteria) || criteria.length !== ICON_COUNT(style))
            throw new FakeOfficeError(E.invalidArgument, `${style} takes ${ICON_COUNT(style)} criteria.`);
          criteria.slice(1).forEach((c, i) => {
            const k = c as { type?: string; operator?: string; formula?: string };
            if (
              !["Number", "Percent", "Formula", "Percentile"].includes(k.type ?? "") ||
              !["GreaterThan", "GreaterThanOrEqual"].includes(k.operator ?? "") ||
              typeof k.formula !== "string" ||
              !k.formula.startsWith("=")
            )
              throw new FakeOfficeError(E.invalidArgument, `Icon criterion ${i + 1}: ${JSON.stringify(c)}.`);
          });
          (cf.iconSet ??= {}).criteria = criteria;
        });
      },
      set reverseIconOrder(on: boolean) {
        self.edit(4, "IconSet", (cf) => void ((cf.iconSet ??= {}).reverseIconOrder = on));
      },
      set showIconOnly(on: boolean) {
        self.edit(4, "IconSet", (cf) => void ((cf.iconSet ??= {}).showIconOnly = on));
      },
      get style(): string {
        throw new FakeOfficeError(E.propertyNotLoaded, "IconSetConditionalFormat.style");
      },
      get criteria(): unknown[] {
        throw new FakeOfficeError(E.propertyNotLoaded, "IconSetConditionalFormat.criteria");
      },
      get reverseIconOrder(): boolean {
        throw new FakeOfficeError(E.propertyNotLoaded, "reverseIconOrder");
      },
      get showIconOnly(): boolean {
        throw new FakeOfficeError(E.propertyNotLoaded, "showIconOnly");
      },
    };
  }
  get dataBar(): {
    positiveFormat: { fillColor: string };
    barDirection: string;
    lowerBoundRule: { type: string; formula?: string };
    upperBoundRule: { type: string; formula?: string };
  } {
    const self = this;
    const bound = (which: "lowerBoundRule" | "upperBoundRule", rule: { type: string; formula?: string }) =>
      self.edit(jsonBytes(rule), "DataBar", (cf) => {
        // Excel.ConditionalDataBarRule: a number, percent, percentile or formula bound needs its formula.
        if (!DATA_BAR_BOUNDS.has(rule?.type))
          throw new FakeOfficeError(E.invalidArgument, `ConditionalFormatRuleType "${rule?.type}".`);
        if (["Number", "Percent", "Formula", "Percentile"].includes(rule.type) && typeof rule.formula !== "string")
          throw new FakeOfficeError(E.invalidArgument, `A ${rule.type} data bar bound needs a formula.`);
        (cf.dataBar ??= {})[which] = { ...rule };
      });
    return {
      set lowerBoundRule(rule: { type: string; formula?: string }) {
        bound("lowerBoundRule", rule);
      },
      get lowerBoundRule(): { type: string; formula?: string } {
        throw new FakeOfficeError(E.propertyNotLoaded, "lowerBoundRule");
      },
      set upperBoundRule(rule: { type: string; formula?: string }) {
        bound("upperBoundRule", rule);
      },
      get upperBoundRule(): { type: string; formula?: string } {
        throw new FakeOfficeError(E.propertyNotLoaded, "upperBoundRule");
      },
      positiveFormat: {
        set fillColor(color: string) {
          self.edit(color.length, "DataBar", (cf) => void ((cf.dataBar ??= {}).fillColor = color));
        },
        get fillColor(): string {
          throw new FakeOfficeError(E.propertyNotLoaded, "fillColor");
        },
      },
      set barDirection(dir: string) {
        self.edit(dir.length, "DataBar", (cf) => void ((cf.dataBar ??= {}).barDirection = dir));
      },
      get barDirection(): string {
        throw new FakeOfficeError(E.propertyNotLoaded, "barDirection");
      },
    };
  }
  get custom(): { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } {
    const self = this;
    return {
      rule: {
        set formula(formula: string) {
          self.edit(formula.length, "Custom", (cf) => {
            if (!formula.startsWith("=")) throw new FakeOfficeError(E.invalidArgument, `Rule formula "${formula}".`);
            (cf.custom ??= {}).formula = formula;
          });
        },
        get formula(): string {
          return self.get("custom/rule/formula");
        },
      },
      format: {
        fill: {
          set color(color: string) {
            self.edit(color.length, "Custom", (cf) => void ((cf.custom ??= {}).fill = color));
          },
          get color(): string {
            return self.get("custom/format/fill/color");
          },
        },
        font: {
          set color(color: string) {
            self.edit(color.length, "Custom", (cf) => void ((cf.custom ??= {}).fontColor = color));
          },
          get color(): string {
            return self.get("custom/format/font/color");
          },
        },
      },
    };
  }
  delete(): void {
    this.queue(0, (cf) => {
      const sheet = this.sheetOf();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
      sheet.mutations++;
    });
  }
}

// ---------- Tables ----------

interface TableScope {
  state: WorkbookState;
  sheet: SheetState | null;
}

export class FakeTableCollection extends ClientCollection<TableScope, FakeTable> {
  protected listItems(scope: TableScope): unknown[] {
    return scope.state.tables.filter((t) => !t.deleted && (scope.sheet === null || t.sheet === scope.sheet));
  }
  protected wrap(item: unknown): FakeTable {
    return new FakeTable(this.ctx, { value: item as TableState });
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, () => {
      const table = tableByName(this.target().state, name);
      if (!table) throw new FakeOfficeError(E.itemNotFound, `Table "${name}".`);
      return table;
    });
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.ctx, () => tableByName(this.target().state, name) ?? null);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    if (typeof address !== "string") throw new Error("fake: tables.add takes an address string");
    return new FakeTable(this.ctx, () => {
      const scope = this.target();
      const parsed = parseAddress(address);
      const sheet = parsed?.sheet ? sheetByName(scope.state, parsed.sheet) : scope.sheet;
      if (!parsed || !sheet) throw new FakeOfficeError(E.invalidArgument, `Table address "${address}".`);
      if (!hasHeaders) throw new Error("fake: only tables with headers are modelled");
      if (scope.state.tables.some((t) => !t.deleted && t.sheet === sheet && overlaps(t.rect, parsed.rect)))
        throw new FakeOfficeError(E.invalidArgument, "A table can't overlap another table.");
      this.ctx.requireWritable(sheet);
      let n = 1;
      while (tableByName(scope.state, `Table${n}`)) n++;
      const headerRow = sheet.rows[parsed.rect.row] ?? [];
      const table: TableState = {
        id: `{fake-table-${scope.state.nextId++}}`,
        name: `Table${n}`,
        sheet,
        rect: parsed.rect,
        style: "TableStyleMedium2",
        deleted: false,
        showHeaders: true,
        showTotals: false,
        columns: Array.from({ length: parsed.rect.columnCount }, (_, j) => {
          const v = headerRow[parsed.rect.column + j];
          return v === undefined || v === null || v === "" ? `Column${j + 1}` : String(v);
        }),
      };
      scope.state.tables.push(table);
      sheet.mutations++;
      return table;
    });
  }
}

export class FakeTable extends ClientObject<TableState> {
  protected readProperty(name: string, t: TableState): unknown {
    switch (name) {
      case "name":
        return t.name;
      case "id":
        return t.id;
      case "style":
        return t.style;
      case "showHeaders":
        return t.showHeaders;
      case "showTotals":
        return t.showTotals;
      default:
        throw new FakeOfficeError(E.invalidArgument, `Table.${name}`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.queue(value.length, (t) => {
      const other = tableByName(this.ctx.state, value);
      if (other && other !== t) throw new FakeOfficeError(E.invalidArgument, `Table name "${value}" is taken.`);
      // Tables and workbook-scoped defined names share one namespace (Name Manager lists both).
      if (this.ctx.state.names.some((n) => n.sheet === null && n.name.toLowerCase() === value.toLowerCase()))
        throw new FakeOfficeError(E.invalidArgument, `"${value}" is already a defined name.`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(value))
        throw new FakeOfficeError(E.invalidArgument, `Table name "${value}".`);
      t.name = value;
    });
  }
  set style(value: string) {
    this.queue(value.length, (t) => void (t.style = value));
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.target().sheet);
  }
  get columns(): FakeTableColumnCollection {
    return new FakeTableColumnCollection(this.ctx, () => this.target());
  }
  /**
   * The whole table: header row if shown, data body, totals row if shown (Table.getRange,
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-getrange-member(1)).
   */
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.target().sheet, rect: this.target().rect }));
  }
  /** The data rows only: never the header row or the totals row. */
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect, showHeaders, showTotals } = this.target();
      const top = showHeaders ? 1 : 0;
      const rows = rect.rowCount - top - (showTotals ? 1 : 0);
      return { sheet, rect: { ...rect, row: rect.row + top, rowCount: Math.max(1, rows) } };
    });
  }
  /** With the header row hidden there is no header range: the strictest reading is an error. */
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      if (!t.showHeaders) throw new FakeOfficeError(E.itemNotFound, `The table "${t.name}" hides its header row.`);
      return { sheet: t.sheet, rect: { ...t.rect, rowCount: 1 } };
    });
  }
  getTotalRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      if (!t.showTotals) throw new FakeOfficeError(E.itemNotFound, `The table "${t.name}" has no totals row.`);
      return { sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + t.rect.rowCount - 1, rowCount: 1 } };
    });
  }
  /**
   * Table.resize (ExcelApi 1.13): the table keeps its name and identity over a new range on its
   * sheet; the header stays in the same row, the new range overlaps the old one, keeps at least one
   * data row and overlaps no other table. Column names follow the header cells.
   */
  resize(newRange: FakeRange | string): void {
    this.ctx.requireApi(13, "Table.resize");
    this.queue(CALL_BYTES, (t) => {
      let rect: CellRect;
      if (typeof newRange === "string") {
        const parsed = parseAddress(newRange);
        if (!parsed || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== t.sheet.name.toLowerCase()))
          throw new FakeOfficeError(E.invalidArgument, `Table range "${newRange}".`);
        rect = parsed.rect;
      } else {
        const target = (newRange as unknown as { target(): RangeTarget }).target();
        if (target.sheet !== t.sheet)
          throw new FakeOfficeError(E.invalidArgument, "A table cannot move to another sheet.");
        rect = target.rect;
      }
      this.ctx.requireWritable(t.sheet);
      if (rect.row !== t.rect.row || !overlaps(rect, t.rect))
        throw new FakeOfficeError(
          E.invalidArgument,
          "The header must stay in the same row and the range overlap the table.",
        );
      if (rect.rowCount < (t.showHeaders ? 2 : 1) + (t.showTotals ? 1 : 0))
        throw new FakeOfficeError(E.invalidArgument, "A table keeps at least one data row.");
      if (this.ctx.state.tables.some((o) => o !== t && !o.deleted && o.sheet === t.sheet && overlaps(o.rect, rect)))
        throw new FakeOfficeError(E.invalidArgument, "A table can't overlap another table.");
      t.rect = rect;
      t.columns = Array.from({ length: rect.columnCount }, (_, j) => t.columns[j] ?? `Column${j + 1}`);
      syncTableHeaders(this.ctx.state, t.sheet);
      t.sheet.mutations++;
    });
  }
  delete(): void {
    this.queue(0, (t) => void (t.deleted = true));
  }
}

export class FakeTableColumnCollection extends ClientCollection<TableState, FakeTableColumn> {
  protected listItems(t: TableState): unknown[] {
    return t.columns.map((name, index) => ({ name, index }));
  }
  protected wrap(item: unknown): FakeTableColumn {
    return new FakeTableColumn(this.ctx, { value: item as { name: string; index: number } });
  }
}

export class FakeTableColumn extends ClientObject<{ name: string; index: number }> {
  protected readProperty(name: string, c: { name: string; index: number }): unknown {
    if (name === "name") return c.name;
    if (name === "index") return c.index;
    throw new FakeOfficeError(E.invalidArgument, `TableColumn.${name}`);
  }
  get name(): string {
    return this.get("name");
  }
}

// ---------- Charts ----------

/** Excel.ChartType values the fake draws (a subset of Excel's; any other is refused as Excel refuses an unknown one). */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "BarStacked",
  "Line",
  "LineStacked",
  "LineMarkers",
  "Pie",
  "Area",
  "XYScatter",
]);

/** ChartSeries: its name, categories (ExcelApi 1.7) and line format; values come from the source range. */
interface FakeChartSeries {
  name: string;
  setXAxisValues(range: FakeRange): void;
  format: { line: { color: string; lineStyle: string } };
}

export class FakeChartCollection extends ClientCollection<SheetState, FakeChart> {
  protected listItems(sheet: SheetState): unknown[] {
    return sheet.charts;
  }
  protected wrap(item: unknown): FakeChart {
    return new FakeChart(this.ctx, { value: item as ChartState });
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    return new FakeChart(this.ctx, () => {
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError(E.invalidArgument, `ChartCollection.add type "${type}"`);
      const sheet = this.target();
      const src = (source as unknown as { target(): RangeTarget }).target();
      if (src.sheet !== sheet) throw new FakeOfficeError(E.invalidArgument, "Chart source on another sheet.");
      const chart: ChartState = {
        id: `{fake-chart-${this.ctx.state.nextId++}}`,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: src.rect,
        seriesBy,
        series: seriesOf(sheet, src.rect, seriesBy),
      };
      sheet.charts.push(chart);
      sheet.mutations++;
      return chart;
    });
  }
}

/**
 * The series Excel makes from a source range by columns (Rows and Auto are not modelled): a first
 * row of text names the series, a first column of text (below that row) gives the categories, and
 * every other column is one series.
 */
function seriesOf(sheet: SheetState, rect: CellRect, seriesBy: string): SeriesState[] {
  if (seriesBy !== "Columns") throw new Error(`fake: charts by "${seriesBy}" are not modelled`);
  const cell = (r: number, c: number) => {
    const v = sheet.rows[rect.row + r]?.[rect.column + c];
    return v === undefined || v === null || typeof v === "object" ? null : v;
  };
  const isText = (v: unknown) => typeof v === "string" && v !== "";
  const headerRow =
    rect.rowCount > 1 && [...Array(rect.columnCount).keys()].every((c) => c === 0 || isText(cell(0, c)));
  const top = headerRow ? 1 : 0;
  const data = [...Array(rect.rowCount - top).keys()].map((r) => r + top);
  const categoryColumn = rect.columnCount > 1 && data.length > 0 && data.every((r) => isText(cell(r, 0)));
  const first = categoryColumn ? 1 : 0;
  const series: SeriesState[] = [];
  for (let c = first; c < rect.columnCount; c++)
    series.push({
      name: headerRow ? String(cell(0, c)) : `Series${series.length + 1}`,
      values: { row: rect.row + top, column: rect.column + c, rowCount: data.length, columnCount: 1 },
      ...(categoryColumn
        ? { categories: { row: rect.row + top, column: rect.column, rowCount: data.length, columnCount: 1 } }
        : {}),
    });
  return series;
}

export class FakeChart extends ClientObject<ChartState> {
  protected readProperty(name: string, c: ChartState): unknown {
    if (name === "name") return c.name;
    if (name === "id") return c.id;
    throw new FakeOfficeError(E.invalidArgument, `Chart.${name}`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.queue(value.length, (c) => void (c.name = value));
  }
  get title(): { text: string } {
    const self = this;
    return {
      set text(value: string) {
        self.queue(value.length, (c) => void (c.title = value));
      },
      get text(): string {
        throw new FakeOfficeError(E.propertyNotLoaded, "ChartTitle.text");
      },
    };
  }
  /** Chart.setPosition(startCell, endCell?): cell addresses on the chart's sheet; a bad one is InvalidArgument. */
  setPosition(start: string, end?: string): void {
    for (const cell of end === undefined ? [start] : [start, end])
      if (!parseAddress(cell)) throw new FakeOfficeError(E.invalidArgument, `Chart.setPosition("${cell}")`);
    this.queue(16, (c) => void (c.position = { start, end }));
  }
  get series(): { getItemAt(index: number): FakeChartSeries } {
    const self = this;
    return {
      getItemAt(index: number): FakeChartSeries {
        // Excel finds the series when the request runs: past the last one is ItemNotFound.
        const at = (c: ChartState) => {
          const series = c.series[index];
          if (!series) throw new FakeOfficeError(E.itemNotFound, `ChartSeriesCollection.getItemAt(${index})`);
          return series;
        };
        return {
          set name(value: string) {
            self.queue(value.length, (c) => void (at(c).name = value));
          },
          get name(): string {
            throw new FakeOfficeError(E.propertyNotLoaded, "ChartSeries.name");
          },
          setXAxisValues(range: FakeRange) {
            self.ctx.requireApi(7, "ChartSeries.setXAxisValues");
            self.queue(
              16,
              (c) => void (at(c).categories = (range as unknown as { target(): RangeTarget }).target().rect),
            );
          },
          format: {
            line: {
              set color(value: string) {
                self.queue(value.length, (c) => void (at(c).color = value));
              },
              set lineStyle(value: string) {
                self.ctx.requireApi(7, "ChartLineFormat.lineStyle");
                self.queue(value.length, (c) => void (at(c).lineStyle = value));
              },
            },
          },
        };
      },
    };
  }
  delete(): void {
    this.queue(0, (c) => {
      for (const sheet of this.ctx.state.sheets) sheet.charts = sheet.charts.filter((x) => x !== c);
    });
  }
}

// ---------- Settings (ExcelApi 1.4) ----------

interface SettingState {
  key: string;
}

export class FakeSettingCollection extends ClientCollection<WorkbookState, FakeSetting> {
  protected listItems(state: WorkbookState): unknown[] {
    this.ctx.requireApi(4, "settings");
    return [...state.settings.keys()].map((key) => ({ key }));
  }
  protected wrap(item: unknown): FakeSetting {
    return new FakeSetting(this.ctx, { value: item as SettingState });
  }
  add(key: string, value: unknown): FakeSetting {
    this.ctx.requireApi(4, "settings");
    const state = this.ctx.state;
    return new FakeSetting(
      this.ctx,
      () => {
        state.settings.set(key, JSON.parse(JSON.stringify(value)));
        return { key };
      },
      jsonBytes(value),
    );
  }
  getItem(key: string): FakeSetting {
    this.ctx.requireApi(4, "settings");
    const state = this.ctx.state;
    return new FakeSetting(this.ctx, () => {
      if (!state.settings.has(key)) throw new FakeOfficeError(E.itemNotFound, `Setting "${key}".`);
      return { key };
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    this.ctx.requireApi(4, "settings");
    const state = this.ctx.state;
    return new FakeSetting(this.ctx, () => (state.settings.has(key) ? { key } : null));
  }
}

export class FakeSetting extends ClientObject<SettingState> {
  constructor(ctx: FakeRequestContext, bind: Bind<SettingState>, extraBytes = 0) {
    super(ctx, bind);
    if (extraBytes) ctx.pending[ctx.pending.length - 1].bytes += extraBytes;
  }
  protected readProperty(name: string, s: SettingState): unknown {
    if (name === "key") return s.key;
    if (name === "value") return this.ctx.state.settings.get(s.key);
    throw new FakeOfficeError(E.invalidArgument, `Setting.${name}`);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  delete(): void {
    this.queue(0, (s) => void this.ctx.state.settings.delete(s.key));
  }
}
