/**
 * Streaming reader of .xlsx sources, independent of the order of the parts in the zip: the
 * workbook (sheet names, order, state, date system), its relationships, the shared strings and
 * the cell styles are read first, then the one sheet asked for is streamed row by row through a
 * SAX parser. Excel, openpyxl, pandas, LibreOffice, Google Sheets and Numbers all store the same
 * parts in different orders, with absolute or relative targets, sometimes with a namespace prefix.
 * Cells keep what Excel would hand over; dates come out as 1900-system serials, so a 1904
 * workbook's date cells are shifted by 1,462 days. Formula cells with no cached result are
 * counted per column, never read as blanks.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { RawCell } from "../engine/types";
import { resolveTarget } from "./packageParts";
import { DEFAULT_LIMITS, PackageError, ZipPackage, type InflateLimits } from "./zipPackage";

/** Days between the 1900 and the 1904 date systems' day 0. */
export const DATE1904_OFFSET = 1462;

export interface PackageSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The worksheet part, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface PackageTable {
  name: string;
  ref: string;
  /** Rows of the totals row at the bottom of `ref` (0 or 1): never data. */
  totalsRows: number;
  sheet: PackageSheet;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** An attribute by local name (so `r:id`, `ns2:id` and `id` all answer "id"). */
function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const attributes = tag.attributes;
  if (name in attributes) return attributes[name];
  for (const key in attributes) if (local(key) === name) return attributes[key];
  return undefined;
}

/** Feeds a part's chunks to a SAX parser; XML errors come back naming the file and the part. */
async function parsePart(
  zip: ZipPackage,
  part: string,
  handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void },
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.close) parser.on("closetag", (tag) => handlers.close!(tag.name));
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  try {
    for await (const chunk of zip.chunks(part)) {
      parser.write(chunk.toString("utf8"));
      if (shouldStop()) return;
    }
    parser.close();
  } catch (error) {
    if (error instanceof PackageError) throw error;
    // saxes says "2:830: undefined entity." without saying where: name the part.
    throw new PackageError(`${zip.file}: part ${part} is not well-formed XML (${oneLine((error as Error).message)})`);
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

async function relsOf(zip: ZipPackage, part: string): Promise<Rel[]> {
  const slash = part.lastIndexOf("/");
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  if (!zip.has(relsPart)) return [];
  const rels: Rel[] = [];
  await parsePart(zip, relsPart, {
    open: (tag) => {
      if (local(tag.name) !== "Relationship" || attr(tag, "TargetMode") === "External") return;
      rels.push({
        id: attr(tag, "Id") ?? "",
        type: attr(tag, "Type") ?? "",
        target: resolveTarget(part, attr(tag, "Target") ?? ""),
      });
    },
  });
  return rels;
}

const typeIs = (rel: Rel, suffix: string) => rel.type.endsWith(`/${suffix}`);

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format code shows a date when it has d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhsDMYHS]/.test(bare) && !/^General$/i.test(bare.trim());
}

export class XlsxPackage {
  private sharedStrings: string[] | null = null;
  private dateStyles: boolean[] | null = null;

  private constructor(
    readonly zip: ZipPackage,
    readonly sheets: PackageSheet[],
    readonly date1904: boolean,
    private readonly workbookRels: Rel[],
  ) {}

