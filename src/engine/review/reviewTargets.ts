/**
 * The target review (issue 13 §4; SMARTER's "evaluate and re-evaluate"): over the scorecard's history —
 * the same run, targets and attainments as the history sheet, never scored again — per entity (level
 * totals included) and KPI: the share of periods met, the spread of attainment, a finding (set too low,
 * set too high, fine, too few periods) and a suggested target for the next period with its reason.
 *
 * Periods counted: those up to the scored period with a target and an attainment; periods without a
 * target or without an actual are counted apart and said; a running period (pace) and periods after the
 * scored one are not reviewed, as they are not over.
 */
import { getKpi } from "../kpis";
import { parsePeriodLabel, periodLabel, samePeriodLastYear } from "../periods";
import type {
  AttainmentSpread,
  Direction,
  HistoryRow,
  KpiUnit,
  MessageParams,
  PeriodSpec,
  ReviewCode,
  ReviewFinding,
  ReviewText,
  Scorecard,
  ScorecardKpiInfo,
  TargetReview,
  TargetReviewItem,
  TargetSuggestion,
  Template,
} from "../types";
import {
  BEATEN_MARGIN,
  beatenByFar,
  MET_ATTAINMENT,
  MIN_REVIEW_PERIODS,
  percentileInc,
  SUGGESTION_PERCENTILE,
  SUGGESTION_WINDOW,
  TOO_LOW_SHARE,
} from "./reviewRules";
import { reviewText } from "./reviewText";

/** What the review reads of a scorecard. */
export type ReviewInput = Pick<
  Scorecard,
  "history" | "rows" | "kpis" | "asOf" | "period" | "fiscalYearStartMonth" | "pace"
>;

/** One entity's history rows of one KPI: indexes into the history, and each history row's period key. */
interface Series {
  indexes: number[];
  history: readonly HistoryRow[];
  periodKeys: Int32Array;
}

export function reviewTargets(scorecard: ReviewInput, template: Template): TargetReview {
  const spec: PeriodSpec = { kind: scorecard.period, fiscalYearStartMonth: scorecard.fiscalYearStartMonth };
  const asOfKey = keyOf(scorecard.asOf, spec);
  const lastKey = scorecard.pace ? asOfKey - 1 : asOfKey;
  const nextKey = lastKey + 1;
  const { history } = scorecard;
  // The history lists each entity's periods together (all KPIs of a period side by side), so an entity's
  // rows are found by watching for the next entity, not by a key per row: a million rows stay cheap.
  const keys = new Map<string, number>();
  const periodKeys = new Int32Array(history.length);
  const rowsOf = new Map<string, number[]>();
  let firstKey = Infinity;
  let current: number[] = [];
  for (let i = 0; i < history.length; i++) {
    const row = history[i];
    let key = keys.get(row.period);
    if (key === undefined) keys.set(row.period, (key = keyOf(row.period, spec)));
    periodKeys[i] = key;
    if (key > lastKey) continue;
    if (key < firstKey) firstKey = key;
    const previous = i > 0 ? history[i - 1] : undefined;
    if (!previous || previous.entity !== row.entity || previous.level !== row.level) {
      const id = entityId(row.level, row.entity);
      current = rowsOf.get(id) ?? [];
      rowsOf.set(id, current);
    }
    current.push(i);
  }
  const context: Context = { spec, lastKey, nextKey, template };
  const items: TargetReviewItem[] = [];
  for (const row of scorecard.rows) {
    const indexes = rowsOf.get(entityId(row.level, row.entity)) ?? [];
    for (const info of scorecard.kpis) {
      if (info.available === false) continue; // no column: the scorecard says so already
      const series: Series = { indexes: indexes.filter((i) => history[i].kpi === info.id), history, periodKeys };
      items.push(reviewItem(row.entity, row.level, info, series, context));
    }
  }
  const reviewed = firstKey <= lastKey;
  return {
    from: reviewed ? periodLabel(firstKey, spec) : null,
    to: reviewed ? periodLabel(lastKey, spec) : null,
    nextPeriod: periodLabel(nextKey, spec),
    ...(scorecard.pace ? { runningPeriod: scorecard.asOf } : {}),
    items,
  };
}

interface Context {
  spec: PeriodSpec;
  lastKey: number;
  nextKey: number;
  template: Template;
}

