/**
 * Collects data notes, keeping at most `limit` per (kind, column) so a million bad cells cannot
 * exhaust memory; the rest are counted and summarised by one note each at the end.
 */
import type { DataNote, NoteKind } from "../types";

export const NOTES_PER_KIND_AND_COLUMN = 1000;

export class NoteLog {
  private readonly notes: DataNote[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit = NOTES_PER_KIND_AND_COLUMN) {}

  add(
    kind: NoteKind,
    column: string | undefined,
    row: number | undefined,
    value: string | undefined,
    problem: string,
  ): void {
    const key = `${kind}\u0000${column ?? ""}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count > this.limit) return;
    const note: DataNote = { kind, problem };
    if (row !== undefined) note.row = row;
    if (column !== undefined) note.column = column;
    if (value !== undefined) note.value = value;
    this.notes.push(note);
  }

  /** The kept notes, then one summary per (kind, column) that went over the limit. */
  finish(): DataNote[] {
    const out = this.notes.slice();
    for (const [key, count] of this.counts) {
      if (count <= this.limit) continue;
      const [kind, column] = key.split("\u0000") as [NoteKind, string];
      const more = count - this.limit;
      out.push({
        kind,
        column,
        problem: `${more} more cell${more === 1 ? "" : "s"} in column "${column}" with the same problem (${count} in all; the first ${this.limit} are listed)`,
      });
    }
    return out;
  }
}
