/**
 * Loaded by the e2e page in place of office.js: builds a fake Excel workbook holding the sample sales
 * table and installs the `Office` and `Excel` globals, so the unmodified task pane runs against it.
 * The Office display language comes from the page's ?display= query ("vi-VN", "zh-TW"...).
 * The fake stays on window.__fakeExcel for the test to inspect.
 */
import { createFakeWorkbook, installFakeOffice } from "../fakes/excel";
import { SALES_SHEET, SALES_TABLE, sampleSalesValues } from "./sampleSales";

const values = sampleSalesValues();
const lastRow = values.length;
const lastColumn = String.fromCharCode("A".charCodeAt(0) + values[0].length - 1);
const displayLanguage = new URLSearchParams(window.location.search).get("display") ?? "en-US";

const fake = createFakeWorkbook(
  {
    sheets: [
      {
        name: SALES_SHEET,
        values,
        tables: [{ name: SALES_TABLE, address: `A1:${lastColumn}${lastRow}` }],
      },
    ],
    selection: { sheet: SALES_SHEET, address: "B2" },
  },
  { displayLanguage },
);
installFakeOffice(window as unknown as Record<string, unknown>, fake);
(window as unknown as { __fakeExcel: unknown }).__fakeExcel = fake;
