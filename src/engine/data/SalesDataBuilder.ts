/**
 * Builds SalesData (columnar typed arrays) row by row, so the CLI can stream a sheet.
 *
 * Rules, applied to every row:
 * - a row whose mapped cells are all blank is ignored silently (trailing empty rows) and not
 *   counted in rowsRead;
 * - when date is mapped, a row with a blank date is skipped with a note "missing_date", and one
 *   with an unreadable date with "not_a_date" (or "error_value" for #N/A and the like); skipped
 *   rows count in rowsSkipped. A day-first-impossible date read month-first (03/25/2026) is kept,
 *   counted in `monthFirstDates` and noted ("date_month_first"), since that reading is a guess;
 * - an unreadable number becomes blank (NaN) for that cell, the row is kept, with a note
 *   ("not_a_number" or "error_value");
 * - an unknown status or new-product flag is kept as unknown (0 / 255) with a note;
 * - labels are trimmed; numbers in text columns are read as their text (order 1001 → "1001");
 *   an Excel error (#N/A) in a text column is blank, with a note; currency codes are
 *   canonicalised (₫ → VND, see currencyCode.ts);
 * - after the last row: if revenue is not mapped but quantity and unit_price are, revenue =
 *   quantity × unit_price; if cost is not mapped but profit is, cost = revenue − profit, with one
 *   "cost_from_profit" note.
 * - layout rows are left out, each with a note naming its sheet row, its label and the rule (issue 14):
 *   a totals row, whose dimension cells (salesperson, customer, region..., and `totalsIn`) or date cell carry a total
 *   word (layout/totalWords.ts); a subtotal row, whose amounts equal the sum of the rows it closes
 *   (see finish); a footer row, without a date, carrying a signature line ("Người lập biểu",
 *   "制表人") or under a blank row. They count in rowsSkipped.
 * Notes name the sheet row, the column header and the raw value; at most 1,000 are kept per
 * (kind, column), plus a summary of the rest.
 */
import {
  DEAL_STATUSES,
  DIMENSION_ROLES,
  NUMERIC_ROLES,
  TEXT_ROLES,
  type ColumnMapping,
  type DealStatus,
  type LabelColumn,
  type NoteKind,
  type NumericRole,
  type RawCell,
  type SalesData,
  type TextRole,
} from "../types";
import { cellText } from "../values/cellText";
import { excelError } from "../values/excelErrors";
import { MAX_SERIAL, MIN_SERIAL } from "../values/excelSerial";
import { parseDate } from "../values/parseDate";
import { parseFlag } from "../values/parseFlag";
import { parseNumber, parseNumberText } from "../values/parseNumber";
import { parseStatus } from "../values/parseStatus";
import { isSignatureText, totalWordIn } from "../layout/totalWords";
import { currencyCode } from "./currencyCode";
import { NoteLog } from "./noteLog";
import { findSubtotals } from "./subtotals";

interface NumberColumn {
  role: NumericRole;
  column: number;
  values: Float64Array;
}

interface TextColumn {
  role: TextRole;
  column: number;
  codes: Int32Array;
  values: string[];
  /** Label → code. */
  byLabel: Map<string, number>;
  /** Text as given, when it differs from its label (untrimmed, "vnd" for VND) → code. */
  byRaw: Map<string, number>;
  /**
   * Numeric cells (order 1001) are kept as numbers, their rows coded NUMERIC_PENDING, and given
   * codes in finish() by sorting: a million distinct order numbers need no hash map.
   */
  numericCells: Float64Array | null;
}

const STATUS_INDEX: Record<DealStatus, number> = Object.fromEntries(DEAL_STATUSES.map((s, i) => [s, i])) as Record<
  DealStatus,
  number
>;
const FLAG_BLANK = 255;
const DIMENSION: ReadonlySet<string> = new Set(DIMENSION_ROLES);
const NUMERIC_PENDING = -2;
/** Bounds the text-date cache when every cell differs (date and time of day). */
const DATE_CACHE_LIMIT = 100_000;
/** Bounds the total-word cache of the columns checked but not loaded. */
const TOTAL_CACHE_LIMIT = 100_000;

