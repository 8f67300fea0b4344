/**
 * Names of the charts the add-in writes. A rewrite finds its own charts on a sheet by these names
 * and leaves every other chart (a user's) alone; the names never depend on the language.
 */

export const SCORE_CHART_NAME = "KpiScoreChart";
/** The trends sheet's overview: the total's attainment, one line per KPI. */
export const TREND_CHART_NAME = "KpiTrendChart";
/** Per KPI on the trends sheet: "KpiTrend_<kpi id>". */
const KPI_TREND_PREFIX = "KpiTrend_";
/** Excel shows about this many characters of a chart name; longer ones are cut. */
const MAX_CHART_NAME = 31;

/** "KpiTrend_<id>", the id reduced to letters, digits and "_" (safe in any Excel name), unique among `taken`. */
export function kpiTrendChartName(kpiId: string, taken: ReadonlySet<string>): string {
  const base = (KPI_TREND_PREFIX + kpiId.replace(/[^A-Za-z0-9_]/g, "_")).slice(0, MAX_CHART_NAME);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${base.slice(0, MAX_CHART_NAME - 1 - String(n).length)}_${n}`;
  return name;
}

/** True for a chart the add-in wrote (this run's names or an earlier run's, whatever its KPIs). */
export function isOwnChartName(name: string): boolean {
  return name === SCORE_CHART_NAME || name === TREND_CHART_NAME || name.startsWith(KPI_TREND_PREFIX);
}
