/** The Excel range behind a SourceRef (a table, the selection, or a sheet's used range). */
import type { SourceRef } from "../workbook/contract";

export function sourceRange(context: Excel.RequestContext, ref: SourceRef): Excel.Range {
  switch (ref.kind) {
    case "table":
      return context.workbook.tables.getItem(ref.name).getRange();
    case "selection":
      return context.workbook.getSelectedRange();
    case "sheet":
      return context.workbook.worksheets.getItem(ref.name).getUsedRangeOrNullObject(true);
  }
}

/**
 * The range a read takes, never a null object, for reads that chain calls on it: an empty sheet
 * gives A1, whose one empty cell reads as "no header row". A table is read as its data body (never
 * its totals row; the header comes from its column names). A selection is cut to its used cells:
 * a whole-column selection is "Sheet1!A:F", a million rows of mostly nothing.
 */
export function readableSourceRange(context: Excel.RequestContext, ref: SourceRef): Excel.Range {
  switch (ref.kind) {
    case "sheet":
      return context.workbook.worksheets.getItem(ref.name).getUsedRange(true);
    case "table":
      return context.workbook.tables.getItem(ref.name).getDataBodyRange();
    case "selection":
      return context.workbook.getSelectedRange().getUsedRange(true);
  }
}

export function describeSource(ref: SourceRef): string {
  switch (ref.kind) {
    case "table":
      return `the table "${ref.name}"`;
    case "selection":
      return "the selected range";
    case "sheet":
      return `the sheet "${ref.name}"`;
  }
}
