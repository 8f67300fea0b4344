/**
 * Defines the globals `Office` and `Excel` on a window (or globalThis) so that an unmodified task
 * pane runs against a FakeExcel in a browser. Only the members the add-in uses are modelled.
 */
import type { FakeExcel } from "./fakeWorkbook";

/** The enum values the add-in may name through the Excel global (Office.js string values). */
const EXCEL_ENUMS = {
  ConditionalFormatType: { iconSet: "IconSet", dataBar: "DataBar", custom: "Custom", cellValue: "CellValue" },
  IconSet: {
    threeTrafficLights1: "ThreeTrafficLights1",
    fourTrafficLights: "FourTrafficLights",
    fiveArrows: "FiveArrows",
    threeSymbols: "ThreeSymbols",
  },
  ConditionalFormatIconRuleType: { number: "Number", percent: "Percent", formula: "Formula", percentile: "Percentile" },
  ConditionalIconCriterionOperator: { greaterThan: "GreaterThan", greaterThanOrEqual: "GreaterThanOrEqual" },
  ChartType: {
    barClustered: "BarClustered",
    columnClustered: "ColumnClustered",
    line: "Line",
    lineMarkers: "LineMarkers",
  },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ErrorCodes: { invalidOperationInCellEditMode: "InvalidOperationInCellEditMode", itemNotFound: "ItemNotFound" },
};

export function installFakeOffice(target: Record<string, unknown>, fake: FakeExcel): void {
  const hostInfo = { host: "Excel", platform: "OfficeOnline" };
  target.Office = {
    onReady: (callback?: (info: typeof hostInfo) => void) => {
      callback?.(hostInfo);
      return Promise.resolve(hostInfo);
    },
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: fake.displayLanguage,
      contentLanguage: fake.displayLanguage,
      requirements: { isSetSupported: (name: string, version?: string) => fake.isSetSupported(name, version) },
    },
  };
  target.Excel = { run: fake.run, ...EXCEL_ENUMS };
}
