/** Typed sales data: the sales rows read into columns, with data notes. */
export { SalesDataBuilder } from "./SalesDataBuilder";
export { loadSalesData } from "./loadSalesData";
export { currencyCode } from "./currencyCode";
export { NOTES_PER_KIND_AND_COLUMN } from "./noteLog";
