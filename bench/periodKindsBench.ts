/**
 * The engine by period kind (issue 13 §5): computeScorecard on the bench sample (24 months of daily rows,
 * sales-rep template, by salesperson with the region roll-up, targets table) with month, week and day
 * periods; median of the runs after a warm-up, and the history rows each kind makes (one per entity,
 * period and KPI: the history sheet's size). Standalone:
 *   npx tsc -p bench/tsconfig.json && node out/bench/bench/periodKindsBench.js 1048576 3
 */
import { computeScorecard, getBuiltinTemplate, loadSalesData, mappingToLoad } from "../src/engine";
import { detectColumns, resolveMapping } from "../src/engine/roles";
import { readTargets } from "../src/engine/targets/readTargets";
import { PERIOD_KINDS, type PeriodKind, type Template } from "../src/engine/types";
import { benchSample } from "./benchSample";
import { BENCH_NOW } from "./engineBench";

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const { sales, targets } = benchSample(rows);
const template = getBuiltinTemplate("sales-rep") as Template;
const data = loadSalesData(
  sales,
  mappingToLoad(resolveMapping(sales.headers, detectColumns(sales)).mapping, template, "salesperson"),
);
const kinds: PeriodKind[] = PERIOD_KINDS.filter((k) => k === "month" || k === "week" || k === "day");
console.log(`rows ${rows}, ${runs} runs after a warm-up, Node ${process.version}`);
console.log("| period | median ms | history rows | periods |");
console.log("| ------ | --------- | ------------ | ------- |");
for (const kind of kinds) {
  const spec = { kind, fiscalYearStartMonth: 1 };
  const entries = readTargets(targets, spec, "salesperson").entries;
  const once = () =>
    computeScorecard({ data, template, targets: entries, groupBy: "salesperson", period: kind, now: BENCH_NOW });
  let result = once();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    result = once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const periods = new Set(result.history.map((h) => h.period)).size;
  console.log(`| ${kind} | ${times[times.length >> 1].toFixed(1)} | ${result.history.length} | ${periods} |`);
}
