/**
 * The workbook contract: what the task pane / CLI ask of a workbook, implemented once with
 * Office.js (src/excel/) and once with ExcelJS for .xlsx files (src/xlsx/).
 * Only those implementations name Excel, Office or a file format.
 *
 * OWNER NOTE (draft, to be completed by the Excel-adapter work): SheetSpec and friends are
 * produced by src/workbook/exporter.ts from a Scorecard, so both writers write the same thing.
 */
import type { RawCell, SourceTable, ColumnMapping, Template } from "../engine/types";

export type SourceRef =
  | { kind: "table"; name: string }
  | { kind: "selection" }
  | { kind: "sheet"; name: string };

export interface SourceInfo {
  kind: "table" | "sheet";
  name: string;
  sheet: string;
  rows: number;
  columns: number;
}

export type Phase = "reading" | "computing" | "writing" | "formatting" | "done";
export interface Progress {
  phase: Phase;
  rowsDone: number;
  rowsTotal: number;
  /** e.g. "chunk 2 of 5" when a read or write is split by the payload limit. */
  detail?: string;
}
export type ProgressListener = (p: Progress) => void;

export type { RawCell, SourceTable, ColumnMapping, Template };
