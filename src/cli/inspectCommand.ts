/**
 * `kpi-scorecard inspect INPUT`: what `apply` would read, through the same reader and sink
 * (readSalesSource): the sheet or table, the header row and the title rows skipped above it, the
 * encoding and delimiter when the reader reports them, each column's role with its confidence and
 * three sample values, the rows left out and why, the data rows, the date range and the periods.
 */
import * as fs from "fs";
import * as path from "path";
import {
  periodKey,
  periodLabel,
  periodSpecFor,
  requiredRolesFor,
  rolesMissingFor,
  serialToYmd,
  type TableLayout,
} from "../engine";
import { ROLES, type DataNote, type PeriodKind, type RawCell, type Role } from "../engine/types";
import { cellText } from "../engine/values/cellText";
import type { TextReadOptions } from "../xlsx/readCsvSource";
import { loadTemplate } from "./loadTemplate";
import { EXIT, fail, type Outcome } from "./outcome";
import { isCsv, readSalesSource, TEXT_EXTENSIONS } from "./readSalesSource";

export interface InspectOptions {
  input: string;
  sheet?: string;
  table?: string;
  headerRow?: number;
  /** Text input: --encoding and --delimiter (detected when absent). */
  text?: TextReadOptions;
  template: string;
  /** Period kind instead of the template's. */
  period?: PeriodKind;
  map: Partial<Record<Role, string>>;
}

export interface InspectColumn {
  column: number;
  header: string;
  role: Role | null;
  confidence: number | null;
  source: "header" | "values" | "user" | null;
  samples: string[];
}

export interface InspectReport {
  file: string;
  sheet: string;
  table: string | null;
  encoding: string | null;
  delimiter: string | null;
  headerRow: number | null;
  headerRows: number;
  headerChosenBy: TableLayout["chosenBy"] | null;
  titleRows: { row: number; text: string }[];
  columns: InspectColumn[];
  /** Roles the template needs that no column plays. */
  missingRoles: Role[];
  rowsRead: number;
  dataRows: number;
  leftOut: { row: number | null; kind: string; column: string | null; value: string | null; reason: string }[];
  dateRange: { first: string; last: string } | null;
  period: string;
  periods: string[];
}

/** Kinds of note that leave a row out (the others are about one cell of a row that is kept). */
const LEFT_OUT = new Set(["total_row", "subtotal_row", "footer_row", "missing_date", "not_a_date", "row_skipped"]);

function isoDate(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function sampleText(raw: RawCell, role: Role | null): string {
  if (role === "date" && typeof raw === "number") return isoDate(Math.floor(raw));
  return cellText(raw).slice(0, 40);
}

export async function runInspect(o: InspectOptions): Promise<Outcome<{ report: InspectReport }>> {
  const ext = path.extname(o.input).toLowerCase();
  if (ext !== ".xlsx" && !TEXT_EXTENSIONS.includes(ext))
    return fail(EXIT.badArguments, `INPUT ${o.input} must be an .xlsx, .csv, .tsv or .txt file`);
  if (!fs.existsSync(o.input)) return fail(EXIT.unreadableInput, `INPUT ${o.input} does not exist`);
  if (o.sheet && o.table) return fail(EXIT.badArguments, "use --sheet or --table, not both");
  if (isCsv(o.input) && (o.sheet || o.table))
    return fail(EXIT.badArguments, "--sheet and --table apply to .xlsx input, not CSV");
  const loaded = loadTemplate(o.template);
  if (!loaded.ok) return loaded;
  // Every role is read, so the facts cover every column; the template only says what is missing.
  const source = await readSalesSource(
    {
      file: o.input,
      sheet: o.sheet,
      table: o.table,
      overrides: o.map,
      requiredRoles: [],
      loadRoles: new Set(ROLES),
      headerRow: o.headerRow,
      text: o.text,
    },
    { kind: "stream" },
    () => undefined,
  );
  if (!source.ok) return source;
  const { data, layout, sampleTable } = source;
  const headers = sampleTable?.headers ?? data.headers;
  const columns: InspectColumn[] = headers.map((header, column) => {
    const d = source.detections.find((x) => x.column === column);
    const role = d?.role ?? null;
    const samples: string[] = [];
    for (const row of sampleTable?.rows ?? []) {
      if (samples.length === 3) break;
      const raw = row[column];
      if (raw === null || raw === undefined || String(raw).trim() === "") continue;
      samples.push(sampleText(raw, role));
    }
    return {
      column,
      header,
      role,
      confidence: d ? Math.round(d.confidence * 100) / 100 : null,
      source: d?.source ?? null,
      samples,
    };
  });
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const s = data.dates[i];
    if (s < first) first = s;
    if (s > last) last = s;
  }
  const template = loaded.template;
  const spec = periodSpecFor(template.period, o.period);
  const keys = new Set<number>();
  for (let i = 0; i < data.length; i++) if (data.dates[i] === data.dates[i]) keys.add(periodKey(data.dates[i], spec));
  const leftOut = data.notes
    .filter((n: DataNote) => LEFT_OUT.has(n.kind) || n.problem.endsWith("row skipped"))
    .map((n) => ({
      row: n.row ?? null,
      kind: n.kind,
      column: n.column ?? null,
      value: n.value ?? null,
      reason: n.problem,
    }))
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const report: InspectReport = {
    file: o.input,
    sheet: source.sheet,
    table: o.table ?? null,
    encoding: source.facts.encoding ?? null,
    delimiter: source.facts.delimiter ?? null,
    headerRow: layout?.headerRow ?? null,
    headerRows: layout?.headerRows ?? 1,
    headerChosenBy: layout?.chosenBy ?? null,
    titleRows: layout?.titleRows ?? [],
    columns,
    missingRoles: rolesMissingFor(requiredRolesFor(template), source.mapping),
    rowsRead: data.rowsRead,
    dataRows: data.length,
    leftOut,
    dateRange: Number.isFinite(first) ? { first: isoDate(first), last: isoDate(last) } : null,
    period: spec.kind,
    periods: [...keys].sort((a, b) => a - b).map((k) => periodLabel(k, spec)),
  };
  return { ok: true, report };
}

