/** Lists the tables and sheets that can be read, and picks the default source (the table the selection is in). */
import type { SourceInfo, SourceRef } from "../workbook/contract";
import { parseAddress, rectContains } from "./a1";
import { EXCEL_ERROR, errorCode } from "./excelErrors";
import type { ExcelHost } from "./excelRunner";

export async function listSources(host: ExcelHost): Promise<SourceInfo[]> {
  return host.run(async (context) => {
    const tables = context.workbook.tables;
    const sheets = context.workbook.worksheets;
    tables.load("items/name");
    sheets.load("items/name");
    await context.sync();
    // The data body: a shown totals row is not a row of data.
    const tableRanges = tables.items.map((t) => t.getDataBodyRange().load("address"));
    const usedRanges = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load("address"));
    await context.sync();
    const infos: SourceInfo[] = [];
    tables.items.forEach((t, i) => {
      const parsed = parseAddress(tableRanges[i].address);
      if (parsed)
        infos.push({
          kind: "table",
          name: t.name,
          sheet: parsed.sheet ?? "",
          rows: parsed.rect.rowCount,
          columns: parsed.rect.columnCount,
        });
    });
    sheets.items.forEach((s, i) => {
      const used = usedRanges[i];
      if (used.isNullObject) return;
      const parsed = parseAddress(used.address);
      if (parsed)
        infos.push({
          kind: "sheet",
          name: s.name,
          sheet: s.name,
          rows: parsed.rect.rowCount - 1,
          columns: parsed.rect.columnCount,
        });
    });
    return infos;
  }, "the workbook's tables and sheets");
}

/**
 * The table the selection is in; else the selection when it spans several cells; else its sheet.
 * None when Excel has no one range selected (a chart, several areas, another workbook in focus:
 * getSelectedRange throws InvalidSelection or InactiveWorkbook): the user picks from the list.
 */
export async function defaultSource(host: ExcelHost): Promise<SourceRef | null> {
  return host.run(async (context) => {
    const selection = context.workbook.getSelectedRange().load("address");
    const tables = context.workbook.tables.load("items/name");
    try {
      await context.sync();
    } catch (error) {
      const code = errorCode(error);
      if (code === EXCEL_ERROR.invalidSelection || code === EXCEL_ERROR.inactiveWorkbook) return null;
      throw error;
    }
    const tableRanges = tables.items.map((t) => t.getRange().load("address"));
    await context.sync();
    const selected = parseAddress(selection.address);
    if (!selected) return { kind: "selection" };
    const topLeft = { ...selected.rect, rowCount: 1, columnCount: 1 };
    for (let i = 0; i < tableRanges.length; i++) {
      const table = parseAddress(tableRanges[i].address);
      if (table && table.sheet === selected.sheet && rectContains(table.rect, topLeft))
        return { kind: "table", name: tables.items[i].name };
    }
    if (selected.rect.rowCount > 1 || selected.rect.columnCount > 1) return { kind: "selection" };
    return { kind: "sheet", name: selected.sheet ?? "" };
  }, "the selection");
}
