/**
 * Exit codes of the command line (product.md §8) and the failure value each step returns:
 * one line for stderr saying what went wrong and what to do.
 */
import { problemText } from "../engine/messages";
import type { RunProblem } from "../engine/runPlan";
import type { Lang } from "../engine/types";

export const EXIT = {
  ok: 0,
  badArguments: 2,
  unreadableInput: 3,
  invalidTemplate: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Failure {
  ok: false;
  exit: ExitCode;
  message: string;
  /** The engine's refusal behind the message, when there is one (apply prints it in --lang). */
  problem?: RunProblem;
}

export type Outcome<T> = ({ ok: true } & T) | Failure;

/** Longest message the CLI prints: a 100 MB template or a 100,000-character header stays readable. */
export const MAX_MESSAGE_LENGTH = 600;

/**
 * Every message the CLI prints goes through here: one line (line breaks and other control
 * characters, which may come from a header or a file name, are shown as spaces or \u escapes)
 * and at most `max` characters, cut in the middle so the start (what) and the end (what to do) stay.
 */
export function oneLine(text: string, max = MAX_MESSAGE_LENGTH): string {
  const flat = text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ")
    .replace(/\t/g, " ")
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  if (flat.length <= max) return flat;
  const keepEnd = Math.floor(max / 3);
  // The marker's own length, counted with the most digits the number can have.
  const marker = ` … [${flat.length} characters cut] … `.length;
  const keepStart = max - keepEnd - marker;
  let start = flat.slice(0, keepStart);
  let end = flat.slice(flat.length - keepEnd);
  if (/[\uD800-\uDBFF]$/.test(start)) start = start.slice(0, -1);
  if (/^[\uDC00-\uDFFF]/.test(end)) end = end.slice(1);
  return `${start} … [${flat.length - start.length - end.length} characters cut] … ${end}`;
}

export function fail(exit: ExitCode, message: string): Failure {
  return { ok: false, exit, message: oneLine(message) };
}

/** Exit code of each refusal of the run pipeline: a bad argument (2) or input that cannot be used (3). */
const PROBLEM_EXIT: Record<RunProblem["code"], ExitCode> = {
  missing_role: EXIT.unreadableInput,
  no_rows: EXIT.unreadableInput,
  targets_unreadable: EXIT.unreadableInput,
  bad_mapping: EXIT.badArguments,
  bad_as_of: EXIT.badArguments,
  bad_as_of_date: EXIT.badArguments,
  as_of_date_outside_period: EXIT.badArguments,
  as_of_outside_data: EXIT.badArguments,
  as_of_far_from_data: EXIT.badArguments,
  bad_work_week: EXIT.badArguments,
};

/** The engine's refusal as a CLI failure, its text in the output language. */
export function refuse(problem: RunProblem, lang: Lang = "en"): Failure {
  return { ...fail(PROBLEM_EXIT[problem.code], problemText(problem, lang)), problem };
}