function reviewItem(
  entity: string,
  level: string,
  info: ScorecardKpiInfo,
  series: Series,
  context: Context,
): TargetReviewItem {
  let withoutTarget = 0;
  let withoutActual = 0;
  let met = 0;
  let beaten = 0;
  const attainments: number[] = [];
  for (const i of series.indexes) {
    const row = series.history[i];
    if (row.target === null) withoutTarget++;
    else if (row.attainment === null || row.actual === null) withoutActual++;
    else {
      attainments.push(row.attainment);
      if (row.attainment >= MET_ATTAINMENT) met++;
      if (beatenByFar(row.actual, row.target, info.direction)) beaten++;
    }
  }
  const periods = attainments.length;
  const spread = spreadOf(attainments);
  const finding: ReviewFinding =
    periods < MIN_REVIEW_PERIODS
      ? "too_few_periods"
      : met === 0
        ? "too_high"
        : beaten / periods > TOO_LOW_SHARE
          ? "too_low"
          : "fine";
  const findingText =
    finding === "too_few_periods"
      ? text("review_too_few", { periods, min: MIN_REVIEW_PERIODS }, info.unit)
      : finding === "too_high"
        ? text("review_too_high", { periods, best: spread!.max }, info.unit)
        : finding === "too_low"
          ? text("review_too_low", { over: Math.round(BEATEN_MARGIN * 100), beaten, periods }, info.unit)
          : text("review_fine", { met, periods, median: spread!.median }, info.unit);
  return {
    entity,
    level,
    kpi: info.id,
    periods,
    withoutTarget,
    withoutActual,
    met,
    metShare: periods > 0 ? met / periods : null,
    beaten,
    spread,
    finding,
    ...findingText,
    ...(withoutTarget + withoutActual > 0
      ? { notCounted: text("review_not_counted", { withoutTarget, withoutActual }, info.unit) }
      : {}),
    suggestion: suggestion(info, series, context),
  };
}

/**
 * The suggested target for the next period: last year's same period × (1 + growth) where the template sets
 * the KPI's target as growth and last year has an actual; otherwise the 60th percentile (40th where lower
 * is better) of the actuals of the last twelve periods. None for bands and for KPIs scored against 100 %
 * of a plan or of tier targets (the amounts to review are in the targets table).
 */
function suggestion(info: ScorecardKpiInfo, series: Series, context: Context): TargetSuggestion {
  const { history, periodKeys } = series;
  const { spec, lastKey, nextKey, template } = context;
  const period = periodLabel(nextKey, spec);
  const none = (code: ReviewCode, params: MessageParams): TargetSuggestion => ({
    period,
    value: null,
    basis: null,
    ...text(code, params, info.unit),
  });
  const def = getKpi(info.id);
  if (def?.referenceAmount || def?.tierTargets) return none("suggest_none_reference", { kpi: info.id });
  const direction: Direction = info.direction;
  if (direction === "band") return none("suggest_none_band", { kpi: info.id });
  const target = template.kpis.find((k) => k.kpi === info.id)?.target;
  if (target?.type === "growth") {
    const lastYearKey = samePeriodLastYear(nextKey, spec);
    const at = series.indexes.find((i) => periodKeys[i] === lastYearKey);
    const lastYear = at === undefined ? null : history[at].actual;
    if (lastYear !== null) {
      const value = lastYear * (1 + target.rate);
      return {
        period,
        value,
        basis: "growth",
        ...text(
          "suggest_growth",
          {
            period,
            value,
            lastYearPeriod: periodLabel(lastYearKey, spec),
            lastYearActual: lastYear,
            growth: target.rate,
          },
          info.unit,
        ),
      };
    }
  }
  const window = series.indexes.filter(
    (i) => periodKeys[i] > lastKey - SUGGESTION_WINDOW && history[i].actual !== null,
  );
  if (window.length < MIN_REVIEW_PERIODS)
    return none("suggest_none_few", { count: window.length, window: SUGGESTION_WINDOW, min: MIN_REVIEW_PERIODS });
  const p = SUGGESTION_PERCENTILE[direction];
  const value = percentileInc(
    window.map((i) => history[i].actual!).sort((a, b) => a - b),
    p,
  );
  return {
    period,
    value,
    basis: "percentile",
    ...text(
      "suggest_percentile",
      {
        period,
        value,
        percentile: Math.round(p * 100),
        count: window.length,
        from: history[window[0]].period,
        to: history[window[window.length - 1]].period,
      },
      info.unit,
    ),
  };
}

/** min, quartiles (QUARTILE.INC), max and the interquartile range; null without a period counted. */
function spreadOf(values: number[]): AttainmentSpread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = percentileInc(sorted, 0.25);
  const q3 = percentileInc(sorted, 0.75);
  return {
    min: sorted[0],
    q1,
    median: percentileInc(sorted, 0.5),
    q3,
    max: sorted[sorted.length - 1],
    iqr: q3 - q1,
  };
}

function text(code: ReviewCode, params: MessageParams, unit: KpiUnit): ReviewText {
  return { detail: reviewText({ code, params }, unit, "en"), code, params };
}

function entityId(level: string, entity: string): string {
  return `${level}\u0000${entity}`;
}

/** The key of a period label the engine wrote itself; one it cannot read is a programming mistake. */
function keyOf(label: string, spec: PeriodSpec): number {
  const key = parsePeriodLabel(label, spec);
  if (key === null) throw new RangeError(`period "${label}" is not a ${spec.kind} label`);
  return key;
}
