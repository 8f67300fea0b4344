/**
 * Reads a .csv source (UTF-8, with or without BOM; comma or semicolon) as a stream with csv-parse.
 * Values stay text, as a CSV gives them; the engine reads "1.234,5" or "15/03/2026" itself.
 */
import * as fs from "fs";
import { parse } from "csv-parse";
import type { RawCell } from "../engine/types";
import { isBlankRow } from "./cellValue";
import { headerProblem, headerTexts, sourceProblem, type SourceReadResult, type SourceRowSink } from "./sourceRows";

/** The delimiter of the first line that has one: semicolon files come from Excel in comma-decimal locales. */
export function detectDelimiter(firstChunk: string): "," | ";" {
  const line =
    firstChunk
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .find((l) => l.trim() !== "") ?? "";
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function readStart(file: string): string {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

export async function streamCsv(file: string, sink: SourceRowSink, sheet = "csv"): Promise<SourceReadResult> {
  if (!fs.existsSync(file)) return sourceProblem("not_found", `${file} does not exist`);
  const start = readStart(file);
  if (start.includes("\u0000"))
    return sourceProblem("not_a_workbook", `${file} is not a text CSV file (it holds binary data)`);
  const parser = fs.createReadStream(file).pipe(
    parse({
      bom: true,
      delimiter: detectDelimiter(start),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let width = -1;
  let buffer: RawCell[] = [];
  let sheetRow = 0;
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      sheetRow++;
      if (width < 0) {
        const cells: RawCell[] = record.map((v) => (v === "" ? null : v));
        if (isBlankRow(cells)) continue;
        const problem = headerProblem(cells, sheet, sheetRow);
        if (problem) return sourceProblem("no_header", problem);
        const headers = headerTexts(cells);
        width = headers.length;
        buffer = new Array(width).fill(null);
        if (sink.header(headers, sheet, sheetRow) === false) break;
        continue;
      }
      // Rows may be wider than the first one: a title block above the header is often one cell (issue 14).
      const w = Math.max(width, record.length);
      buffer.length = w;
      for (let c = 0; c < w; c++) {
        const v = record[c];
        buffer[c] = v === undefined || v === "" ? null : v;
      }
      if (isBlankRow(buffer)) continue;
      rows++;
      if (sink.row(buffer, sheetRow) === false) break;
    }
  } catch (error) {
    return sourceProblem(
      "not_a_workbook",
      `${file} could not be read as CSV at line ${sheetRow + 1} (${(error as Error).message})`,
    );
  }
  if (width < 0) return sourceProblem("no_data", `${file} is empty: it needs a header row and sales rows`);
  return { ok: true, sheet, rows };
}
