/** The after-Apply summary from a scorecard: period, entities, best and worst scores, failed gates, notes. */
import type { Scorecard } from "../../engine/types";
import { rowOutline, scorecardSheetRow } from "../../workbook/scorecardSheet";
import type { ApplySummary, ScorecardTableData } from "./paneState";

/** The rows for the pane's table, each with its sheet row (the sheet writes scorecard.rows in order). */
export function scorecardTable(scorecard: Scorecard, sheet: string): ScorecardTableData {
  return {
    sheet,
    kpis: scorecard.kpis.map((k) => ({ id: k.id, names: k.names })),
    rows: scorecard.rows.map((row, index) => ({
      entity: row.entity,
      level: row.level,
      parent: row.parent,
      depth: rowOutline(row.level, scorecard).depth,
      score: row.score,
      payout: row.payout,
      gatesPassed: row.gatesPassed,
      statuses: Object.fromEntries(scorecard.kpis.map((k) => [k.id, row.kpis[k.id]?.status ?? null])),
      sheetRow: scorecardSheetRow(scorecard, index),
    })),
  };
}

export function summarize(scorecard: Scorecard, notesSheet: string | null, scorecardSheet?: string): ApplySummary {
  let entities = 0;
  let failedGates = 0;
  let best: ApplySummary["best"] = null;
  let worst: ApplySummary["worst"] = null;
  for (const row of scorecard.rows) {
    // Roll-up subtotals and the total are not entities being scored.
    if (row.level !== scorecard.groupBy) continue;
    entities++;
    if (row.gatesPassed === false) failedGates++;
    if (row.score === null) continue;
    if (!best || row.score > best.score) best = { entity: row.entity, score: row.score };
    if (!worst || row.score < worst.score) worst = { entity: row.entity, score: row.score };
  }
  return {
    period: scorecard.asOf,
    entities,
    best,
    worst,
    failedGates,
    notes: scorecard.notes.length,
    notesSheet,
    rowsRead: scorecard.rowsRead,
    rowsUsed: scorecard.rowsUsed,
    notAvailable: scorecard.kpis
      .filter((k) => k.available === false)
      .map((k) => ({
        names: k.names,
        gate: k.gate,
        reasonCode: "column_not_mapped" as const,
        reasonParams: { role: k.missingRoles?.[0] ?? "" },
      })),
    ...(scorecardSheet ? { table: scorecardTable(scorecard, scorecardSheet) } : {}),
  };
}