function isBlank(raw: RawCell): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== "string") return false;
  // Most text starts with a visible character: decide without trimming.
  return (
    raw.length === 0 ||
    (raw.charCodeAt(0) <= 32 || raw.charCodeAt(0) === 0xa0 || raw.charCodeAt(0) === 0x3000 ? raw.trim() === "" : false)
  );
}

export class SalesDataBuilder {
  private readonly headers: string[];
  private readonly mapping: ColumnMapping;
  private readonly sheet: string;
  private readonly mappedColumns: number[];
  private readonly dateColumn: number;
  private readonly numberColumns: NumberColumn[];
  private readonly textColumns: TextColumn[];
  private readonly flagColumn: number;
  private readonly statusColumn: number;
  private readonly statusCache = new Map<string, number>();
  private readonly flagCache = new Map<string, number>();
  /** Text dates (CSV) repeat: a few thousand distinct days over a million rows. */
  private readonly dateCache = new Map<string, number>();
  private readonly notes = new NoteLog();
  private capacity: number;
  private length = 0;
  private rowsRead = 0;
  private rowsSkipped = 0;
  private sheetRows: Int32Array;
  private dates: Float64Array;
  private newProduct: Uint8Array | undefined;
  private status: Uint8Array | undefined;
  private finished = false;
  private monthFirst = 0;
  /** Label columns not loaded but checked for total words (the mapping's other text roles). */
  private readonly totalsIn: number[];
  private readonly totalCache = new Map<string, string>();
  private lastSheetRow = -1;
  /** A blank row (or a gap in the sheet rows) since the last data row: what follows may be a footer. */
  private afterBlank = false;
  private inFooter = false;

  constructor(opts: {
    headers: string[];
    mapping: ColumnMapping;
    sheet: string;
    capacity?: number;
    /** Columns, besides the mapped text roles, whose total words mark a totals row. */
    totalsIn?: number[];
  }) {
    this.headers = opts.headers;
    this.mapping = { ...opts.mapping };
    this.sheet = opts.sheet;
    for (const [role, column] of Object.entries(this.mapping)) {
      if (column === undefined) continue;
      if (!Number.isInteger(column) || column < 0 || column >= this.headers.length) {
        throw new RangeError(
          `Mapping of role "${role}" points at column ${column}, but the sheet has ${this.headers.length} columns`,
        );
      }
    }
    this.capacity = Math.max(16, opts.capacity ?? 1024);
    this.mappedColumns = [...new Set(Object.values(this.mapping).filter((c): c is number => c !== undefined))];
    this.dateColumn = this.mapping.date ?? -1;
    this.sheetRows = new Int32Array(this.capacity);
    this.dates = new Float64Array(this.capacity);
    this.numberColumns = NUMERIC_ROLES.filter((r) => this.mapping[r] !== undefined).map((role) => ({
      role,
      column: this.mapping[role]!,
      values: new Float64Array(this.capacity),
    }));
    this.textColumns = TEXT_ROLES.filter((r) => this.mapping[r] !== undefined).map((role) => ({
      role,
      column: this.mapping[role]!,
      codes: new Int32Array(this.capacity),
      values: [],
      byRaw: new Map(),
      byLabel: new Map(),
      numericCells: null,
    }));
    this.flagColumn = this.mapping.new_product ?? -1;
    this.statusColumn = this.mapping.status ?? -1;
    if (this.flagColumn >= 0) this.newProduct = new Uint8Array(this.capacity);
    if (this.statusColumn >= 0) this.status = new Uint8Array(this.capacity);
    const loaded = new Set(this.textColumns.map((c) => c.column));
    this.totalsIn = [...new Set(opts.totalsIn ?? [])].filter(
      (c) => Number.isInteger(c) && c >= 0 && c < this.headers.length && !loaded.has(c),
    );
  }

