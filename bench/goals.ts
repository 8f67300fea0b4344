/** The issue's goals, checked against a run's figures (reported, never asserted: these are not tests). */
import type { BenchResult, GoalCheck } from "./benchResult";

const MB5 = 5 * 1024 * 1024;
const GZIP_BUDGET_BYTES = 250 * 1000;

function largest<T extends { rows: number }>(entries: readonly T[]): T | undefined {
  return entries.reduce<T | undefined>((best, e) => (!best || e.rows > best.rows ? e : best), undefined);
}

export function checkGoals(result: Omit<BenchResult, "goals">): GoalCheck[] {
  const goals: GoalCheck[] = [];
  const quickNote = result.machine.mode === "quick" ? " (quick run: small sizes only)" : "";

  const bigEngine = largest(result.engine);
  goals.push({
    goal: "engine at 1,048,576 rows under 1 s median",
    met: bigEngine && bigEngine.rows >= 1048576 ? bigEngine.ms < 1000 : null,
    detail: bigEngine ? `${bigEngine.ms} ms at ${bigEngine.rows} rows${quickNote}` : "no engine figures",
  });
  goals.push({
    goal: "engine peak memory under 1.5 GB",
    met: bigEngine && bigEngine.rows >= 1048576 ? bigEngine.peakRssMb < 1536 : null,
    detail: bigEngine
      ? `${bigEngine.peakRssMb} MB peak RSS at ${bigEngine.rows} rows (input rows alone: ${bigEngine.inputRssMb} MB)${quickNote}`
      : "no engine figures",
  });
  goals.push({
    goal: "header and totals detection add under 5 % to the engine at 1,048,576 rows",
    met: bigEngine && bigEngine.rows >= 1048576 && bigEngine.detection ? bigEngine.detection.share < 0.05 : null,
    detail:
      bigEngine && bigEngine.detection
        ? `${bigEngine.detection.ms} ms of the fastest run's ${bigEngine.minMs} ms (${(bigEngine.detection.share * 100).toFixed(1)} %; of the median ${bigEngine.ms} ms: ${((bigEngine.detection.ms / bigEngine.ms) * 100).toFixed(1)} %) at ${bigEngine.rows} rows: header ${bigEngine.detection.layoutMs}, unread label columns ${bigEngine.detection.totalsInMs}, loaded labels ${bigEngine.detection.labelScanMs}, subtotals ${bigEngine.detection.subtotalsMs} ms${quickNote}`
        : "no engine figures",
  });
  goals.push({
    goal: "engine with drivers under 1.5× the engine without them at 1,048,576 rows",
    met: bigEngine && bigEngine.rows >= 1048576 && bigEngine.drivers ? bigEngine.drivers.ratio < 1.5 : null,
    detail:
      bigEngine && bigEngine.drivers
        ? `${bigEngine.drivers.withMs} ms with vs ${bigEngine.drivers.withoutMs} ms without (median): ${bigEngine.drivers.ratio}× (fastest runs ${bigEngine.drivers.fastestRatio ?? "?"}×) at ${bigEngine.rows} rows${quickNote}`
        : "no engine figures",
  });
  const sorted = [...result.engine].sort((a, b) => a.rows - b.rows);
  if (sorted.length >= 2) {
    const [a, b] = sorted.slice(-2);
    const growth = b.ms / b.rows / (a.ms / a.rows);
    goals.push({
      goal: "engine cost grows linearly with rows",
      met: growth <= 1.5,
      detail: `time per row at ${b.rows} is ${growth.toFixed(2)}× that at ${a.rows} (linear: ≤ 1.5×)`,
    });
  }

  if (result.excel.length > 0) {
    // "While the data fits one request": the sizes the adapter read in a single block.
    const oneBlock = result.excel.filter((e) => e.readBlocks === undefined || e.readBlocks === 1);
    const syncs = oneBlock.map((e) => e.syncs);
    goals.push({
      goal: "Excel round trips independent of rows (data fitting one request)",
      met: syncs.length > 0 ? syncs.every((s) => s === syncs[0]) : null,
      detail: result.excel
        .map(
          (e) =>
            `${e.rows} rows: ${e.syncs} syncs${e.readBlocks !== undefined ? ` (${e.readBlocks} read block${e.readBlocks === 1 ? "" : "s"})` : ""}`,
        )
        .join(", "),
    });
    // The adapter reports requestBytes as the largest single request of the run.
    const largestRequest = Math.max(...result.excel.map((e) => e.requestBytes));
    goals.push({
      goal: "no Excel request over 5 MB",
      met: largestRequest <= MB5,
      detail: `largest request ${largestRequest.toLocaleString("en-US")} bytes${result.excel.some((e) => Number(e.rejected) > 0) ? "; some requests were refused as too large and retried smaller" : ""}`,
    });
  }

  const formulaAt100k = result.baselines.filter((b) => b.name === "hyperformula" && b.rows === 100000);
  const formula = formulaAt100k.find((b) => b.finished) ?? formulaAt100k[0];
  const engine100k = result.engine.find((e) => e.rows === 100000);
  if (formula && engine100k) {
    const ratio = formula.finished ? formula.ratio : (formula.budgetMs ?? 0) / engine100k.comparedMs;
    goals.push({
      goal: "at least 50× faster than the formula baseline at 100,000 rows",
      met: ratio !== null ? ratio >= 50 : null,
      detail: formula.finished
        ? `HyperFormula (${formula.variant}) ${formula.ms} ms vs engine ${engine100k.comparedMs} ms: ${ratio?.toFixed(0)}×`
        : `HyperFormula (${formula.variant}) did not finish in ${(formula.budgetMs ?? 0) / 1000} s vs engine ${engine100k.comparedMs} ms: over ${ratio?.toFixed(0)}×`,
    });
  } else {
    goals.push({
      goal: "at least 50× faster than the formula baseline at 100,000 rows",
      met: null,
      detail: `not measured${quickNote}`,
    });
  }

  const duck = result.baselines.filter((b) => b.name === "duckdb" && b.ratio !== null);
  if (duck.length > 0) {
    goals.push({
      goal: "within 2× of DuckDB",
      met: duck.every((d) => (d.ratio as number) >= 0.5),
      detail: duck
        .map(
          (d) =>
            `${d.rows} rows: engine ${d.engineMs} ms vs DuckDB query ${d.ms} ms (engine takes ${(1 / (d.ratio as number)).toFixed(2)}× DuckDB's time)`,
        )
        .join("; "),
    });
  }

  for (const cli of result.cli) {
    goals.push({
      goal: `apply on the ${cli.rows}-row file within 1.25× of ExcelJS reading it alone`,
      met: cli.ratio <= 1.25,
      detail: `apply ${cli.ms} ms vs load alone ${cli.readOnlyMs} ms: ${cli.ratio}× (stream read alone ${cli.streamReadMs} ms)`,
    });
  }

  if (result.taskpane) {
    goals.push({
      goal: "task pane initial JavaScript under 250 KB gzip",
      met: result.taskpane.gzipBytes < GZIP_BUDGET_BYTES,
      detail: `${result.taskpane.gzipBytes} bytes gzip (${result.taskpane.bundleBytes} raw)`,
    });
  }
  return goals;
}
