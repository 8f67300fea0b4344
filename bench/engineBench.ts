/**
 * The engine's own cost at one size, in this (fresh) process: the sales-rep template over all rows,
 * grouped by salesperson with the region roll-up, every month. The input arrays are built before any
 * timing; a warm-up run, then the median of several runs. Reading (2D array → SalesData) and computing
 * (SalesData → Scorecard) are also timed on their own, to show where the time goes.
 */
import {
  computeScorecard,
  DIMENSION_ROLES,
  getBuiltinTemplate,
  layoutTable,
  loadSalesData,
  mappingToLoad,
  scoreTable,
  totalsColumns,
  totalWordIn,
} from "../src/engine";
import { findSubtotals } from "../src/engine/data/subtotals";
import { detectColumns, resolveMapping } from "../src/engine/roles";
import { mappingOfRoles, rolesToLoad } from "../src/engine/runPlan";
import { readTargets } from "../src/engine/targets/readTargets";
import {
  DRIVER_DIMENSIONS,
  type ColumnMapping,
  type LabelColumn,
  type SalesData,
  type Scorecard,
  type Template,
} from "../src/engine/types";
import type { DetectionTimes } from "./benchResult";
import { benchSample } from "./benchSample";
import { withComparedKpis } from "./compareTemplate";
import { figuresFromHistory, type FigureSet } from "./figures";
import { currentRssMb, peakRssMb } from "./peakRss";
import { round1, timingSummary } from "./stats";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

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
  /**
   * Drivers (issue 13 §1): compute with the changes broken down by customer, product and category
   * (median), and without, over the same data (which then also holds those columns); their ratio, and
   * the ratio of the fastest runs (garbage collection and a busy machine move medians at a million rows).
   */
  drivers: DriversCost;
  /** The compared template (sales-rep + bad-debt rate + active customers), the figure the baseline ratios use. */
  comparedMs: number;
  /**
   * What the real-world layout rules (issue 14) add to a run, each part timed on its own (fastest run:
   * at a million rows garbage collection lands in some runs and not others, and the fastest is the
   * figure it disturbs least):
   * finding the header row, checking the unread label columns for total words row by row (reading
   * with them minus reading without), the total-word check of each distinct loaded label, and the
   * subtotal search. `share` is their sum over the whole run's fastest.
   */
  detection: DetectionTimes;
  peakRssMb: number;
  /** RSS once the input rows exist, before the engine runs: the engine's own share is the difference. */
  inputRssMb: number;
  historyRows: number;
  scorecardRows: number;
  notes: number;
  figures: FigureSet;
}

/**
 * Drivers (issue 13 §1). The goal's figure: the whole engine run (scoreTable: layout, detection, load,
 * compute, review; with drivers it also loads customer, product and category) with drivers and without,
 * taking turns, each timed run after a full garbage collection so the garbage of earlier runs is not
 * charged to whichever run happens to trigger its collection. `compute*`: computeScorecard alone over the
 * same loaded data, for what the drivers' own work costs.
 */
export interface DriversCost {
  withMs: number;
  withoutMs: number;
  ratio: number;
  fastestRatio: number;
  computeWithMs: number;
  computeWithoutMs: number;
  computeRatio: number;
}

/** A full collection, where V8 allows one to be asked for (the flag set at run time, `gc` taken from a fresh context). */
const fullCollection: (() => void) | null = (() => {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
})();

/** The engine as every front end runs it (runPlan's scoreTable); the bench data is never refused. */
export function engineRun(...args: Parameters<typeof scoreTable>): Scorecard {
  const run = scoreTable(...args);
  if (!run.ok)
    throw new Error(`engine refused the bench data: ${run.problem.code} ${JSON.stringify(run.problem.params)}`);
  return run.scorecard;
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

/** Two contenders timed in turns (a, b, a, b…) after a warm-up of each, each run after a full collection. */
function takingTurns(runs: number, a: () => void, b: () => void): [number[], number[]] {
  a();
  b();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, work] of [a, b].entries()) {
      fullCollection?.();
      const start = performance.now();
      work();
      times[k].push(performance.now() - start);
    }
  }
  return times;
}