  addRow(cells: RawCell[], sheetRow: number): void {
    if (this.finished) throw new Error("SalesDataBuilder.addRow called after finish()");
    let allBlank = true;
    for (let k = 0; k < this.mappedColumns.length; k++) {
      if (!isBlank(cells[this.mappedColumns[k]])) {
        allBlank = false;
        break;
      }
    }
    if (allBlank) {
      this.afterBlank = true;
      return;
    }
    if (this.lastSheetRow >= 0 && sheetRow > this.lastSheetRow + 1) this.afterBlank = true;
    this.lastSheetRow = sheetRow;
    this.rowsRead++;

    if (this.totalsIn.length > 0) {
      for (let k = 0; k < this.totalsIn.length; k++) {
        const raw = cells[this.totalsIn[k]];
        if (typeof raw !== "string" || raw === "") continue;
        let word = this.totalCache.get(raw);
        if (word === undefined) {
          word = totalWordIn(raw) ?? "";
          if (this.totalCache.size < TOTAL_CACHE_LIMIT) this.totalCache.set(raw, word);
        }
        if (word !== "") {
          this.layoutNote("total_row", this.totalsIn[k], sheetRow, raw, `total word "${word}"`);
          return;
        }
      }
    }

    let date = NaN;
    if (this.dateColumn >= 0) {
      const raw = cells[this.dateColumn];
      if (typeof raw === "number" && raw >= MIN_SERIAL && raw < MAX_SERIAL + 1) date = Math.floor(raw);
      else {
        const cached = typeof raw === "string" ? this.dateCache.get(raw) : undefined;
        const read = cached === undefined ? parseDate(raw) : null;
        if (read === null) date = cached!;
        else if (read.kind === "value") {
          date = read.value;
          if (read.monthFirst) {
            this.monthFirst++;
            this.note("date_month_first", this.dateColumn, sheetRow, raw, "read month first: no such day-first date");
          } else if (typeof raw === "string" && this.dateCache.size < DATE_CACHE_LIMIT) this.dateCache.set(raw, date);
        } else {
          if (this.layoutRow(cells, sheetRow)) return;
          const kind: NoteKind = read.kind === "blank" ? "missing_date" : read.note;
          const problem = read.kind === "blank" ? "the date is blank" : read.problem;
          this.note(kind, this.dateColumn, sheetRow, raw, `${problem}; row skipped`);
          this.rowsSkipped++;
          return;
        }
      }
    }
    this.afterBlank = false;
    this.inFooter = false;

    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.sheetRows[i] = sheetRow;
    this.dates[i] = date;

    for (let k = 0; k < this.numberColumns.length; k++) {
      const col = this.numberColumns[k];
      const raw = cells[col.column];
      if (typeof raw === "number" && Number.isFinite(raw)) {
        col.values[i] = raw;
        continue;
      }
      // Text numbers (CSV) without allocating a CellRead; parseNumber below says why one fails.
      const fromText = typeof raw === "string" ? parseNumberText(raw) : NaN;
      if (fromText === fromText) {
        col.values[i] = fromText;
        continue;
      }
      const read = parseNumber(raw);
      if (read.kind === "value") col.values[i] = read.value;
      else {
        col.values[i] = NaN;
        if (read.kind === "error") this.note(read.note, col.column, sheetRow, raw, `${read.problem}; treated as blank`);
      }
    }

    for (let k = 0; k < this.textColumns.length; k++)
      this.textColumns[k].codes[i] = this.labelCode(
        this.textColumns[k],
        cells[this.textColumns[k].column],
        i,
        sheetRow,
      );

    if (this.newProduct) this.newProduct[i] = this.flagCode(cells[this.flagColumn], sheetRow);

    if (this.status) this.status[i] = this.statusCode(cells[this.statusColumn], sheetRow);
  }

  /** Dates such as 03/25/2026 that could only be read month-first (kept, not noted: no note kind for it). */
  get monthFirstDates(): number {
    return this.monthFirst;
  }

