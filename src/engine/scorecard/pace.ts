/**
 * Pace in the running period (issue 13 §2): when the as-of date lies inside the scored period, each KPI's
 * expected value to date, projected end-of-period value and projected status. Pace is its own figure: it
 * never changes the cell's attainment, score or payout.
 *
 * Expected to date = target × share, for KPIs whose amounts accrue over the period (additiveTarget); a rate
 * or an average (margin %, satisfaction) is expected at its target every day and projected as is. The share:
 * - basis lastYear (the default): last year's curve of the same period, per entity and KPI: last year's
 *   actual up to the same day of the period ÷ last year's actual over the whole period. The same day is the
 *   same offset from the period's start (12 March 2026 ↔ 12 March 2025; day 40 of a quarter ↔ day 40 of the
 *   same quarter last year), at most last year's last day, and the period's last day ↔ last year's last day.
 *   An entity without last year's figures follows the total's curve; without those, working days.
 * - basis workingDays: the working days elapsed ÷ the period's working days (`pace.workWeek`, ISO weekdays,
 *   default Monday–Friday).
 * On the period's last day the share is 1 on either basis, so the projection is the actual and its status
 * the cell's status.
 */
import { periodBounds, samePeriodLastYear } from "../periods";
import { attainment, statusFor } from "../scoring";
import type { KpiCell, KpiPace, PaceBasis, PaceInfo, PeriodSpec } from "../types";
import type { ScoringTarget } from "./planTargets";
import { serialIsoDate } from "../values/excelSerial";

export const DEFAULT_WORK_WEEK: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_PACE_BASIS: PaceBasis = "lastYear";

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

/**
 * The day of the same period last year that matches `asOfSerial`: the same offset from the period's start,
 * at most last year's last day; the period's last day matches last year's last day (a 29 February, a
 * 91-day quarter against a 90-day one).
 */
export function lastYearDay(asOfSerial: number, key: number, spec: PeriodSpec): number {
  const { start, end } = periodBounds(key, spec);
  const last = periodBounds(samePeriodLastYear(key, spec), spec);
  if (asOfSerial >= end) return last.end;
  return Math.min(last.start + (asOfSerial - start), last.end);
}

/** The pace facts of a run whose as-of date lies inside the period `key` (null when it does not). */
export function paceInfo(
  asOfSerial: number,
  key: number,
  spec: PeriodSpec,
  workWeek: readonly number[] = DEFAULT_WORK_WEEK,
  basis: PaceBasis = DEFAULT_PACE_BASIS,
): PaceInfo | null {
  const { start, end } = periodBounds(key, spec);
  if (asOfSerial < start || asOfSerial > end) return null;
  return {
    asOfDate: serialIsoDate(asOfSerial),
    basis,
    lastYearDate: serialIsoDate(lastYearDay(asOfSerial, key, spec)),
    workWeek: [...workWeek],
    elapsedWorkingDays: workingDays(start, asOfSerial, workWeek),
    periodWorkingDays: workingDays(start, end, workWeek),
  };
}

/** The share of working days elapsed (0 when the period has none). */
export function workingDayShare(info: PaceInfo): number {
  return info.periodWorkingDays > 0 ? info.elapsedWorkingDays / info.periodWorkingDays : 0;
}

/** Last year's figures of one entity and KPI: up to the matching day, and over the whole period. */
export interface LastYearFigures {
  toDate: number | null;
  whole: number | null;
}

/** Last year's share by the matching day, or null when the figures cannot give one (none, or not positive). */
export function lastYearShare(figures: LastYearFigures | null): number | null {
  if (!figures || figures.toDate === null || figures.whole === null) return null;
  if (!(figures.whole > 0) || !(figures.toDate >= 0)) return null;
  return figures.toDate / figures.whole;
}

/** The share a cell's expected value is counted by, and where it came from. */
export interface PaceShare {
  share: number;
  basis: PaceBasis;
  curveOf?: "total";
}

/**
 * The share for one entity and KPI: its own last year's curve, else the total's, else working days
 * (basis workingDays: working days at once).
 */
export function paceShare(info: PaceInfo, own: LastYearFigures | null, total: LastYearFigures | null): PaceShare {
  if (info.basis === "lastYear") {
    const mine = lastYearShare(own);
    if (mine !== null) return { share: mine, basis: "lastYear" };
    const theirs = lastYearShare(total);
    if (theirs !== null) return { share: theirs, basis: "lastYear", curveOf: "total" };
  }
  return { share: workingDayShare(info), basis: "workingDays" };
}

/** What pace needs of a KPI's plan. */
export interface PacePlan {
  accrues: boolean;
  direction: "higher" | "lower" | "band";
  cap: number;
  bands: Parameters<typeof statusFor>[1];
}

/**
 * A cell's pace: expected to date, projected end-of-period value, its attainment and status. `counted` is
 * the share of an accruing KPI (paceShare); rates ignore it.
 */
export function paceOf(
  cell: KpiCell,
  target: ScoringTarget | null,
  plan: PacePlan,
  info: PaceInfo,
  counted: PaceShare = { share: workingDayShare(info), basis: "workingDays" },
): KpiPace {
  const share = counted.share;
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
    ...(plan.accrues ? { basis: counted.basis, ...(counted.curveOf ? { curveOf: counted.curveOf } : {}), share } : {}),
  };
}
