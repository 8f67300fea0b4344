/**
 * Reads the INPUT of `apply` into the engine's SalesData, streaming: .csv through csv-parse,
 * .xlsx through ExcelJS's streaming reader, or from the already loaded workbook when the output
 * copy needs it anyway (then the file is parsed once). Problems come back as exit-3 failures.
 */
import * as path from "path";
import type ExcelJS from "exceljs";
import type { TableLayout } from "../engine/layout";
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
  /** --header-row: the 1-based sheet row of the header; else it is found (engine/layout). */
  headerRow?: number;
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
  /** What the text reader used, when it reports it. */
  encoding?: string;
  delimiter?: string;
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
  const sink = new SalesSink(spec.overrides, spec.requiredRoles, spec.loadRoles, onRows, spec.headerRow);
  let read: SourceReadResult;
  if (isCsv(spec.file)) {
    read = await streamCsv(
      spec.file,
      origin.kind === "csvInto" ? new CsvCopySink(origin.worksheet, sink) : sink,
      path.basename(spec.file),
    );
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
  return {
    ok: true,
    data: built.data,
    sheet: read.sheet,
    detections: sink.detections,
    mapping: sink.mapping,
    layout: sink.layout,
    sampleTable: sink.sampleTable,
    ...textFormat(read),
  };
}

/** The encoding and delimiter a text reader reports (newer readers do; older ones say nothing). */
function textFormat(read: object): { encoding?: string; delimiter?: string } {
  const r = read as { encoding?: unknown; delimiter?: unknown };
  const out: { encoding?: string; delimiter?: string } = {};
  if (typeof r.encoding === "string") out.encoding = r.encoding;
  if (typeof r.delimiter === "string") out.delimiter = r.delimiter;
  return out;
}
