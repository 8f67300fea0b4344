/**
 * The engine's own cost at one size, in this (fresh) process: the sales-rep template over all rows,
 * grouped by salesperson with the region roll-up, every month. The input arrays are built before any
 * timing; a warm-up run, then the median of several runs. Reading (2D array → SalesData) and computing
 * (SalesData → Scorecard) are also timed on their own, to show where the time goes.
 */
import { computeScorecard, getBuiltinTemplate, loadSalesData, mappingToLoad, scorecardFromTable } from "../src/engine";
import { detectColumns, resolveMapping } from "../src/engine/roles";
import { readTargets } from "../src/engine/targets/readTargets";
import type { Template } from "../src/engine/types";
import { benchSample } from "./benchSample";
import { withComparedKpis } from "./compareTemplate";
import { figuresFromHistory, type FigureSet } from "./figures";
import { currentRssMb, peakRssMb } from "./peakRss";
import { round1, timingSummary } from "./stats";

/** A fixed clock, so "the latest complete period" is the same in every run. */
export const BENCH_NOW = new Date(Date.UTC(2026, 0, 15));

export interface EngineBenchResult {
  rows: number;
  template: string;
  ms: number;
  minMs: number;
  maxMs: number;
  runs: number[];
  /** 2D array → SalesData (median). */
  loadMs: number;
  /** SalesData → Scorecard (median). */
  computeMs: number;
  /** The compared template (sales-rep + bad-debt rate + active customers), the figure the baseline ratios use. */
  comparedMs: number;
  peakRssMb: number;
  /** RSS once the input rows exist, before the engine runs: the engine's own share is the difference. */
  inputRssMb: number;
  historyRows: number;
  scorecardRows: number;
  notes: number;
  figures: FigureSet;
}

function timeRuns(runs: number, work: () => void): number[] {
  work(); // warm-up: JIT and caches, not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

export function runEngineBench(rows: number, runs: number): EngineBenchResult {
  const { sales, targets } = benchSample(rows);
  const inputRssMb = currentRssMb();
  const template = getBuiltinTemplate("sales-rep") as Template;
  const options = { targetsTable: targets, groupBy: "salesperson" as const, period: "month" as const, now: BENCH_NOW };

  let result = scorecardFromTable(sales, template, options);
  if (result.errors.length > 0) throw new Error(`engine refused the bench data: ${result.errors.join("; ")}`);
  const whole = timingSummary(
    timeRuns(runs, () => {
      result = scorecardFromTable(sales, template, options);
    }),
  );

  // The same columns scorecardFromTable reads: the ones the template uses.
  const mapping = mappingToLoad(resolveMapping(sales.headers, detectColumns(sales)).mapping, template, "salesperson");
  let data = loadSalesData(sales, mapping);
  const load = timingSummary(
    timeRuns(runs, () => {
      data = loadSalesData(sales, mapping);
    }),
  );
  const targetEntries = readTargets(targets, { kind: "month", fiscalYearStartMonth: 1 }, "salesperson").entries;
  const compute = timingSummary(
    timeRuns(runs, () => {
      computeScorecard({
        data,
        template,
        targets: targetEntries,
        groupBy: "salesperson",
        period: "month",
        now: BENCH_NOW,
      });
    }),
  );

  const compared = withComparedKpis(template);
  let comparedResult = scorecardFromTable(sales, compared, options);
  const comparedTimes = timingSummary(
    timeRuns(Math.max(1, runs - 2), () => {
      comparedResult = scorecardFromTable(sales, compared, options);
    }),
  );

  const scorecard = result.scorecard;
  return {
    rows,
    template: "sales-rep",
    ms: round1(whole.ms),
    minMs: round1(whole.minMs),
    maxMs: round1(whole.maxMs),
    runs: whole.runs.map(round1),
    loadMs: round1(load.ms),
    computeMs: round1(compute.ms),
    comparedMs: round1(comparedTimes.ms),
    peakRssMb: round1(peakRssMb()),
    inputRssMb: round1(inputRssMb),
    historyRows: scorecard ? scorecard.history.length : 0,
    scorecardRows: scorecard ? scorecard.rows.length : 0,
    notes: scorecard ? scorecard.notes.length : 0,
    figures: comparedResult.scorecard ? figuresFromHistory(comparedResult.scorecard.history, "salesperson") : {},
  };
}
