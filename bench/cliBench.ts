/**
 * The file path: `kpi-scorecard apply` on a generated .xlsx, against ExcelJS reading the same file
 * alone. Both are separate processes timed from spawn to exit (Node start-up included on both
 * sides), with peak memory from the process itself.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { join } from "path";
import { BENCH_SEED } from "./benchSample";
import { NODE_FLAGS, PEAK_PRELOAD_JS, runProcess, runWorker } from "./spawnMeasured";
import { median, round1 } from "./stats";
import type { XlsxReadResult } from "./xlsxReadBench";

export interface CliEntry {
  rows: number;
  /** Median wall time of `kpi-scorecard apply`. */
  ms: number;
  runs: number[];
  peakRssMb: number;
  /** Median wall time of ExcelJS loading the whole workbook alone (what copying the workbook needs). */
  readOnlyMs: number;
  readOnlyPeakRssMb: number;
  /** Median wall time of ExcelJS streaming the rows alone (what reading a sheet needs). */
  streamReadMs: number;
  fileBytes: number;
  /** apply / readOnly. */
  ratio: number;
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const name of readdirSync(dir)) newest = Math.max(newest, statSync(join(dir, name)).mtimeMs);
  return newest;
}

/** The sample file is reused while the generator's code is unchanged (writing 200k rows takes a while). */
async function ensureSampleFile(root: string, rows: number, scratch: string, budgetMs: number): Promise<string> {
  const file = join(scratch, `sales-${rows}-seed${BENCH_SEED}.xlsx`);
  if (existsSync(file) && statSync(file).mtimeMs > newestMtime(join(root, "src/samples"))) return file;
  const written = await runWorker("write-sample", { file, rows }, budgetMs, scratch);
  if (!written.ok) throw new Error(`could not write the ${rows}-row sample: ${written.error}`);
  return file;
}

async function timedWithPeak(
  args: string[],
  peakFile: string,
  budgetMs: number,
  what: string,
): Promise<{ wallMs: number; peakRssMb: number }> {
  rmSync(peakFile, { force: true });
  const outcome = await runProcess(process.execPath, [...NODE_FLAGS, "--require", PEAK_PRELOAD_JS, ...args], {
    timeoutMs: budgetMs,
    env: { ...process.env, BENCH_PEAK_FILE: peakFile },
  });
  if (outcome.timedOut) throw new Error(`${what} did not finish within ${Math.round(budgetMs / 1000)} s`);
  if (outcome.exitCode !== 0)
    throw new Error(
      `${what} exited with code ${outcome.exitCode}: ${outcome.stderr.trim().split("\n").slice(-3).join(" / ")}`,
    );
  const peak = existsSync(peakFile)
    ? (JSON.parse(readFileSync(peakFile, "utf8")) as { peakRssMb: number }).peakRssMb
    : NaN;
  return { wallMs: outcome.wallMs, peakRssMb: peak };
}

export async function runCliBench(
  root: string,
  rows: number,
  runs: number,
  scratch: string,
  budgetMs: number,
): Promise<CliEntry> {
  mkdirSync(scratch, { recursive: true });
  const bin = join(__dirname, "cliEntry.js");
  const file = await ensureSampleFile(root, rows, scratch, budgetMs);
  const out = join(scratch, `scorecard-${rows}.xlsx`);
  const peakFile = join(scratch, `peak-${process.pid}.json`);
  const worker = join(__dirname, "worker.js");
  const readResult = join(scratch, `read-${process.pid}.json`);

  const apply: Array<{ wallMs: number; peakRssMb: number }> = [];
  const load: Array<{ wallMs: number; peakRssMb: number }> = [];
  const stream: Array<{ wallMs: number; peakRssMb: number }> = [];
  // Interleaved, so a slow spell of the machine hits both sides alike.
  for (let run = 0; run < runs; run++) {
    rmSync(out, { force: true });
    apply.push(
      await timedWithPeak(
        [bin, "apply", file, "--out", out, "--template", "sales-rep"],
        peakFile,
        budgetMs,
        "kpi-scorecard apply",
      ),
    );
    if (!existsSync(out)) throw new Error(`kpi-scorecard apply exited 0 but wrote no ${out}`);
    load.push(
      await timedWithPeak(
        [worker, "xlsx-read", readResult, JSON.stringify({ file, mode: "load" })],
        peakFile,
        budgetMs,
        "ExcelJS load",
      ),
    );
    const loaded = JSON.parse(readFileSync(readResult, "utf8")) as {
      ok: boolean;
      result?: XlsxReadResult;
      error?: string;
    };
    if (!loaded.ok || !loaded.result || loaded.result.rows < rows)
      throw new Error(`ExcelJS read-alone failed: ${loaded.error ?? `read ${loaded.result?.rows} rows`}`);
    stream.push(
      await timedWithPeak(
        [worker, "xlsx-read", readResult, JSON.stringify({ file, mode: "stream" })],
        peakFile,
        budgetMs,
        "ExcelJS stream",
      ),
    );
  }
  rmSync(readResult, { force: true });
  rmSync(peakFile, { force: true });
  const ms = median(apply.map((a) => a.wallMs));
  const readOnlyMs = median(load.map((a) => a.wallMs));
  return {
    rows,
    ms: round1(ms),
    runs: apply.map((a) => round1(a.wallMs)),
    peakRssMb: round1(Math.max(...apply.map((a) => a.peakRssMb))),
    readOnlyMs: round1(readOnlyMs),
    readOnlyPeakRssMb: round1(Math.max(...load.map((a) => a.peakRssMb))),
    streamReadMs: round1(median(stream.map((a) => a.wallMs))),
    fileBytes: statSync(file).size,
    ratio: Math.round((ms / readOnlyMs) * 100) / 100,
  };
}
