import type { OutputSheet } from "../../../src/workbook/contract";

/** A column by its header, or by "KPI name · Header" under the sheet's header band (the two header rows). */
export function columnOf(s: OutputSheet, header: string): number {
  const [group, part] = header.includes(" · ") ? header.split(" · ") : [null, header];
  const span = group === null ? undefined : s.headerBand?.find((b) => b.text === group);
  const from = span ? span.fromColumn : 0;
  const to = span ? span.toColumn : s.columns.length - 1;
  if (group === null || span) for (let c = from; c <= to; c++) if (s.columns[c].header === part) return c;
  const band = (s.headerBand ?? []).map((b) => b.text).join(" | ");
  throw new Error(`no column ${header} in ${s.columns.map((c) => c.header).join(" | ")} (band: ${band})`);
}
