/**
 * Receives streamed source rows and builds the engine's SalesData without keeping the rows:
 * the first rows are buffered to detect the column roles (headers and values), then every row
 * goes straight into SalesDataBuilder. Memory holds the typed columns, not the sheet.
 */
import { detectColumns, mappingOfRoles, resolveMapping, rolesMissingFor, SalesDataBuilder } from "../engine";
import type { ColumnMapping, RawCell, Role, RoleDetection, SalesData } from "../engine/types";
import type { SourceRowSink } from "../xlsx/sourceRows";

/** Rows looked at to detect roles from values (the engine's default sample size). */
export const DETECTION_SAMPLE = 200;

export type SinkProblem = { kind: "bad_mapping" | "missing_role"; message: string };

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

  constructor(
    private readonly overrides: Partial<Record<Role, string>>,
    private readonly requiredRoles: Role[],
    private readonly loadRoles: ReadonlySet<Role>,
    private readonly onRow?: (rowsSeen: number) => void,
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
    return this.sample.length < DETECTION_SAMPLE || this.startBuilder();
  }

  /** Detects the roles on the buffered rows and replays them into the builder. */
  private startBuilder(): boolean {
    const table = { sheet: this.sheet, headers: this.headers, rows: this.sample, firstRow: this.firstRow };
    const resolved = resolveMapping(this.headers, detectColumns(table, DETECTION_SAMPLE), this.overrides);
    if (resolved.errors.length > 0) {
      this.problem = { kind: "bad_mapping", message: resolved.errors.join(" ") };
      return false;
    }
    this.mapping = resolved.mapping;
    this.detections = resolved.detections;
    const missing = rolesMissingFor(this.requiredRoles, this.mapping);
    if (missing.length > 0) {
      const seen = this.headers.map((h) => `"${h}"`).join(", ");
      this.problem = {
        kind: "missing_role",
        message: `sheet "${this.sheet}": no column for the required role${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; headers seen: ${seen}. Map one with --map ${missing[0]}=HEADER`,
      };
      return false;
    }
    const toLoad = mappingOfRoles(this.mapping, this.loadRoles);
    this.builder = new SalesDataBuilder({ headers: this.headers, mapping: toLoad, sheet: this.sheet });
    for (let i = 0; i < this.sample.length; i++) this.builder.addRow(this.sample[i], this.sampleRows[i]);
    this.sample = [];
    this.sampleRows = [];
    return true;
  }

  /** The SalesData once the read is done, or the problem that stopped it. */
  finish(): { ok: true; data: SalesData } | { ok: false; problem: SinkProblem } {
    if (!this.problem && !this.builder) this.startBuilder();
    if (this.problem || !this.builder)
      return { ok: false, problem: this.problem ?? { kind: "missing_role", message: "no rows" } };
    return { ok: true, data: this.builder.finish() };
  }
}