  static async open(file: string, limits: InflateLimits = DEFAULT_LIMITS): Promise<XlsxPackage> {
    const zip = ZipPackage.open(file, limits);
    try {
      const root = (await relsOf(zip, "")).find((r) => typeIs(r, "officeDocument"));
      const workbookPart = root?.target ?? "xl/workbook.xml";
      if (!zip.has(workbookPart))
        throw new PackageError(`${file} has no workbook part (${workbookPart}): it is not an .xlsx workbook`);
      const rels = await relsOf(zip, workbookPart);
      const byId = new Map(rels.map((r) => [r.id, r]));
      const sheets: PackageSheet[] = [];
      let date1904 = false;
      await parsePart(zip, workbookPart, {
        open: (tag) => {
          const name = local(tag.name);
          if (name === "workbookPr") {
            const v = attr(tag, "date1904");
            date1904 = v === "1" || v === "true";
          } else if (name === "sheet") {
            const rel = byId.get(attr(tag, "id") ?? "");
            // Chart sheets and dialog sheets hold no rows.
            if (!rel || !typeIs(rel, "worksheet")) return;
            const state = attr(tag, "state");
            sheets.push({
              name: attr(tag, "name") ?? "",
              state: state === "hidden" || state === "veryHidden" ? state : "visible",
              part: rel.target,
            });
          }
        },
      });
      return new XlsxPackage(zip, sheets, date1904, rels);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  close(): void {
    this.zip.close();
  }

  private async loadSharedStrings(): Promise<string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const strings: string[] = [];
    const rel = this.workbookRels.find((r) => typeIs(r, "sharedStrings"));
    if (rel && this.zip.has(rel.target)) {
      let text = "";
      let inText = false;
      let phonetic = 0;
      await parsePart(this.zip, rel.target, {
        open: (tag) => {
          const name = local(tag.name);
          if (name === "si") text = "";
          else if (name === "rPh") phonetic++;
          else if (name === "t" && phonetic === 0) inText = !tag.isSelfClosing;
        },
        close: (tagName) => {
          const name = local(tagName);
          if (name === "t") inText = false;
          else if (name === "rPh") phonetic--;
          else if (name === "si") strings.push(text);
        },
        text: (t) => {
          if (inText) text += t;
        },
      });
    }
    this.sharedStrings = strings;
    return strings;
  }

  /** For each cell style index, whether its number format shows a date. */
  private async loadDateStyles(): Promise<boolean[]> {
    if (this.dateStyles) return this.dateStyles;
    const custom = new Map<number, string>();
    const xfs: number[] = [];
    const rel = this.workbookRels.find((r) => typeIs(r, "styles"));
    if (rel && this.zip.has(rel.target)) {
      let inCellXfs = false;
      await parsePart(this.zip, rel.target, {
        open: (tag) => {
          const name = local(tag.name);
          if (name === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
          else if (name === "cellXfs") inCellXfs = !tag.isSelfClosing;
          else if (name === "xf" && inCellXfs) xfs.push(Number(attr(tag, "numFmtId") ?? 0));
        },
        close: (tagName) => {
          if (local(tagName) === "cellXfs") inCellXfs = false;
        },
      });
    }
    this.dateStyles = xfs.map((id) =>
      custom.has(id) ? isDateFormatCode(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id),
    );
    return this.dateStyles;
  }

  /** The tables of every sheet, from the sheets' relationships. */
  async tables(): Promise<PackageTable[]> {
    const tables: PackageTable[] = [];
    for (const sheet of this.sheets) {
      for (const rel of await relsOf(this.zip, sheet.part)) {
        if (!typeIs(rel, "table") || !this.zip.has(rel.target)) continue;
        await parsePart(this.zip, rel.target, {
          open: (tag) => {
            if (local(tag.name) !== "table") return;
            tables.push({
              name: attr(tag, "displayName") ?? attr(tag, "name") ?? "",
              ref: attr(tag, "ref") ?? "",
              totalsRows: Number(attr(tag, "totalsRowCount") ?? 0) || 0,
              sheet,
            });
          },
        });
      }
    }
    return tables;
  }

  /**
   * Streams the rows of a sheet: `onRow(values, sheetRow)` gets a 1-based array (index = column
   * number, like ExcelJS's row.values) reused between rows; return false to stop.
   * `onFormulaWithoutValue(column)` is called for each formula cell with no cached result.
   */
  async streamRows(
    sheet: PackageSheet,
    onRow: (values: RawCell[], sheetRow: number) => boolean,
    onFormulaWithoutValue: (column: number, sheetRow: number) => void,
  ): Promise<void> {
    const shared = await this.loadSharedStrings();
    const dateStyles = await this.loadDateStyles();
    const shift = this.date1904 ? DATE1904_OFFSET : 0;
    let values: RawCell[] = [];
    let rowNumber = 0;
    let column = 0;
    let type = "n";
    let style = 0;
    let hasFormula = false;
    let hasValue = false;
    let text = "";
    let capture = false;
    let inInline = false;
    let phonetic = 0;
    let stopped = false;

    const cellValue = (): RawCell => {
      switch (type) {
        case "s": {
          const s = shared[Number(text)];
          return s === undefined ? null : s;
        }
        case "str":
        case "inlineStr":
        case "e":
          return text;
        case "b":
          return text === "1" || text === "true";
        case "d": {
          const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
          return Number.isNaN(ms) ? text : ms / 86400000 + 25569;
        }
        default: {
          if (text.trim() === "") return null;
          const n = Number(text);
          if (Number.isNaN(n)) return text;
          return shift && dateStyles[style] ? n + shift : n;
        }
      }
    };

    await parsePart(
      this.zip,
      sheet.part,
      {
        open: (tag) => {
          switch (local(tag.name)) {
            case "row": {
              const r = attr(tag, "r");
              rowNumber = r ? Number(r) : rowNumber + 1;
              values = [];
              column = 0;
              if (tag.isSelfClosing) stopped = !onRow(values, rowNumber);
              break;
            }
            case "c": {
              const ref = attr(tag, "r");
              column = ref ? columnOf(ref) : column + 1;
              type = attr(tag, "t") ?? "n";
              style = Number(attr(tag, "s") ?? 0);
              hasFormula = false;
              hasValue = false;
              text = "";
              break;
            }
            case "f":
              hasFormula = true;
              break;
            case "v":
              hasValue = true;
              capture = !tag.isSelfClosing;
              break;
            case "is":
              inInline = true;
              hasValue = true;
              break;
            case "rPh":
              phonetic++;
              break;
            case "t":
              if (inInline && phonetic === 0) capture = !tag.isSelfClosing;
              break;
          }
        },
        close: (tagName) => {
          switch (local(tagName)) {
            case "v":
            case "t":
              capture = false;
              break;
            case "rPh":
              phonetic--;
              break;
            case "is":
              inInline = false;
              break;
            case "c":
              // openpyxl writes `<f>…</f><v/>` for a formula it cannot compute: no result.
              if (hasFormula && (!hasValue || (text === "" && type !== "str"))) {
                values[column] = null;
                onFormulaWithoutValue(column, rowNumber);
              } else if (hasValue) values[column] = cellValue();
              break;
            case "row":
              if (!stopped) stopped = !onRow(values, rowNumber);
              break;
          }
        },
        text: (t) => {
          if (capture) text += t;
        },
      },
      () => stopped,
    );
  }
}

/** "AB12" → 28. */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) n = n * 26 + code - 64;
    else if (code >= 97 && code <= 122) n = n * 26 + code - 96;
    else break;
  }
  return n;
}