export function runEngineBench(rows: number, runs: number): EngineBenchResult {
  const { sales, targets } = benchSample(rows);
  const inputRssMb = currentRssMb();
  const template = getBuiltinTemplate("sales-rep") as Template;
  const options = { targetsTable: targets, groupBy: "salesperson" as const, period: "month" as const, now: BENCH_NOW };

  let result = engineRun(sales, template, options);
  const whole = timingSummary(
    timeRuns(runs, () => {
      result = engineRun(sales, template, options);
    }),
  );

  // The same columns the run reads: the ones the template uses.
  const mapping = mappingToLoad(resolveMapping(sales.headers, detectColumns(sales)).mapping, template, "salesperson");
  let data = loadSalesData(sales, mapping);
  const load = timingSummary(
    timeRuns(runs, () => {
      data = loadSalesData(sales, mapping);
    }),
  );
  const detection = measureDetection(
    sales,
    mapping,
    resolveMapping(sales.headers, detectColumns(sales)).mapping,
    runs,
    data,
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

  const resolved = resolveMapping(sales.headers, detectColumns(sales)).mapping;
  const driverData = loadSalesData(
    sales,
    mappingOfRoles(resolved, new Set([...rolesToLoad(template, "salesperson"), ...DRIVER_DIMENSIONS])),
  );
  const computeOn = (drivers: boolean) => () =>
    void computeScorecard({
      data: driverData,
      template,
      targets: targetEntries,
      groupBy: "salesperson",
      period: "month",
      now: BENCH_NOW,
      drivers,
    });
  // Taking turns, so the full garbage collections a million rows bring land on both sides alike.
  const [without, withDrivers] = takingTurns(Math.max(5, runs), computeOn(false), computeOn(true)).map(timingSummary);
  const runOn = (drivers: boolean) => () => {
    engineRun(sales, template, { ...options, drivers });
  };
  const [runWithout, runWith] = takingTurns(Math.max(5, runs), runOn(false), runOn(true)).map(timingSummary);

  const compared = withComparedKpis(template);
  let comparedResult = engineRun(sales, compared, options);
  const comparedTimes = timingSummary(
    timeRuns(Math.max(1, runs - 2), () => {
      comparedResult = engineRun(sales, compared, options);
    }),
  );

  const scorecard = result;
  return {
    rows,
    template: "sales-rep",
    ms: round1(whole.ms),
    minMs: round1(whole.minMs),
    maxMs: round1(whole.maxMs),
    runs: whole.runs.map(round1),
    loadMs: round1(load.ms),
    computeMs: round1(compute.ms),
    detection: { ...detection, share: Math.round((detection.ms / whole.minMs) * 10000) / 10000 },
    comparedMs: round1(comparedTimes.ms),
    drivers: {
      withMs: round1(runWith.ms),
      withoutMs: round1(runWithout.ms),
      ratio: Math.round((runWith.ms / runWithout.ms) * 100) / 100,
      fastestRatio: Math.round((runWith.minMs / runWithout.minMs) * 100) / 100,
      computeWithMs: round1(withDrivers.ms),
      computeWithoutMs: round1(without.ms),
      computeRatio: Math.round((withDrivers.ms / without.ms) * 100) / 100,
    },
    peakRssMb: round1(peakRssMb()),
    inputRssMb: round1(inputRssMb),
    historyRows: scorecard ? scorecard.history.length : 0,
    scorecardRows: scorecard ? scorecard.rows.length : 0,
    notes: scorecard ? scorecard.notes.length : 0,
    figures: figuresFromHistory(comparedResult.history, "salesperson"),
  };
}

function measureDetection(
  sales: Parameters<typeof loadSalesData>[0],
  loaded: ColumnMapping,
  mapping: ColumnMapping,
  runs: number,
  data: SalesData,
): Omit<DetectionTimes, "share"> {
  const fastest = (work: () => void) => timingSummary(timeRuns(runs, work)).minMs;
  const layoutMs = fastest(() => layoutTable(sales));
  const unread = totalsColumns(mapping, loaded);
  const withTotalsIn = fastest(() => loadSalesData(sales, loaded, unread));
  const withoutTotalsIn = fastest(() => loadSalesData(sales, loaded, []));
  const dimensionLabels = DIMENSION_ROLES.map((r) => data.labels[r as keyof SalesData["labels"]]).filter(
    (c): c is LabelColumn => c !== undefined,
  );
  const labelScanMs = fastest(() => {
    for (const col of dimensionLabels) for (const label of col.values) totalWordIn(label);
  });
  const amounts = Object.entries(data.numbers)
    .filter(([role]) => role !== "unit_price")
    .map(([, values]) => values as Float64Array);
  const codes = Object.values(data.labels).map((c) => (c as LabelColumn).codes);
  const subtotalsMs = fastest(() => findSubtotals(data.length, amounts, codes, new Uint8Array(data.length)));
  const totalsInMs = Math.max(0, withTotalsIn - withoutTotalsIn);
  return {
    layoutMs: round1(layoutMs),
    totalsInMs: round1(totalsInMs),
    labelScanMs: round1(labelScanMs),
    subtotalsMs: round1(subtotalsMs),
    ms: round1(layoutMs + totalsInMs + labelScanMs + subtotalsMs),
  };
}
