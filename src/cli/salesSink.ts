/**
 * Receives streamed source rows and builds the engine's SalesData without keeping the rows:
 * the first rows are buffered to find the header (what the reader calls the header is only the
 * first candidate: a title block may sit above the real one, engine/layout) and to detect the
 * column roles (headers and values), then every row goes straight into SalesDataBuilder.
 * Memory holds the typed columns, not the sheet.
 */
import {
  detectColumns,
  DETECTION_SAMPLE_ROWS,
  LAYOUT_ROWS,
  layoutTable,
  mappingOfRoles,
  missingRoleProblem,
  problemText,
  resolveMapping,
  type RunProblem,
  SalesDataBuilder,
  totalsColumns,
  type TableLayout,
} from "../engine";
import type { ColumnMapping, DataNote, RawCell, Role, RoleDetection, SalesData } from "../engine/types";
import type { SourceRowSink } from "../xlsx/sourceRows";

export type SinkProblem = { kind: "bad_mapping" | "missing_role"; message: string; problem?: RunProblem };

/** Rows buffered before the builder starts: the layout's search plus the role detection's sample. */
const BUFFERED_ROWS = LAYOUT_ROWS + DETECTION_SAMPLE_ROWS;

export class SalesSink implements SourceRowSink {
  private headers: string[] = [];
  private sheet = "";
  private firstRow = 0;
  private sample: RawCell[][] = [];
  private sampleRows: number[] = [];
  private builder: SalesDataBuilder | null = null;
  mapping: ColumnMapping = {};
  detections: RoleDetection[] = [];
  problem: SinkProblem | null = null;
  rowsSeen = 0;
  /** Where the header was found, once the builder has started. */
  layout: TableLayout | null = null;
  private layoutNotes: DataNote[] = [];
  /** The header as read (after the layout), and a few rows under it: for `inspect`. */
  sampleTable: { headers: string[]; rows: RawCell[][]; firstRow: number } | null = null;

  constructor(
    private readonly overrides: Partial<Record<Role, string>>,
    private readonly requiredRoles: Role[],
    private readonly loadRoles: ReadonlySet<Role>,
    private readonly onRow?: (rowsSeen: number) => void,
    /** The user's 1-based sheet row of the header (--header-row), else detected. */
    private readonly headerRow?: number,
  ) {}

  header(headers: string[], sheet: string, sheetRow: number): void {
    this.headers = headers;
    this.sheet = sheet;
    this.firstRow = sheetRow + 1;
  }

  row(cells: RawCell[], sheetRow: number): boolean {
    this.rowsSeen++;
    if (this.onRow && (this.rowsSeen & 4095) === 0) this.onRow(this.rowsSeen);
    if (this.builder) {
      this.builder.addRow(cells, sheetRow);
      return true;
    }
    this.sample.push(cells.slice());
    this.sampleRows.push(sheetRow);
    return this.sample.length < BUFFERED_ROWS || this.startBuilder();
  }

  /** Finds the header, detects the roles on the buffered rows and replays them into the builder. */
  private startBuilder(): boolean {
    const rowNumbers = this.sampleRows;
    const laid = layoutTable(
      { sheet: this.sheet, headers: this.headers, rows: this.sample, firstRow: this.firstRow },
      this.headerRow,
      (i) => rowNumbers[i],
    );
    if (!laid.ok) return this.refuse({ code: "bad_mapping", params: { detail: laid.error } });
    this.layout = laid.layout;
    this.layoutNotes = laid.notes;
    this.headers = laid.table.headers;
    this.sample = this.sample.slice(laid.skipped);
    this.sampleRows = this.sampleRows.slice(laid.skipped);
    const table = { sheet: this.sheet, headers: this.headers, rows: this.sample, firstRow: laid.table.firstRow };
    this.sampleTable = {
      headers: this.headers,
      rows: this.sample.slice(0, DETECTION_SAMPLE_ROWS),
      firstRow: table.firstRow,
    };
    const resolved = resolveMapping(this.headers, detectColumns(table, DETECTION_SAMPLE_ROWS), this.overrides);
    if (resolved.errors.length > 0)
      return this.refuse({ code: "bad_mapping", params: { detail: resolved.errors.join(" ") } });
    this.mapping = resolved.mapping;
    this.detections = resolved.detections;
    // The engine's check and message, as in the add-in (engine/runPlan.ts).
    const missing = missingRoleProblem(this.requiredRoles, this.mapping, {
      sheet: this.sheet,
      headers: this.headers,
      headerRow: laid.layout.headerRow,
    });
    if (missing) return this.refuse(missing);
    const toLoad = mappingOfRoles(this.mapping, this.loadRoles);
    this.builder = new SalesDataBuilder({
      headers: this.headers,
      mapping: toLoad,
      sheet: this.sheet,
      totalsIn: totalsColumns(this.mapping, toLoad),
    });
    for (let i = 0; i < this.sample.length; i++) this.builder.addRow(this.sample[i], this.sampleRows[i]);
    this.sample = [];
    this.sampleRows = [];
    return true;
  }

  /** Stops the read on one of the run pipeline's refusals (the add-in's runScorecard refuses the same). */
  private refuse(problem: RunProblem): false {
    const kind = problem.code === "missing_role" ? "missing_role" : "bad_mapping";
    this.problem = { kind, message: problemText(problem, "en"), problem };
    return false;
  }

  /** The SalesData once the read is done, or the problem that stopped it. */
  finish(): { ok: true; data: SalesData } | { ok: false; problem: SinkProblem } {
    if (!this.problem && !this.builder) this.startBuilder();
    if (this.problem || !this.builder)
      return { ok: false, problem: this.problem ?? { kind: "missing_role", message: "no rows" } };
    const data = this.builder.finish();
    if (this.layoutNotes.length > 0) data.notes = [...this.layoutNotes, ...data.notes];
    return { ok: true, data };
  }
}
