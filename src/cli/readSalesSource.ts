/**
 * Reads the INPUT of `apply` into the engine's SalesData, streaming: .csv through csv-parse,
 * .xlsx through ExcelJS's streaming reader, or from the already loaded workbook when the output
 * copy needs it anyway (then the file is parsed once). Problems come back as exit-3 failures.
 */
import * as path from "path";
import type ExcelJS from "exceljs";
import type { TableLayout } from "../engine/layout";
import { mappingOfRoles } from "../engine";
import type { ColumnMapping, DataNote, Role, RoleDetection, SalesData } from "../engine/types";
import { CsvCopySink } from "../xlsx/csvCopySink";
import { streamCsv, type TextReadOptions } from "../xlsx/readCsvSource";
import { readLoadedSource, streamXlsxSheet, streamXlsxTable } from "../xlsx/readXlsxSource";
import type { SourceReadFacts, SourceReadResult } from "../xlsx/sourceRows";
import type { InflateLimits } from "../xlsx/zipPackage";
import { EXIT, fail, refuse, type Outcome } from "./outcome";
import { SalesSink } from "./salesSink";

export interface SourceSpec {
  file: string;
  sheet?: string;
  table?: string;
  overrides: Partial<Record<Role, string>>;
  requiredRoles: Role[];
  /** The roles to read into SalesData (the template's, from rolesToLoad); other columns are skipped. */
  loadRoles: ReadonlySet<Role>;
  /** --header-row: the 1-based sheet row of the header; else it is found (engine/layout). */
  headerRow?: number;
  /** Text files: --encoding and --delimiter. */
  text?: TextReadOptions;
  /** .xlsx: caps on inflating parts (tests lower them). */
  limits?: InflateLimits;
}

export interface SalesSource {
  data: SalesData;
  sheet: string;
  detections: RoleDetection[];
  /** Every detected or mapped role, including those not read. */
  mapping: ColumnMapping;
  /** Where the header was found and the title rows skipped. */
  layout: TableLayout | null;
  /** The header and the first rows under it, as the engine read them (for `inspect`). */
  sampleTable: SalesSink["sampleTable"];
  /** How the file was read (encoding, delimiter, date system, formula cells without a value). */
  facts: SourceReadFacts;
}

/** Where the rows come from: a workbook already loaded for the copy, a CSV copied into one, or a file streamed. */
export type SourceOrigin =
  | { kind: "loaded"; workbook: ExcelJS.Workbook }
  | { kind: "csvInto"; worksheet: ExcelJS.Worksheet }
  | { kind: "stream" };

/** Text sources: .csv, .tsv and .txt (Excel's "Unicode Text" is a tab-separated UTF-16 .txt). */
export const TEXT_EXTENSIONS = [".csv", ".tsv", ".txt"];

export function isCsv(file: string): boolean {
  return TEXT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/**
 * Formula cells without a cached value are never read as blanks: the run stops when a column it
 * reads has them (no well-kept evaluator gives certain results for arbitrary workbook formulas),
 * and a note lists those in columns it does not read.
 */
function formulaGapCheck(
  facts: SourceReadFacts,
  file: string,
  sheet: string,
  read: ColumnMapping,
): { failure?: string; notes: DataNote[] } {
  const gaps = facts.formulaGaps ?? [];
  const used = new Set(Object.values(read));
  const blocking = gaps.filter((g) => used.has(g.index));
  if (blocking.length > 0) {
    const total = blocking.reduce((n, g) => n + g.count, 0);
    const list = blocking.map((g) => `"${g.column}" (${g.count}, first at row ${g.firstRow})`).join(", ");
    return {
      failure: `sheet "${sheet}" in ${file} has ${total} formula cell${total === 1 ? "" : "s"} with no saved result in ${list}: the program that wrote the file did not compute them; open the file in Excel or LibreOffice, save it, and run again`,
      notes: [],
    };
  }
  return {
    notes: gaps.map((g) => ({
      row: g.firstRow,
      column: g.column,
      kind: "formula_without_value" as const,
      problem: `${g.count} formula cell${g.count === 1 ? "" : "s"} with no saved result in a column this template does not read`,
    })),
  };
}

/** Notes saying how a file was read: its text encoding and delimiter, or its 1904 date system. */
function readingNotes(facts: SourceReadFacts): DataNote[] {
  const notes: DataNote[] = [];
  if (facts.encoding)
    notes.push({
      kind: "text_encoding",
      value: `${facts.encoding}; delimiter ${JSON.stringify(facts.delimiter ?? ",")}`,
      problem: `read as ${facts.encoding} (${facts.encodingReason ?? "detected"}), fields separated by ${delimiterName(facts.delimiter ?? ",")}`,
    });
  if (facts.date1904)
    notes.push({
      kind: "date_system_1904",
      problem:
        "the workbook uses the 1904 date system: its dates were read 1,462 days later than their serial numbers in the 1900 system",
    });
  return notes;
}

function delimiterName(d: string): string {
  return { ",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes" }[d] ?? JSON.stringify(d);
}

export async function readSalesSource(
  spec: SourceSpec,
  origin: SourceOrigin,
  onRows: (n: number) => void,
): Promise<Outcome<SalesSource>> {
  const sink = new SalesSink(spec.overrides, spec.requiredRoles, spec.loadRoles, onRows, spec.headerRow);
  let read: SourceReadResult;
  let copy: CsvCopySink | null = null;
  if (isCsv(spec.file)) {
    copy = origin.kind === "csvInto" ? new CsvCopySink(origin.worksheet, sink) : null;
    read = await streamCsv(spec.file, copy ?? sink, path.basename(spec.file), spec.text);
  } else if (origin.kind === "loaded") {
    read = readLoadedSource(origin.workbook, spec.file, { sheet: spec.sheet, table: spec.table }, sink);
  } else if (spec.table !== undefined) {
    read = await streamXlsxTable(spec.file, spec.table, sink, spec.limits);
  } else {
    read = await streamXlsxSheet(spec.file, spec.sheet, sink, spec.limits);
  }
  if (!read.ok) return fail(EXIT.unreadableInput, read.message);
  onRows(sink.rowsSeen);
  const noRows = fail(
    EXIT.unreadableInput,
    `sheet "${read.sheet}" in ${spec.file} has a header but no sales rows under it`,
  );
  if (sink.rowsSeen === 0) return noRows;
  const built = sink.finish();
  if (!built.ok) {
    if (built.problem.problem) return refuse(built.problem.problem);
    return fail(built.problem.kind === "bad_mapping" ? EXIT.badArguments : EXIT.unreadableInput, built.problem.message);
  }
  if (built.data.rowsRead === 0) return noRows;
  const { ok: _ok, sheet: _sheet, rows: _rows, ...facts } = read;
  const gaps = formulaGapCheck(facts, spec.file, read.sheet, mappingOfRoles(sink.mapping, spec.loadRoles));
  if (gaps.failure) return fail(EXIT.unreadableInput, gaps.failure);
  const extra = [...readingNotes(facts), ...gaps.notes];
  if (extra.length > 0) built.data.notes = [...extra, ...built.data.notes];
  if (copy && copy.changes.length > 0) built.data.notes = [...built.data.notes, ...copy.changes];
  return {
    ok: true,
    data: built.data,
    sheet: read.sheet,
    detections: sink.detections,
    mapping: sink.mapping,
    layout: sink.layout,
    sampleTable: sink.sampleTable,
    facts,
  };
}