  finish(): SalesData {
    if (this.finished) throw new Error("SalesDataBuilder.finish called twice");
    this.finished = true;
    const n = this.compactLayoutRows();
    const numbers: SalesData["numbers"] = {};
    for (const col of this.numberColumns) numbers[col.role] = fit(col.values, n);
    const labels: SalesData["labels"] = {};
    for (const col of this.textColumns) labels[col.role] = numbersAsText(col, fit(col.codes, n), n);

    if (!numbers.revenue && numbers.quantity && numbers.unit_price) {
      const revenue = new Float64Array(n);
      for (let i = 0; i < n; i++) revenue[i] = numbers.quantity[i] * numbers.unit_price[i];
      numbers.revenue = revenue;
    }
    if (!numbers.cost && numbers.profit && numbers.revenue) {
      const cost = new Float64Array(n);
      for (let i = 0; i < n; i++) cost[i] = numbers.revenue[i] - numbers.profit[i];
      numbers.cost = cost;
      this.notes.add(
        "cost_from_profit",
        this.header(this.mapping.profit!),
        undefined,
        undefined,
        "no cost column: cost = revenue − profit",
      );
    }

    const data: SalesData = {
      length: n,
      sheetRows: fit(this.sheetRows, n),
      dates: fit(this.dates, n),
      numbers,
      labels,
      mapping: this.mapping,
      headers: this.headers,
      sheet: this.sheet,
      notes: this.notes.finish(),
      rowsRead: this.rowsRead,
      rowsSkipped: this.rowsSkipped,
    };
    if (this.newProduct) data.newProduct = fit(this.newProduct, n);
    if (this.status) data.status = fit(this.status, n);
    return data;
  }

  /**
   * A row without a readable date that is a totals row (a total word in its date or label cells)
   * or a footer row (a signature line, or under a blank row): noted as such and left out.
   */
  private layoutRow(cells: RawCell[], sheetRow: number): boolean {
    const labelled = [this.dateColumn, ...this.textColumns.map((c) => c.column), ...this.totalsIn];
    for (const column of labelled) {
      const raw = cells[column];
      const word = typeof raw === "string" ? totalWordIn(raw) : null;
      if (word !== null) {
        this.layoutNote("total_row", column, sheetRow, raw, `total word "${word}"`);
        return true;
      }
    }
    let signature = -1;
    for (let c = 0; c < cells.length && signature < 0; c++) {
      const raw = cells[c];
      if (typeof raw === "string" && isSignatureText(raw)) signature = c;
    }
    if (signature >= 0 || this.afterBlank || this.inFooter) {
      this.inFooter = true;
      // Named by the date column (the row has none) with the row's text as its value.
      const text = cells
        .filter((c) => c !== null && c !== undefined && String(c).trim() !== "")
        .map((c) => cellText(c))
        .join(" | ");
      this.layoutNote(
        "footer_row",
        this.dateColumn,
        sheetRow,
        text.slice(0, 200),
        signature >= 0 ? "a signature line under the data" : "under a blank row after the data, without a date",
      );
      return true;
    }
    return false;
  }

  private layoutNote(kind: NoteKind, column: number, row: number, raw: RawCell, rule: string): void {
    this.rowsSkipped++;
    this.note(kind, column, row, raw, `${rule}; row left out`);
  }

