import type { ColumnMapping, SalesData, SourceTable } from "../types";
import { SalesDataBuilder } from "./SalesDataBuilder";

/**
 * Reads a whole source table into SalesData by the rules of SalesDataBuilder. `totalsIn`: columns
 * not read whose total words still mark a totals row (the other label columns of the mapping).
 */
export function loadSalesData(table: SourceTable, mapping: ColumnMapping, totalsIn?: number[]): SalesData {
  const builder = new SalesDataBuilder({
    headers: table.headers,
    mapping,
    sheet: table.sheet,
    capacity: table.rows.length,
    totalsIn,
  });
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) builder.addRow(rows[i] ?? [], table.firstRow + i);
  return builder.finish();
}
