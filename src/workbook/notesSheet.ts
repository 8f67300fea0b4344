/** The notes sheet: the run (template, time), the data notes (where and what), the SMART check per KPI, the target review. */
import { fillMessage, REVIEW_FINDING_NAMES, REVIEW_WORDS, smartDetailText } from "../engine/messages";
import { reviewItemText } from "../engine/review";
import type { DataNote, Lang, LocalizedText, NoteKind, Scorecard, SmartLetter } from "../engine/types";
import type { CellValue, OutputSheet } from "./contract";
import {
  HEADERS,
  LEVEL_WORDS,
  localWord,
  PASS_WORDS,
  periodKindText,
  reviewEntityLabel,
  RUN_ITEMS,
  SECTION_WORDS,
  SMART_WORDS,
  type RunItem,
} from "./labels";
import { outputSheet, type ColumnDef } from "./outputSheet";

export type NoteMessage = (kind: NoteKind, lang: Lang) => string;

const SMART_LETTERS: SmartLetter[] = ["specific", "measurable", "attainable", "relevant", "timeBound"];

export function notesSheet(scorecard: Scorecard, lang: Lang, noteMessage?: NoteMessage): OutputSheet {
  const defs: ColumnDef[] = [
    { header: HEADERS.section[lang], kind: "text" },
    { header: HEADERS.item[lang], kind: "text" },
    { header: HEADERS.sheetRow[lang], kind: "count", numberFormat: "0" },
    { header: HEADERS.column[lang], kind: "text" },
    { header: HEADERS.value[lang], kind: "text" },
    { header: HEADERS.detail[lang], kind: "text" },
  ];
  const rows: CellValue[][] = [];
  const run = SECTION_WORDS.run[lang];
  const runRow = (item: RunItem, value: CellValue) => rows.push([run, RUN_ITEMS[item][lang], null, null, value, null]);
  runRow("template", scorecard.template);
  runRow("templateVersion", scorecard.templateVersion);
  runRow("generatedAt", scorecard.generatedAt);
  runRow("asOf", scorecard.asOf);
  runRow("period", periodKindText(scorecard.period, scorecard.weekStart, lang));
  runRow("groupBy", localWord(LEVEL_WORDS, scorecard.groupBy, lang));
  runRow("rowsRead", scorecard.rowsRead);
  runRow("rowsUsed", scorecard.rowsUsed);

  const dataNote = SECTION_WORDS.dataNote[lang];
  for (const note of scorecard.notes) rows.push(noteRow(dataNote, note, lang, noteMessage));

  const smart = SECTION_WORDS.smart[lang];
  const kpiNames = new Map<string, LocalizedText>(scorecard.kpis.map((k) => [k.id, k.names]));
  for (const item of scorecard.smart) {
    const name = kpiNames.get(item.kpi)?.[lang] ?? item.kpi;
    for (const letter of SMART_LETTERS) {
      const check = item.checks[letter];
      rows.push([
        smart,
        `${name} · ${SMART_WORDS[letter][lang]}`,
        null,
        null,
        PASS_WORDS[check.ok ? "ok" : "fail"][lang],
        smartDetailText(check, lang, (id) => kpiNames.get(id)),
      ]);
    }
  }
  rows.push(...reviewRows(scorecard, lang, kpiNames));
  return outputSheet("notes", lang, defs, rows);
}

/**
 * The target review (issue 13 §4): the periods reviewed, then per entity (level totals included) and KPI
 * the finding and, in the detail, why, what was not counted and the suggested target with its reason.
 */
function reviewRows(scorecard: Scorecard, lang: Lang, kpiNames: Map<string, LocalizedText>): CellValue[][] {
  const review = scorecard.review;
  if (!review) return [];
  const section = REVIEW_WORDS.title[lang];
  const period =
    review.from === null
      ? fillMessage(REVIEW_WORDS.noPeriods[lang], { next: review.nextPeriod }, lang)
      : fillMessage(REVIEW_WORDS.range[lang], { from: review.from, to: review.to!, next: review.nextPeriod }, lang);
  const running = review.runningPeriod
    ? ` ${fillMessage(REVIEW_WORDS.running[lang], { period: review.runningPeriod }, lang)}`
    : "";
  const rows: CellValue[][] = [[section, REVIEW_WORDS.reviewed[lang], null, null, null, period + running]];
  const units = new Map(scorecard.kpis.map((k) => [k.id as string, k.unit]));
  const names = (id: string) => kpiNames.get(id);
  for (const item of review.items) {
    rows.push([
      section,
      `${reviewEntityLabel(item.entity, item.level, scorecard.groupBy, lang)} · ${kpiNames.get(item.kpi)?.[lang] ?? item.kpi}`,
      null,
      null,
      REVIEW_FINDING_NAMES[item.finding][lang],
      reviewItemText(item, units.get(item.kpi) ?? "count", lang, names),
    ]);
  }
  return rows;
}

/** Item: the localized message for the note's kind (English `problem` when no catalogue); detail: the engine's own words. */
function noteRow(section: string, note: DataNote, lang: Lang, noteMessage?: NoteMessage): CellValue[] {
  const message = noteMessage ? noteMessage(note.kind, lang) : note.problem;
  return [
    section,
    message,
    note.row ?? null,
    note.column ?? null,
    note.value ?? null,
    message === note.problem ? null : note.problem,
  ];
}