  /**
   * Leaves out, after the last row, the totals rows found by label (a loaded label column holding
   * a total word: checked once per distinct label) and the subtotal rows found by amount; returns
   * the number of rows kept.
   */
  private compactLayoutRows(): number {
    const n = this.length;
    const totalCodes = this.textColumns.map((col) => {
      // Dimensions only (salesperson, customer, region...): order ids are not labels of a total.
      if (!DIMENSION.has(col.role)) return null;
      const marks = new Uint8Array(col.values.length);
      let any = false;
      col.values.forEach((label, code) => {
        if (totalWordIn(label) !== null) marks[code] = 1;
        any ||= marks[code] === 1;
      });
      return any ? marks : null;
    });
    const leftOut = new Uint8Array(n);
    let removed = 0;
    for (let k = 0; k < this.textColumns.length; k++) {
      const marks = totalCodes[k];
      if (!marks) continue;
      const col = this.textColumns[k];
      for (let i = 0; i < n; i++) {
        const code = col.codes[i];
        if (code >= 0 && marks[code] === 1 && leftOut[i] === 0) {
          leftOut[i] = 1;
          removed++;
          const label = col.values[code];
          this.layoutNote("total_row", col.column, this.sheetRows[i], label, `total word "${totalWordIn(label)}"`);
        }
      }
    }
    const subtotals = findSubtotals(
      n,
      this.numberColumns.filter((c) => c.role !== "unit_price").map((c) => c.values),
      this.textColumns.map((c) => c.codes),
      leftOut,
    );
    for (const i of subtotals) {
      leftOut[i] = 1;
      removed++;
      const label = this.textColumns.map((c) => (c.codes[i] >= 0 ? c.values[c.codes[i]] : "")).find((t) => t !== "");
      const amount = this.numberColumns.find((c) => c.role === "revenue") ?? this.numberColumns[0];
      this.layoutNote(
        "subtotal_row",
        amount.column,
        this.sheetRows[i],
        label ?? amount.values[i],
        "amounts equal the sum of the rows above it (a subtotal)",
      );
    }
    if (removed === 0) return n;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (leftOut[i] === 1) continue;
      if (w !== i) {
        this.sheetRows[w] = this.sheetRows[i];
        this.dates[w] = this.dates[i];
        for (const col of this.numberColumns) col.values[w] = col.values[i];
        for (const col of this.textColumns) {
          col.codes[w] = col.codes[i];
          if (col.numericCells) col.numericCells[w] = col.numericCells[i];
        }
        if (this.newProduct) this.newProduct[w] = this.newProduct[i];
        if (this.status) this.status[w] = this.status[i];
      }
      w++;
    }
    this.length = w;
    for (const col of this.textColumns) dropUnusedLabels(col, w);
    return w;
  }

  private header(column: number): string {
    const h = this.headers[column];
    return h === undefined || h === null || String(h).trim() === "" ? `(column ${column + 1})` : String(h);
  }

  private note(kind: NoteKind, column: number, row: number, raw: RawCell, problem: string): void {
    this.notes.add(kind, this.header(column), row, cellText(raw), problem);
  }

  private labelCode(col: TextColumn, raw: RawCell, record: number, sheetRow: number): number {
    if (raw === null || raw === undefined) return -1;
    if (typeof raw === "number" && Number.isFinite(raw)) {
      col.numericCells ??= new Float64Array(this.capacity);
      col.numericCells[record] = raw;
      return NUMERIC_PENDING;
    }
    if (typeof raw === "string") {
      // Clean text is its own label (one lookup); untrimmed or uncanonical text has an alias.
      const known = col.byLabel.get(raw) ?? (col.byRaw.size > 0 ? col.byRaw.get(raw) : undefined);
      if (known !== undefined) return known;
    }
    let label = typeof raw === "string" ? raw.trim() : cellText(raw);
    if (label === "") return -1;
    const error = excelError(label);
    if (error) {
      // Not cached, so every such cell gets its note.
      this.note("error_value", col.column, sheetRow, raw, `Excel error ${error}; treated as blank`);
      return -1;
    }
    if (col.role === "currency") label = currencyCode(label);
    // Clean text was looked up above already.
    let code = label === raw ? undefined : col.byLabel.get(label);
    if (code === undefined) {
      code = col.values.length;
      col.values.push(label);
      col.byLabel.set(label, code);
    }
    if (typeof raw === "string" && raw !== label) col.byRaw.set(raw, code);
    return code;
  }

  private flagCode(raw: RawCell, sheetRow: number): number {
    const key = typeof raw === "string" ? raw : undefined;
    const cached = key === undefined ? undefined : this.flagCache.get(key);
    if (cached !== undefined) return cached; // only readable flags are cached, so notes are kept per row
    const read = parseFlag(raw);
    const code = read.kind === "value" ? (read.value ? 1 : 0) : FLAG_BLANK;
    if (read.kind === "error")
      this.note(read.note, this.flagColumn, sheetRow, raw, `${read.problem}; treated as unknown`);
    else if (key !== undefined) this.flagCache.set(key, code);
    return code;
  }

  private statusCode(raw: RawCell, sheetRow: number): number {
    const key = typeof raw === "string" ? raw : undefined;
    const cached = key === undefined ? undefined : this.statusCache.get(key);
    if (cached !== undefined) return cached; // only readable statuses are cached, so notes are kept per row
    const read = parseStatus(raw);
    const code = read.kind === "value" ? STATUS_INDEX[read.value] : 0;
    if (read.kind === "error")
      this.note(read.note, this.statusColumn, sheetRow, raw, `${read.problem}; treated as unknown`);
    if (key !== undefined && read.kind === "value") this.statusCache.set(key, code);
    return code;
  }

  private grow(): void {
    this.capacity *= 2;
    this.sheetRows = resized(this.sheetRows, new Int32Array(this.capacity));
    this.dates = resized(this.dates, new Float64Array(this.capacity));
    for (const col of this.numberColumns) col.values = resized(col.values, new Float64Array(this.capacity));
    for (const col of this.textColumns) {
      col.codes = resized(col.codes, new Int32Array(this.capacity));
      if (col.numericCells) col.numericCells = resized(col.numericCells, new Float64Array(this.capacity));
    }
    if (this.newProduct) this.newProduct = resized(this.newProduct, new Uint8Array(this.capacity));
    if (this.status) this.status = resized(this.status, new Uint8Array(this.capacity));
  }
}

