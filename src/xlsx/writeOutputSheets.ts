/**
 * Renders the shared WorkbookOutput (src/workbook/exporter.ts) into an ExcelJS workbook: the same
 * sheet names, number formats, widths, frozen header, table and conditional rules the Excel
 * adapter writes. Strings are stored as text values, never as formulas.
 */
import ExcelJS from "exceljs";
import type { ConditionalRule, OutputSheet, OutputSheetKey, WorkbookOutput, WriteReport } from "../workbook/contract";
import { columnLetter, headerRowCount } from "../workbook/outputSheet";
import { freeSheetName } from "../workbook/sheetNames";

/** "#RRGGBB" → ExcelJS "FFRRGGBB". */
function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

function ruleRange(rule: ConditionalRule, firstRow: number, lastRow: number): string {
  if (rule.type === "formulaFill")
    return `${columnLetter(rule.fromColumn)}${firstRow}:${columnLetter(rule.toColumn)}${lastRow}`;
  const col = columnLetter(rule.column);
  return `${col}${firstRow}:${col}${lastRow}`;
}

function toExcelRule(rule: ConditionalRule, priority: number): ExcelJS.ConditionalFormattingRule {
  switch (rule.type) {
    case "iconSet":
      // The lowest icon starts at the minimum; each threshold is a ">=" number bound (the band's min).
      return {
        type: "iconSet",
        priority,
        iconSet: rule.iconSet as ExcelJS.IconSetTypes,
        showValue: true,
        cfvo: [{ type: "percent", value: 0 }, ...rule.thresholds.map((t) => ({ type: "num" as const, value: t }))],
      } as ExcelJS.ConditionalFormattingRule;
    case "dataBar":
      return {
        type: "dataBar",
        priority,
        minLength: 0,
        maxLength: 100,
        gradient: false,
        border: false,
        cfvo: rule.scale
          ? [
              { type: "num", value: rule.scale.min },
              { type: "num", value: rule.scale.max },
            ]
          : [{ type: "min" }, { type: "max" }],
        color: { argb: argb(rule.color) },
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case "formulaFill":
      return {
        type: "expression",
        priority,
        formulae: [rule.formula.replace(/^=/, "")],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.fontColor) } },
        },
      };
  }
}

/** The hierarchy (contract SheetOutline): alignment indent, bold subtotal rows with a top border, outline levels. */
function writeOutline(worksheet: ExcelJS.Worksheet, sheet: OutputSheet): void {
  const { column, rows } = sheet.outline!;
  // Summary rows below their detail, as the exporter orders them (Excel's default, written explicitly).
  worksheet.properties.outlineProperties = { summaryBelow: true, summaryRight: true };
  // The sheet's deepest level (sheetFormatPr outlineLevelRow); ExcelJS marks rows at it as expanded.
  worksheet.properties.outlineLevelRow = Math.min(7, Math.max(0, ...rows.map((r) => r.depth)));
  const top = headerRowCount(sheet);
  rows.forEach((place, r) => {
    const row = worksheet.getRow(r + top + 1);
    if (place.depth > 0) {
      // The output's cells carry no alignment, font or border of their own before this.
      // An indent applies to left-aligned cells (Excel sets "left" when you indent; LibreOffice needs it).
      row.getCell(column + 1).alignment = { horizontal: "left", indent: place.depth };
      row.outlineLevel = Math.min(place.depth, 7);
    }
    if (place.subtotal)
      for (let c = 1; c <= sheet.columns.length; c++) {
        row.getCell(c).font = { bold: true };
        row.getCell(c).border = { top: { style: "thin" } };
      }
  });
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: OutputSheet, name: string): void {
  const worksheet = workbook.addWorksheet(name, {
    views: sheet.freezeRows > 0 ? [{ state: "frozen", ySplit: sheet.freezeRows }] : [],
  });
  worksheet.columns = sheet.columns.map((column) => ({
    width: column.width,
    style: column.numberFormat && column.numberFormat !== "General" ? { numFmt: column.numberFormat } : {},
  }));
  const top = headerRowCount(sheet);
  const lastRow = sheet.rows.length + top;
  if (sheet.headerBand) {
    // Row 1: each span's text in its first cell, merged across its columns and centred.
    const band: Array<string | null> = sheet.columns.map(() => null);
    for (const span of sheet.headerBand) band[span.fromColumn] = span.text;
    const row = worksheet.addRow(band);
    row.font = { bold: true };
    for (const span of sheet.headerBand) {
      worksheet.mergeCells(1, span.fromColumn + 1, 1, span.toColumn + 1);
      row.getCell(span.fromColumn + 1).alignment = { horizontal: "center" };
    }
  }
  if (sheet.table && sheet.rows.length > 0) {
    worksheet.addTable({
      name: sheet.table.name,
      ref: "A1",
      headerRow: true,
      style: { theme: sheet.table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: sheet.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: sheet.rows.map((r) => r.map((v) => (v === null ? undefined : v))) as unknown[][],
    });
  } else {
    const header = worksheet.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  if (sheet.outline) writeOutline(worksheet, sheet);
  if (sheet.rows.length > 0) {
    sheet.rules.forEach((rule, i) => {
      worksheet.addConditionalFormatting({
        ref: ruleRange(rule, top + 1, lastRow),
        rules: [toExcelRule(rule, i + 1)],
      });
    });
  }
}

/**
 * Adds the output sheets to `workbook`. A sheet that is already there (a user's, or an earlier
 * run's), in `workbook` or in `taken` (the workbook they will join), keeps its name and contents;
 * ours takes "Name (2)".
 */
export function addOutputSheets(workbook: ExcelJS.Workbook, output: WorkbookOutput, taken: string[] = []): WriteReport {
  const names: Partial<Record<OutputSheetKey, string>> = {};
  let rowsWritten = 0;
  for (const sheet of output.sheets) {
    const name = freeSheetName(sheet.name, [...taken, ...workbook.worksheets.map((w) => w.name)]);
    writeSheet(workbook, sheet, name);
    names[sheet.key] = name;
    rowsWritten += sheet.rows.length;
  }
  return { sheets: names, rowsWritten, rulesWritten: true, chartWritten: false, warnings: [] };
}