function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The report as lines for a terminal. */
export function inspectText(r: InspectReport): string {
  const lines: string[] = [];
  const format = [r.encoding && `encoding ${r.encoding}`, r.delimiter && `delimiter ${JSON.stringify(r.delimiter)}`]
    .filter(Boolean)
    .join(", ");
  lines.push(
    `source: ${r.table ? `table "${r.table}" on ` : ""}sheet "${r.sheet}" of ${r.file}${format ? ` (${format})` : ""}`,
  );
  if (r.headerRow !== null) {
    const rows =
      r.headerRows > 1
        ? `rows ${r.headerRow}–${r.headerRow + r.headerRows - 1} (two-row header)`
        : `row ${r.headerRow}`;
    lines.push(`header: ${rows}, ${r.headerChosenBy === "user" ? "as chosen with --header-row" : "found"}`);
  }
  if (r.titleRows.length > 0) {
    lines.push(`title rows skipped above the header: ${r.titleRows.length}`);
    for (const t of r.titleRows) lines.push(`  row ${t.row}: ${t.text.slice(0, 80)}`);
  }
  lines.push("columns:");
  const width = Math.min(32, Math.max(6, ...r.columns.map((c) => c.header.length)));
  for (const c of r.columns) {
    const role = c.role ? `${c.role} ${c.confidence?.toFixed(2)} (${c.source})` : "-";
    lines.push(
      `  ${columnLetter(c.column).padEnd(3)} ${c.header.slice(0, 32).padEnd(width)}  ${role.padEnd(28)}  ${c.samples.join(" | ")}`,
    );
  }
  if (r.missingRoles.length > 0)
    lines.push(`missing for the template: ${r.missingRoles.join(", ")} (map with --map ROLE=HEADER)`);
  lines.push(`rows: ${r.dataRows} data rows of ${r.rowsRead} read; ${r.leftOut.length} left out`);
  for (const n of r.leftOut.slice(0, 50))
    lines.push(
      `  row ${n.row ?? "?"}: ${n.kind}${n.column ? ` in "${n.column}"` : ""}${n.value ? ` ${JSON.stringify(n.value.slice(0, 60))}` : ""}: ${n.reason}`,
    );
  if (r.leftOut.length > 50) lines.push(`  … ${r.leftOut.length - 50} more`);
  if (r.dateRange) lines.push(`dates: ${r.dateRange.first} to ${r.dateRange.last}`);
  if (r.periods.length > 0)
    lines.push(`periods (${r.period}): ${r.periods.length}, ${r.periods[0]} to ${r.periods[r.periods.length - 1]}`);
  return lines.join("\n") + "\n";
}
