/** The after-Apply summary from a scorecard: period, entities, best and worst scores, failed gates, notes. */
import { TOTAL_LEVEL } from "../../engine/aggregate";
import type { Scorecard } from "../../engine/types";
import { rowOutline, scorecardSheetRow } from "../../workbook/scorecardSheet";
import type { ApplySummary, EntityDrivers, ReviewView, ScorecardTableData } from "./paneState";

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
  const drivers = entityDrivers(scorecard);
  const total = scorecard.rows.find((row) => row.level === TOTAL_LEVEL);
  return {
    ...(drivers.length > 0 ? { drivers } : {}),
    ...(total?.bonus !== undefined ? { bonusTotal: total.bonus } : {}),
    ...(scorecard.pace && total
      ? {
          pace: {
            asOfDate: scorecard.pace.asOfDate,
            elapsedWorkingDays: scorecard.pace.elapsedWorkingDays,
            periodWorkingDays: scorecard.pace.periodWorkingDays,
            ...(scorecard.pace.lastYearDate ? { lastYearDate: scorecard.pace.lastYearDate } : {}),
            kpis: scorecard.kpis.map((k) => {
              const pace = total.kpis[k.id]?.pace;
              return {
                names: k.names,
                projectedAttainment: pace?.projectedAttainment ?? null,
                status: pace?.status ?? null,
                ...(pace?.basis ? { basis: pace.basis } : {}),
                ...(pace?.curveOf ? { curveOf: pace.curveOf } : {}),
              };
            }),
          },
        }
      : {}),
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
    ...(scorecard.review ? { review: reviewView(scorecard) } : {}),
  };
}

/** The run's target review as the SMART section shows it: per KPI, the findings that are not "fine". */
export function reviewView(scorecard: Scorecard): ReviewView | undefined {
  const review = scorecard.review;
  if (!review) return undefined;
  const kpis = scorecard.kpis
    .map((k) => ({
      id: k.id as string,
      names: k.names,
      unit: k.unit,
      items: review.items.filter((item) => item.kpi === k.id && item.finding !== "fine"),
    }))
    .filter((k) => k.items.length > 0);
  return {
    groupBy: scorecard.groupBy,
    from: review.from,
    to: review.to,
    nextPeriod: review.nextPeriod,
    ...(review.runningPeriod ? { runningPeriod: review.runningPeriod } : {}),
    reviewed: review.items.length,
    kpis,
  };
}

/** The rows whose KPIs carry drivers, each with those KPIs' names, units and drivers. */
function entityDrivers(scorecard: Scorecard): EntityDrivers[] {
  const out: EntityDrivers[] = [];
  for (const row of scorecard.rows) {
    const kpis = scorecard.kpis.flatMap((k) => {
      const drivers = row.kpis[k.id]?.drivers;
      return drivers ? [{ names: k.names, unit: k.unit, drivers }] : [];
    });
    if (kpis.length > 0) out.push({ entity: row.entity, level: row.level, kpis });
  }
  return out;
}