/** Renumbers a column's labels to those its first n rows use: a left-out "Total" is no entity. */
function dropUnusedLabels(col: TextColumn, n: number): void {
  const next = new Int32Array(col.values.length).fill(-1);
  const values: string[] = [];
  for (let i = 0; i < n; i++) {
    const code = col.codes[i];
    if (code < 0) continue;
    if (next[code] < 0) next[code] = values.push(col.values[code]) - 1;
  }
  if (values.length === col.values.length) {
    // Same labels: only their order may differ from first appearance, so keep the codes as they are.
    return;
  }
  for (let i = 0; i < n; i++) if (col.codes[i] >= 0) col.codes[i] = next[col.codes[i]];
  col.values = values;
  col.byLabel = new Map(values.map((v, code) => [v, code]));
  col.byRaw = new Map();
}

/**
 * Gives the rows coded NUMERIC_PENDING their codes: distinct numbers by sorting, each labelled by
 * its text; a number whose text equals a text label of the column (1001 and "1001") shares its code.
 */
function numbersAsText(col: TextColumn, codes: Int32Array, n: number): LabelColumn {
  const values = col.values;
  if (!col.numericCells) return { codes, values };
  const cells = col.numericCells;
  let pending = 0;
  for (let i = 0; i < n; i++) if (codes[i] === NUMERIC_PENDING) pending++;
  const distinct = new Float64Array(pending);
  for (let i = 0, k = 0; i < n; i++) if (codes[i] === NUMERIC_PENDING) distinct[k++] = cells[i];
  distinct.sort();
  let unique = 0;
  for (let k = 0; k < pending; k++) if (k === 0 || distinct[k] !== distinct[k - 1]) distinct[unique++] = distinct[k];
  const codeOf = new Int32Array(unique);
  for (let u = 0; u < unique; u++) {
    let label = String(distinct[u]);
    if (col.role === "currency") label = currencyCode(label);
    const same = col.byLabel.size > 0 ? col.byLabel.get(label) : undefined;
    if (same !== undefined) codeOf[u] = same;
    else codeOf[u] = values.push(label) - 1;
  }
  for (let i = 0; i < n; i++) if (codes[i] === NUMERIC_PENDING) codes[i] = codeOf[indexOf(distinct, unique, cells[i])];
  return { codes, values };
}

/** Index of `x` in the sorted first `length` entries of `sorted` (x is known to be there). */
function indexOf(sorted: Float64Array, length: number, x: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first n entries: the array itself when full (no copy), else a trimmed copy. */
function fit<T extends Int32Array | Float64Array | Uint8Array>(array: T, n: number): T {
  return (array.length === n ? array : array.slice(0, n)) as T;
}

function resized<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
