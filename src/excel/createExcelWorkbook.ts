/** The Office.js WorkbookPort. The real task pane passes Excel.run; tests pass the fake's run. */
import type { WorkbookPort } from "../workbook/contract";
import { excelHost, type ExcelHostOptions, type ExcelRunner } from "./excelRunner";
import { defaultSource, listSources } from "./listSources";
import { previewSource, readSource } from "./readSource";
import { selectRow } from "./selectRow";
import { addSourceRules, removeSourceRules } from "./sourceRuleWriter";
import { loadSettings, saveSettings } from "./storedSettings";
import { writeOutput } from "./writeOutput";

export function createExcelWorkbook(run: ExcelRunner, options: ExcelHostOptions = {}): WorkbookPort {
  const host = excelHost(run, options);
  return {
    listSources: () => listSources(host),
    defaultSource: () => defaultSource(host),
    readSource: (ref, onProgress, options) => readSource(host, ref, onProgress, options),
    previewSource: (ref, rows) => previewSource(host, ref, rows),
    writeOutput: (output, onProgress) => writeOutput(host, output, onProgress),
    loadSettings: () => loadSettings(host),
    saveSettings: (settings) => saveSettings(host, settings),
    addSourceRules: (ref, columns) => addSourceRules(host, ref, columns),
    removeSourceRules: () => removeSourceRules(host),
    selectRow: (sheet, row) => selectRow(host, sheet, row),
  };
}
