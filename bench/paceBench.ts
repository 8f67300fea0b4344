/**
 * What pace costs the engine (issue 13 §2): computeScorecard on the bench sample (24 months from 2024-01,
 * sales-rep template) for a complete period, and for a running period as of 13 December 2025 counted by
 * working days and by last year's curve (a second aggregation of the rows up to 13 December 2024).
 * `npx tsc -p bench/tsconfig.json && node out/bench/bench/paceBench.js [ROWS]`; prints the median of 5 runs.
 */
import {
  computeScorecard,
  detectColumns,
  getBuiltinTemplate,
  loadSalesData,
  mappingToLoad,
  resolveMapping,
} from "../src/engine";
import type { PaceBasis, Template } from "../src/engine/types";
import { benchSample } from "./benchSample";

const rows = Number(process.argv[2] ?? 1_048_576);
const { sales } = benchSample(rows);
const template = getBuiltinTemplate("sales-rep") as Template;
const data = loadSalesData(
  sales,
  mappingToLoad(resolveMapping(sales.headers, detectColumns(sales)).mapping, template, "salesperson"),
);
const now = new Date(Date.UTC(2026, 0, 15));

function median(run: () => void): number {
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2];
}

const complete = median(() => computeScorecard({ data, template, asOf: "2025-12", now }));
const running = (paceBasis: PaceBasis) =>
  median(() => computeScorecard({ data, template, asOfDate: "2025-12-13", paceBasis, now }));
const workingDays = running("workingDays");
const lastYear = running("lastYear");
console.log(`rows ${rows.toLocaleString("en-US")}: compute median ms`);
console.log(`  complete period 2025-12:            ${complete.toFixed(1)}`);
console.log(`  as of 2025-12-13, working days:     ${workingDays.toFixed(1)}`);
console.log(
  `  as of 2025-12-13, last year's curve: ${lastYear.toFixed(1)} (${(lastYear / workingDays).toFixed(2)}× working days)`,
);
