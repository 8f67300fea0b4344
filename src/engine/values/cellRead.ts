import type { NoteKind } from "../types";

/**
 * The result of reading one cell: a value, a blank (never turned into zero), or a data problem.
 * `problem` is a short English text naming what is wrong ("not a number"); localized text comes
 * from engine/messages.ts by `note`.
 *
 * `monthFirst` is set only by parseDate, on a slash/dash/dot date whose day-first reading is
 * impossible (e.g. "03/25/2026") and which was therefore read month-first.
 */
export type CellRead<T> =
  | { kind: "value"; value: T; monthFirst?: true }
  | { kind: "blank" }
  | { kind: "error"; note: NoteKind; problem: string };

/** Shared so blanks never allocate. */
export const BLANK: { kind: "blank" } = Object.freeze({ kind: "blank" }) as { kind: "blank" };

export function cellError(note: NoteKind, problem: string): CellRead<never> {
  return { kind: "error", note, problem };
}
