/**
 * Pace in the running period (issue 13 §2): when the as-of date lies inside the scored period, each KPI's
 * expected value to date, projected end-of-period value and projected status. Pace is its own figure: it
 * never changes the cell's attainment, score or payout.
 *
 * Expected to date = target × the share of the period's working days elapsed (the template's `pace.workWeek`,
 * ISO weekdays, default Monday–Friday), for KPIs whose amounts accrue over the period (additiveTarget);
 * a rate or an average (margin %, satisfaction) is expected at its target every day and projected as is.
 * On the period's last day the share is 1, so the projection is the actual and its status the cell's status.
 */
import { periodBounds } from "../periods";
import { attainment, statusFor } from "../scoring";
import type { KpiCell, KpiPace, PaceInfo, PeriodSpec } from "../types";
import type { ScoringTarget } from "./planTargets";
import { serialIsoDate } from "../values/excelSerial";

export const DEFAULT_WORK_WEEK: readonly number[] = [1, 2, 3, 4, 5];

/** Excel serial of 1970-01-01 (a Thursday, ISO weekday 4). */
const UNIX_EPOCH_SERIAL = 25569;

/** ISO weekday (1 = Monday … 7 = Sunday) of an Excel serial day. */
export function isoWeekday(serial: number): number {
  return ((((serial - UNIX_EPOCH_SERIAL + 3) % 7) + 7) % 7) + 1;
}

/** Working days of [from, to] (serials, inclusive) in the work week. */
function workingDays(from: number, to: number, workWeek: readonly number[]): number {
  let n = 0;
  for (let d = from; d <= to; d++) if (workWeek.includes(isoWeekday(d))) n++;
  return n;
}

/** The pace facts of a run whose as-of date lies inside the period `key` (null when it does not). */
export function paceInfo(
  asOfSerial: number,
  key: number,
  spec: PeriodSpec,
  workWeek: readonly number[] = DEFAULT_WORK_WEEK,
): PaceInfo | null {
  const { start, end } = periodBounds(key, spec);
  if (asOfSerial < start || asOfSerial > end) return null;
  return {
    asOfDate: serialIsoDate(asOfSerial),
    workWeek: [...workWeek],
    elapsedWorkingDays: workingDays(start, asOfSerial, workWeek),
    periodWorkingDays: workingDays(start, end, workWeek),
  };
}

/** What pace needs of a KPI's plan. */
export interface PacePlan {
  accrues: boolean;
  direction: "higher" | "lower" | "band";
  cap: number;
  bands: Parameters<typeof statusFor>[1];
}

/** A cell's pace: expected to date, projected end-of-period value, its attainment and status. */
export function paceOf(cell: KpiCell, target: ScoringTarget | null, plan: PacePlan, info: PaceInfo): KpiPace {
  const share = info.periodWorkingDays > 0 ? info.elapsedWorkingDays / info.periodWorkingDays : 0;
  const shown = cell.target ?? null;
  const expectedToDate = shown === null ? null : plan.accrues ? shown * share : shown;
  let projected: number | null = null;
  if (cell.actual !== null) projected = !plan.accrues ? cell.actual : share > 0 ? cell.actual / share : null;
  const projectedAttainment =
    projected !== null && target !== null ? attainment(projected, target, plan.direction, plan.cap) : null;
  return {
    asOfDate: info.asOfDate,
    expectedToDate,
    projected,
    projectedAttainment,
    status: statusFor(projectedAttainment, plan.bands),
  };
}
