/**
 * One measurement in a fresh process, so memory figures and JIT state do not leak between sizes or
 * contenders: `node worker.js KIND RESULT_FILE JSON_ARGS`. Writes its result (or the error) as JSON.
 * Each measurement loads its modules on demand, so a process carries only what it measures
 * (the xlsx read-alone process must not pay for loading DuckDB or HyperFormula).
 */
import { writeFileSync } from "fs";
import type { FormulaVariant } from "./hyperformulaBaseline";
import { peakRssMb } from "./peakRss";
import { round1 } from "./stats";
import type { XlsxReadMode } from "./xlsxReadBench";

type Args = Record<string, unknown>;

const MEASUREMENTS: Record<string, (args: Args) => Promise<unknown>> = {
  async engine(args) {
    const { runEngineBench } = await import("./engineBench");
    return runEngineBench(Number(args.rows), Number(args.runs));
  },
  async duckdb(args) {
    const { benchSample } = await import("./benchSample");
    const { runDuckdbBaseline } = await import("./duckdbBaseline");
    const { sales } = benchSample(Number(args.rows));
    const result = await runDuckdbBaseline(sales.rows, Number(args.runs));
    return {
      ...result,
      loadMs: round1(result.loadMs),
      queryMs: round1(result.queryMs),
      peakRssMb: round1(peakRssMb()),
    };
  },
  async hyperformula(args) {
    const { benchSample } = await import("./benchSample");
    const { runHyperformulaBaseline } = await import("./hyperformulaBaseline");
    const { sales } = benchSample(Number(args.rows));
    const result = runHyperformulaBaseline(sales.rows, args.variant as FormulaVariant);
    return { ...result, ms: round1(result.ms), peakRssMb: round1(peakRssMb()) };
  },
  async excel(args) {
    // Loaded on demand: the Excel adapter's measurement lives in its own module (bench/excel-roundtrips.ts).
    const { measureExcelRoundTrips } = await import("./excel-roundtrips");
    return await measureExcelRoundTrips(Number(args.rows));
  },
  async "xlsx-read"(args) {
    const { runXlsxRead } = await import("./xlsxReadBench");
    return runXlsxRead(String(args.file), args.mode as XlsxReadMode);
  },
  async "write-sample"(args) {
    const { benchSampleOptions } = await import("./benchSample");
    const { writeSampleWorkbook } = await import("../src/samples/writeSampleWorkbook");
    const start = performance.now();
    await writeSampleWorkbook(String(args.file), benchSampleOptions(Number(args.rows)));
    return { file: args.file, rows: args.rows, ms: round1(performance.now() - start) };
  },
  async "first-render"(args) {
    const { measureFirstRender } = await import("./firstRender");
    return measureFirstRender(String(args.distDir), String(args.fakeHost), Number(args.runs));
  },
};

async function main(): Promise<void> {
  const [kind, resultFile, json] = process.argv.slice(2);
  const measure = MEASUREMENTS[kind];
  if (!measure || !resultFile) {
    throw new Error(`usage: worker.js ${Object.keys(MEASUREMENTS).join("|")} RESULT_FILE JSON_ARGS (got "${kind}")`);
  }
  try {
    const result = await measure(json ? (JSON.parse(json) as Args) : {});
    writeFileSync(resultFile, JSON.stringify({ ok: true, result }));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeFileSync(resultFile, JSON.stringify({ ok: false, error: message }));
    process.exitCode = 1;
  }
}

void main();
