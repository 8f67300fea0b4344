/** Assembles an OutputSheet from column headers and kinds: number formats and widths follow from them. */
import type { Lang } from "../engine/types";
import type { CellValue, ColumnKind, OutputSheet, OutputSheetKey } from "./contract";
import { columnWidth } from "./columnWidths";
import { SHEET_NAMES } from "./labels";
import { NUMBER_FORMATS } from "./numberFormats";

export interface ColumnDef {
  header: string;
  kind: ColumnKind;
  /** Overrides the kind's default format. */
  numberFormat?: string;
}

export function outputSheet(
  key: OutputSheetKey,
  lang: Lang,
  defs: ColumnDef[],
  rows: CellValue[][],
  extras: Partial<Pick<OutputSheet, "table" | "rules" | "charts" | "outline" | "headerBand">> = {},
): OutputSheet {
  return {
    key,
    name: SHEET_NAMES[key][lang],
    columns: defs.map((d, c) => ({
      header: d.header,
      kind: d.kind,
      numberFormat: d.numberFormat ?? NUMBER_FORMATS[d.kind],
      width: columnWidth(d.header, d.kind, rows, c),
    })),
    rows,
    freezeRows: extras.headerBand ? 2 : 1,
    rules: extras.rules ?? [],
    charts: extras.charts ?? [],
    ...(extras.table ? { table: extras.table } : {}),
    ...(extras.outline ? { outline: extras.outline } : {}),
    ...(extras.headerBand ? { headerBand: extras.headerBand } : {}),
  };
}

/** Rows above the data: the column headers, and the header band above them when there is one. */
export function headerRowCount(sheet: Pick<OutputSheet, "headerBand">): number {
  return sheet.headerBand ? 2 : 1;
}

/** A finite number, or null (NaN / Infinity never reach a cell). */
export function num(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
