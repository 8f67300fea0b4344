/**
 * Where a source's header is (product.md §2, issue 14): exports put a title block above it (company,
 * report name, date range), sometimes a two-row header (a caption merged over sub-captions), so the
 * header is the row that looks like one among the first rows, not simply the first non-empty row.
 *
 * A row's header score: its distinct text cells, plus two for each that names a role (headerMatch),
 * counted only when rows below it hold data (a number or a date). The best score wins; ties go to
 * the upper row. Then a two-row header: the row above (a caption row) or below (a sub-caption row)
 * joins it when it is all text, has two or more cells or sits over a blank, and is not data.
 * Non-empty rows above the header are the title block.
 */
import type { RawCell } from "../types";
import { matchHeader } from "../roles/headerMatch";
import { parseDate } from "../values/parseDate";
import { parseNumberText } from "../values/parseNumber";

/** Rows searched for the header. */
export const HEADER_SCAN_ROWS = 30;
/** Rows under a candidate that must hold some data. */
const DATA_LOOKAHEAD = 5;

export interface SourceLayout {
  /** Index (into the rows given) of the header's first row. */
  headerIndex: number;
  /** 1, or 2 for a caption row over sub-captions. */
  headerRows: number;
  /** One text per column: a two-row header joins sub-caption and caption ("Số lượng (Doanh số)"). */
  headers: string[];
  /** Indexes of the non-empty rows above the header: the title block, skipped. */
  titleRows: number[];
  /** Index of the first data row. */
  dataStart: number;
  /** Whether the user named the header row. */
  chosenBy: "detected" | "user";
}

function blank(c: RawCell): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

function text(c: RawCell): string {
  return blank(c) ? "" : String(c).trim();
}

/** A cell that is data rather than a caption: a number, a boolean, or text that reads as a number or date. */
function isDataCell(c: RawCell): boolean {
  if (blank(c)) return false;
  if (typeof c === "number" || typeof c === "boolean") return true;
  const s = String(c).trim();
  if (parseNumberText(s) === parseNumberText(s)) return true;
  return /\d/.test(s) && parseDate(s)?.kind === "value";
}

interface RowShape {
  nonEmpty: number;
  texts: number;
  distinct: number;
  data: number;
  roleHits: number;
}

function shape(row: readonly RawCell[] | undefined): RowShape {
  const s: RowShape = { nonEmpty: 0, texts: 0, distinct: 0, data: 0, roleHits: 0 };
  if (!row) return s;
  const seen = new Set<string>();
  for (const c of row) {
    if (blank(c)) continue;
    s.nonEmpty++;
    if (isDataCell(c)) {
      s.data++;
      continue;
    }
    s.texts++;
    const t = text(c);
    if (!seen.has(t)) {
      seen.add(t);
      s.distinct++;
      if (matchHeader(t)) s.roleHits++;
    }
  }
  return s;
}

function isTextRow(s: RowShape): boolean {
  return s.nonEmpty > 0 && s.data === 0;
}

export function detectLayout(rows: readonly (readonly RawCell[])[], opts: { headerIndex?: number } = {}): SourceLayout {
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  const shapes: RowShape[] = [];
  for (let i = 0; i < Math.min(rows.length, scan + DATA_LOOKAHEAD + 1); i++) shapes.push(shape(rows[i]));
  const dataBelow = (i: number): boolean => {
    for (let k = i + 1; k < Math.min(shapes.length, i + 1 + DATA_LOOKAHEAD); k++) if (shapes[k].data > 0) return true;
    return false;
  };

  let header = opts.headerIndex ?? -1;
  if (header < 0) {
    let best = -1;
    for (let i = 0; i < scan; i++) {
      const s = shapes[i];
      if (s.texts < 2 || s.texts < s.nonEmpty * 0.6 || !dataBelow(i)) continue;
      const score = s.distinct + 2 * s.roleHits;
      if (score > best) {
        best = score;
        header = i;
      }
    }
    // Nothing looks like a header: keep the first non-empty row, as before (its problems are reported as such).
    if (header < 0)
      header = Math.max(
        0,
        shapes.findIndex((s) => s.nonEmpty > 0),
      );
  }

  let top = header;
  let bottom = header;
  if (joins(rows, shapes, header, header + 1)) bottom = header + 1;
  else if (opts.headerIndex === undefined && header > 0 && joins(rows, shapes, header - 1, header)) top = header - 1;

  const width = Math.max(rows[top]?.length ?? 0, rows[bottom]?.length ?? 0);
  const headers: string[] = [];
  let caption = "";
  for (let c = 0; c < width; c++) {
    const upper = text(rows[top]?.[c]);
    const lower = bottom > top ? text(rows[bottom]?.[c]) : "";
    if (bottom === top) {
      headers.push(upper);
      continue;
    }
    // A merged caption spans the blanks to its right while they have sub-captions.
    if (upper !== "") caption = upper;
    else if (lower === "") caption = "";
    const over = upper !== "" ? upper : caption;
    // "Số lượng (Doanh số)": the sub-caption names the column; the caption stays visible but, in
    // brackets, is not matched (foldHeader drops bracketed units), so "Doanh số" cannot win over it.
    headers.push(lower === "" ? over : over === "" || over === lower ? lower : `${lower} (${over})`);
  }
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();

  const titleRows: number[] = [];
  for (let i = 0; i < top; i++) if ((rows[i] ?? []).some((c) => !blank(c))) titleRows.push(i);
  return {
    headerIndex: top,
    headerRows: bottom - top + 1,
    headers,
    titleRows,
    dataStart: bottom + 1,
    chosenBy: opts.headerIndex === undefined ? "detected" : "user",
  };
}

/**
 * Whether `upper` and `lower` form one two-row header: both all text, the lower not data, and
 * the caption row over a blank of the sub-caption row or the other way round (merged cells).
 */
function joins(rows: readonly (readonly RawCell[])[], shapes: RowShape[], upper: number, lower: number): boolean {
  const u = shapes[upper];
  const l = shapes[lower];
  if (!u || !l || !isTextRow(u) || !isTextRow(l) || u.nonEmpty < 2 || l.nonEmpty < 2) return false;
  const a = rows[upper];
  const b = rows[lower];
  // Title lines ("Đơn vị: Công ty ABC", "Kỳ: 01/2026") are long or carry a colon; captions do not.
  const caption = (c: RawCell): boolean => blank(c) || (text(c).length <= 40 && !/[:：]/.test(text(c)));
  if (!a.every(caption) || !b.every(caption)) return false;
  let upperOnly = 0;
  let lowerOnly = 0;
  for (let c = 0; c < Math.max(a.length, b.length); c++) {
    if (!blank(a[c]) && blank(b[c])) upperOnly++;
    if (blank(a[c]) && !blank(b[c])) lowerOnly++;
  }
  // A caption spans sub-captions (a blank above a sub-caption) and a column without sub-captions
  // is merged down (a blank under its caption): both show in a two-row header.
  return lowerOnly > 0 && upperOnly > 0;
}
