/**
 * The one exporter from a Scorecard to sheets of cells, shared by the Office.js writer
 * (src/excel/) and the .xlsx writer (src/xlsx/), so both write the same thing.
 * Every text passes excelText (one rule for what a cell can hold); what it changed is a data note.
 */
import { noteMessage } from "../engine/messages";
import type { DataNote, Lang, Scorecard } from "../engine/types";
import type { OutputSheet, WorkbookOutput } from "./contract";
import { detailsSheet } from "./detailsSheet";
import { driversSheet } from "./driversSheet";
import { describeTextChange, excelText } from "./excelText";
import { historyInSheet, historySheet } from "./historySheet";
import { notesSheet, type NoteMessage } from "./notesSheet";
import { scorecardSheet } from "./scorecardSheet";
import { trendSheet } from "./trendSheet";

export interface ExportOptions {
  /** Localized message for a data note's kind; default: the engine's noteMessage. */
  noteMessage?: NoteMessage;
}

/** Changed texts noted one by one; the same text in many cells (a name in every history row) is noted once. */
const MAX_TEXT_NOTES = 100;

export function buildWorkbookOutput(scorecard: Scorecard, lang: Lang, opts: ExportOptions = {}): WorkbookOutput {
  const notes: DataNote[] = [];
  const noted = new Set<string>();
  const onChange = (sheet: OutputSheet, row: number, original: string, detail: string) => {
    if (noted.has(original) || noted.size >= MAX_TEXT_NOTES) return;
    noted.add(original);
    notes.push({
      kind: "text_changed",
      value: excelText(original.length > 60 ? original.slice(0, 60) + "…" : original).text,
      problem: `sheet "${sheet.name}" row ${row}: ${detail}`,
    });
  };
  const cut = historyInSheet(scorecard.history);
  if (cut.leftOut > 0)
    notes.push({
      kind: "history_trimmed",
      value: cut.firstPeriod,
      problem: `the history sheet holds the periods from ${cut.firstPeriod} on; ${cut.leftOut} older rows do not fit in a sheet (the JSON keeps them)`,
    });
  const drivers = driversSheet(scorecard, lang);
  const data = [
    scorecardSheet(scorecard, lang),
    historySheet(scorecard, lang),
    detailsSheet(scorecard, lang),
    ...(drivers ? [drivers] : []),
  ].map((sheet) => cellsAsExcelHolds(sheet, onChange));
  const trend = trendSheet(scorecard, lang);
  const trends = cellsAsExcelHolds(trend.sheet, onChange);
  notes.push(...trend.notes);
  const withNotes = notes.length > 0 ? { ...scorecard, notes: [...scorecard.notes, ...notes] } : scorecard;
  const notesOut = cellsAsExcelHolds(notesSheet(withNotes, lang, opts.noteMessage ?? noteMessage), () => undefined);
  return { lang, sheets: [...data, notesOut, trends] };
}

/** The sheet with every text cell (and header) as a cell can hold it. */
function cellsAsExcelHolds(
  sheet: OutputSheet,
  onChange: (sheet: OutputSheet, row: number, original: string, detail: string) => void,
): OutputSheet {
  const fix = (value: string, row: number): string => {
    const { text, change } = excelText(value);
    if (change) onChange(sheet, row, value, describeTextChange(change));
    return text;
  };
  for (const span of sheet.headerBand ?? []) span.text = fix(span.text, 1);
  const headerRow = sheet.headerBand ? 2 : 1;
  for (const column of sheet.columns) column.header = fix(column.header, headerRow);
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string") row[c] = fix(v, r + headerRow + 1);
    }
  }
  return sheet;
}
