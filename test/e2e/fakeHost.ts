/**
 * Loaded by the e2e page in place of office.js: builds a fake Excel workbook holding the sample sales
 * table and installs the `Office` and `Excel` globals, so the unmodified task pane runs against it.
 * The Office display language comes from the page's ?display= query ("vi-VN", "zh-TW"...), and
 * ?theme=dark gives Office.context.officeTheme the colours of Office's dark grey theme.
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
if (new URLSearchParams(window.location.search).get("theme") === "dark") {
  // Office.context.officeTheme (Office 2016+): the pane reads the body background to pick its theme.
  const office = (window as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.officeTheme = {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#363636",
    controlForegroundColor: "#FFFFFF",
  };
}
(window as unknown as { __fakeExcel: unknown }).__fakeExcel = fake;
