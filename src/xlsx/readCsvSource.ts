/**
 * Reads a text source (.csv, .tsv, .txt) as a stream: the encoding and the delimiter are
 * detected on a sample of its start (textEncoding.ts) unless given, the bytes are decoded
 * through an iconv-lite stream and parsed by csv-parse. Values stay text, as a text file gives
 * them; the engine reads "1.234,5" or "15/03/2026" itself.
 */
import * as fs from "fs";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import type { RawCell } from "../engine/types";
import { isBlankRow } from "./cellValue";
import { headerProblem, headerTexts, sourceProblem, type SourceReadResult, type SourceRowSink } from "./sourceRows";
import { decodeSample, detectDelimiterIn, detectEncoding, type EncodingChoice } from "./textEncoding";

/** `--encoding` and `--delimiter`: a plain object, so every command passes the same options. */
export interface TextReadOptions {
  /** An iconv-lite encoding name (utf-8, utf-16le, gb18030, big5, windows-1258, …). */
  encoding?: string;
  /** One character; "\t" for tab. */
  delimiter?: string;
}

/** Big enough for chardet to tell GBK from Big5 from Windows-1258 on real exports. */
const SAMPLE_BYTES = 256 * 1024;

/** The delimiter of the start of a decoded text. */
export function detectDelimiter(firstChunk: string): string {
  return detectDelimiterIn(firstChunk);
}

function readStart(file: string): { sample: Buffer; complete: boolean } {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, n), complete: n < buffer.length };
  } finally {
    fs.closeSync(fd);
  }
}

export function checkTextOptions(options: TextReadOptions): string | null {
  if (options.encoding !== undefined && !iconv.encodingExists(options.encoding))
    return `--encoding ${options.encoding} is not an encoding this tool knows: use e.g. utf-8, utf-16le, gb18030, big5, windows-1258, windows-1252`;
  if (options.delimiter !== undefined && [...options.delimiter].length !== 1)
    return `--delimiter ${JSON.stringify(options.delimiter)} must be one character (use "tab" for a tab)`;
  return null;
}

export async function streamCsv(
  file: string,
  sink: SourceRowSink,
  sheet = "csv",
  options: TextReadOptions = {},
): Promise<SourceReadResult> {
  if (!fs.existsSync(file)) return sourceProblem("not_found", `${file} does not exist`);
  const { sample, complete } = readStart(file);
  const choice: EncodingChoice = options.encoding
    ? { encoding: options.encoding.toLowerCase(), reason: "--encoding" }
    : detectEncoding(sample, complete);
  const start = decodeSample(sample, choice.encoding);
  if (start.includes("\u0000"))
    return sourceProblem(
      "not_a_workbook",
      `${file} is not a text file in ${choice.encoding} (it holds binary data); if it is text, give its encoding with --encoding`,
    );
  const delimiter = options.delimiter ?? detectDelimiterIn(start);
  const nfc = choice.encoding.replace(/[^a-z0-9]/gi, "").toLowerCase() === "windows1258";
  const parser = fs
    .createReadStream(file)
    .pipe(iconv.decodeStream(choice.encoding))
    .pipe(
      parse({
        bom: true,
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
      }),
    );
  // Windows-1258 spells most Vietnamese letters as a base letter plus a combining tone mark.
  const text = (v: string) => (nfc ? v.normalize("NFC") : v);
  let width = -1;
  let buffer: RawCell[] = [];
  let sheetRow = 0;
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      sheetRow++;
      if (width < 0) {
        const cells: RawCell[] = record.map((v) => (v === "" ? null : text(v)));
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
        buffer[c] = v === undefined || v === "" ? null : text(v);
      }
      if (isBlankRow(buffer)) continue;
      rows++;
      if (sink.row(buffer, sheetRow) === false) break;
    }
  } catch (error) {
    return sourceProblem(
      "not_a_workbook",
      `${file} could not be read as a text table at line ${sheetRow + 1} (${(error as Error).message.split("\n")[0]})`,
    );
  }
  if (width < 0) return sourceProblem("no_data", `${file} is empty: it needs a header row and sales rows`);
  return { ok: true, sheet, rows, encoding: choice.encoding, encodingReason: choice.reason, delimiter };
}
