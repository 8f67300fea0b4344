/** Scoring a sheet the way the add-in hands it over (Range.values: rectangular, "" for empty cells). */
import { getBuiltinTemplate, problemText, scoreTable } from "../../../src/engine";
import type { RawCell, Scorecard, SourceTable } from "../../../src/engine/types";

export const NOW = new Date("2026-04-15T00:00:00Z");
export const LAYOUT_KINDS = ["title_row", "header_row", "total_row", "subtotal_row", "footer_row"];

export function asRange(sheet: RawCell[][], name = "Sheet1"): SourceTable {
  const width = Math.max(...sheet.map((r) => r.length));
  const rect = sheet.map((r) =>
    Array.from({ length: width }, (_, c) => (r[c] === null || r[c] === undefined ? "" : r[c])),
  );
  return { sheet: name, headers: rect[0].map((c) => String(c)), rows: rect.slice(1), firstRow: 2 };
}

/** The run the add-in makes (runPlan's scoreTable); a refusal fails the test with the user's message. */
export function score(sheet: RawCell[][], opts: { headerRow?: number; template?: string } = {}) {
  const template = getBuiltinTemplate(opts.template ?? "sales-rep")!;
  const run = scoreTable(asRange(sheet), template, { now: NOW, asOf: "2026-03", headerRow: opts.headerRow });
  if (!run.ok) throw new Error(`the run was refused: ${problemText(run.problem, "en")}`);
  return run;
}

/**
 * The figures of a scorecard, independent of row order and notes; numbers to 12 significant
 * digits, since rows summed in another order (a grouped report) differ in the last bits.
 */
export function figures(sc: Scorecard): unknown {
  const round = (_k: string, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(12)) : v);
  const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x, round)).sort();
  return { rows: sorted(sc.rows), history: sorted(sc.history), marginMix: sorted(sc.marginMix), rowsUsed: sc.rowsUsed };
}

export function layoutNotes(sc: Scorecard): { row: number; kind: string }[] {
  return sc.notes
    .filter((n) => LAYOUT_KINDS.includes(n.kind) && n.kind !== "header_row")
    .map((n) => ({ row: n.row!, kind: n.kind }))
    .sort((a, b) => a.row - b.row);
}
