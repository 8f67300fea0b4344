/**
 * The one exporter from a Scorecard to sheets of cells, shared by the Office.js writer
 * (src/excel/) and the .xlsx writer (src/xlsx/), so both write the same thing.
 */
import { noteMessage } from "../engine/messages";
import type { Lang, Scorecard } from "../engine/types";
import type { WorkbookOutput } from "./contract";
import { detailsSheet } from "./detailsSheet";
import { historySheet } from "./historySheet";
import { notesSheet, type NoteMessage } from "./notesSheet";
import { scorecardSheet } from "./scorecardSheet";

export interface ExportOptions {
  /** Localized message for a data note's kind; default: the engine's noteMessage. */
  noteMessage?: NoteMessage;
}

export function buildWorkbookOutput(scorecard: Scorecard, lang: Lang, opts: ExportOptions = {}): WorkbookOutput {
  return {
    lang,
    sheets: [
      scorecardSheet(scorecard, lang),
      historySheet(scorecard, lang),
      detailsSheet(scorecard, lang),
      notesSheet(scorecard, lang, opts.noteMessage ?? noteMessage),
    ],
  };
}
