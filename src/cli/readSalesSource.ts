/**
 * Reads the INPUT of `apply` into the engine's SalesData, streaming: .csv through csv-parse,
 * .xlsx through ExcelJS's streaming reader, or from the already loaded workbook when the output
 * copy needs it anyway (then the file is parsed once). Problems come back as exit-3 failures.
 */
import * as path from "path";
import type ExcelJS from "exceljs";
import type { ColumnMapping, Role, RoleDetection, SalesData } from "../engine/types";
import { CsvCopySink } from "../xlsx/csvCopySink";
import { streamCsv } from "../xlsx/readCsvSource";
import { readLoadedSource, streamXlsxSheet } from "../xlsx/readXlsxSource";
import type { SourceReadResult } from "../xlsx/sourceRows";
import { EXIT, fail, type Outcome } from "./outcome";
import { SalesSink } from "./salesSink";

export interface SourceSpec {
  file: string;
  sheet?: string;
  table?: string;
  overrides: Partial<Record<Role, string>>;
  requiredRoles: Role[];
  /** The roles to read into SalesData (the template's, from rolesToLoad); other columns are skipped. */
  loadRoles: ReadonlySet<Role>;
}

export interface SalesSource {
  data: SalesData;
  sheet: string;
  detections: RoleDetection[];
  /** Every detected or mapped role, including those not read. */
  mapping: ColumnMapping;
}

/** Where the rows come from: a workbook already loaded for the copy, a CSV copied into one, or a file streamed. */
export type SourceOrigin =
  | { kind: "loaded"; workbook: ExcelJS.Workbook }
  | { kind: "csvInto"; worksheet: ExcelJS.Worksheet }
  | { kind: "stream" };

export function isCsv(file: string): boolean {
  return path.extname(file).toLowerCase() === ".csv";
}

export async function readSalesSource(
  spec: SourceSpec,
  origin: SourceOrigin,
  onRows: (n: number) => void,
): Promise<Outcome<SalesSource>> {
  const sink = new SalesSink(spec.overrides, spec.requiredRoles, spec.loadRoles, onRows);
  let read: SourceReadResult;
  let copy: CsvCopySink | null = null;
  if (isCsv(spec.file)) {
    copy = origin.kind === "csvInto" ? new CsvCopySink(origin.worksheet, sink) : null;
    read = await streamCsv(spec.file, copy ?? sink, path.basename(spec.file));
  } else if (origin.kind === "loaded") {
    read = readLoadedSource(origin.workbook, spec.file, { sheet: spec.sheet, table: spec.table }, sink);
  } else {
    read = await streamXlsxSheet(spec.file, spec.sheet, sink);
  }
  if (!read.ok) return fail(EXIT.unreadableInput, read.message);
  onRows(sink.rowsSeen);
  const noRows = fail(
    EXIT.unreadableInput,
    `sheet "${read.sheet}" in ${spec.file} has a header but no sales rows under it`,
  );
  if (sink.rowsSeen === 0) return noRows;
  const built = sink.finish();
  if (!built.ok)
    return fail(built.problem.kind === "bad_mapping" ? EXIT.badArguments : EXIT.unreadableInput, built.problem.message);
  if (built.data.rowsRead === 0) return noRows;
  if (copy && copy.changes.length > 0) built.data.notes = [...built.data.notes, ...copy.changes];
  return { ok: true, data: built.data, sheet: read.sheet, detections: sink.detections, mapping: sink.mapping };
}
