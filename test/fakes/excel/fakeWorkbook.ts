/**
 * A fake Excel host for tests and browser end-to-end runs (no Node imports): a workbook state,
 * an Excel.run-compatible `run`, counters of round trips / calls / payload bytes, fault injection
 * and an inspection API.
 */
import { parseAddress, rectAddress, type CellRect } from "../../../src/excel/a1";
import type { RawCell } from "../../../src/engine/types";
import { FakeOfficeError, FAKE_ERROR_CODES as E } from "./errors";
import { FakeRequestContext, type HostInternals } from "./clientObjects";
import {
  isFormulaCell,
  newSheet,
  sheetByName,
  type ChartState,
  type ConditionalFormatState,
  type SheetState,
  type WorkbookState,
} from "./state";

/** Excel on the web: 5 MB per request and per response; 5 million cells per range read. */
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const FAKE_READ_CELL_LIMIT = 5_000_000;

export interface FakeSeed {
  sheets: Array<{ name: string; values: RawCell[][]; tables?: Array<{ name: string; address: string }> }>;
  /** Where the selection is (default: A1 of the first sheet). */
  selection?: { sheet: string; address: string };
  settings?: Record<string, unknown>;
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

export type FakeExcelRun = <T>(batch: (context: FakeRequestContext) => Promise<T>) => Promise<T>;

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
      selection: { sheet: sheets[0], rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } },
      activeSheet: sheets[0],
      nextId: ids.nextId,
    };
    for (const s of seed.sheets) {
      for (const t of s.tables ?? []) {
        const parsed = parseAddress(t.address);
        if (!parsed) throw new Error(`fake seed: bad table address ${t.address}`);
        this.state.tables.push({
          id: `{fake-table-${this.state.nextId++}}`,
          name: t.name,
          sheet: sheetByName(this.state, s.name)!,
          rect: parsed.rect,
          style: "TableStyleMedium2",
          deleted: false,
        });
      }
    }
    if (seed.selection) this.select(seed.selection.sheet, seed.selection.address);
    this.apiMinor = options.apiMinor ?? 17;
    this.payloadLimit = options.payloadLimitBytes ?? FAKE_PAYLOAD_LIMIT;
    this.displayLanguage = options.displayLanguage ?? "en-US";
    this.host = {
      state: this.state,
      apiMinor: this.apiMinor,
      readCellLimit: options.readCellLimit ?? FAKE_READ_CELL_LIMIT,
      sync: (ctx) => this.sync(ctx),
    };
  }

  /** Excel.run-compatible. Pending calls are sent when the batch returns, as Excel.run does. */
  readonly run: FakeExcelRun = async (batch) => {
    this.counters.runs++;
    const ctx = new FakeRequestContext(this.host);
    const result = await batch(ctx);
    if (ctx.pending.length > 0) await ctx.sync();
    return result;
  };

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
    this.state.selection = { sheet: s, rect: parsed.rect };
    this.state.activeSheet = s;
  }

  private async sync(ctx: FakeRequestContext): Promise<void> {
    await Promise.resolve();
    const ops = ctx.pending;
    ctx.pending = [];
    this.counters.syncs++;
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

  sheetNames(): string[] {
    return this.live().map((s) => s.name);
  }

  private live(): SheetState[] {
    return this.state.sheets.filter((s) => !s.deleted);
  }

  private sheet(name: string): SheetState {
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
    const width = s.rows.reduce((w, row) => Math.max(w, row ? row.length : 0), 0);
    return s.rows.map((row) => {
      const out: RawCell[] = new Array(width).fill(null);
      row?.forEach((cell, c) => (out[c] = cell === undefined ? null : isFormulaCell(cell) ? cell.formula : cell));
      return out;
    });
  }

  numberFormat(sheet: string, row: number, column: number): string {
    return this.sheet(sheet).numberFormats[row]?.[column] ?? "General";
  }

  columnWidth(sheet: string, column: number): number | undefined {
    return this.sheet(sheet).columnWidths.get(column);
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

  charts(
    sheet?: string,
  ): Array<Omit<ChartState, "id" | "source" | "categories"> & { sheet: string; source: string; categories?: string }> {
    return this.live()
      .filter((s) => sheet === undefined || s.name === sheet)
      .flatMap((s) =>
        s.charts.map(({ id: _id, source, categories, ...rest }) => ({
          sheet: s.name,
          ...rest,
          source: rectAddress(source),
          ...(categories ? { categories: rectAddress(categories) } : {}),
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
        numberFormats: s.numberFormats.map((row) => (row ? [...row] : row)),
        widths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        frozenRows: s.frozenRows,
        bold: [...s.boldRows].sort((a, b) => a - b),
      })),
      tables: this.tables(),
      conditionalFormats: this.conditionalFormats(),
      charts: this.charts(),
      settings: JSON.parse(settings),
    };
  }
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
