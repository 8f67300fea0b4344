/**
 * `npm run bench [-- --quick] [--json FILE]`: measures the engine, the Excel adapter, the command line
 * and the task pane, and the two baselines (formulas in HyperFormula, SQL in DuckDB) on the same
 * seeded rows, one fresh process per measurement; prints the tables and writes the JSON.
 * Exit code 1 when a part failed or a baseline's figures differ from the engine's.
 */
import { Command } from "commander";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "fs";
import { cpus, loadavg, totalmem } from "os";
import { dirname, join, resolve } from "path";
import { benchPlan, type BenchPlan } from "./benchPlan";
import type { BaselineEntry, BenchResult, EngineEntry, ExcelEntry, MachineInfo } from "./benchResult";
import { runCliBench, type CliEntry } from "./cliBench";
import type { DuckdbResult } from "./duckdbBaseline";
import type { EngineBenchResult } from "./engineBench";
import { compareFigures, describeMismatch, type FigureSet } from "./figures";
import { checkGoals } from "./goals";
import type { HyperformulaResult } from "./hyperformulaBaseline";
import { formatReport, markdownTable } from "./printReport";
import { hottestFrames } from "./profileSummary";
import { runWorker } from "./spawnMeasured";
import { round1 } from "./stats";
import { runTaskpaneBench, type TaskpaneEntry } from "./taskpaneBench";

/** out/bench/bench/main.js → the repository root. */
const ROOT = resolve(__dirname, "../../..");
const SCRATCH = join(ROOT, "bench/out");
const PARTS = ["engine", "baselines", "excel", "cli", "taskpane"] as const;
type Part = (typeof PARTS)[number];

interface Options {
  quick: boolean;
  json?: string;
  formulaBudget: number;
  only?: string;
  cpuProf: boolean;
  sizes?: number[];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function loadAverage(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

function machineInfo(mode: "full" | "quick", argv: string[], loadAverageAtStart: number[]): MachineInfo {
  const cpu = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    totalMemMb: Math.round(totalmem() / 1048576),
    date: new Date().toISOString(),
    loadAverageAtStart,
    loadAverageAtEnd: loadAverage(),
    mode,
    command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
  };
}

function mismatchSummary(engine: FigureSet, baseline: FigureSet): { sameResults: boolean; mismatches: string[] } {
  const mismatches = compareFigures(engine, baseline);
  return { sameResults: mismatches.length === 0, mismatches: mismatches.slice(0, 10).map(describeMismatch) };
}

class BenchRun {
  readonly engine: EngineEntry[] = [];
  readonly excel: ExcelEntry[] = [];
  readonly cli: CliEntry[] = [];
  readonly baselines: BaselineEntry[] = [];
  taskpane: TaskpaneEntry | null = null;
  readonly failures: string[] = [];
  private readonly engineFigures = new Map<number, { figures: FigureSet; comparedMs: number }>();

  constructor(
    private readonly plan: BenchPlan,
    private readonly cpuProf: boolean,
  ) {}

  private fail(what: string, error: unknown): void {
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    this.failures.push(message);
    log(`  FAILED ${message}`);
  }

  async measureEngine(rows: number): Promise<void> {
    log(`engine: ${rows.toLocaleString("en-US")} rows…`);
    const profileDir = join(SCRATCH, "profiles", `engine-${rows}`);
    if (this.cpuProf) rmSync(profileDir, { recursive: true, force: true });
    const outcome = await runWorker<EngineBenchResult>(
      "engine",
      { rows, runs: this.plan.engineRuns(rows) },
      this.plan.workerBudgetMs,
      SCRATCH,
      this.cpuProf ? profileDir : undefined,
    );
    if (!outcome.ok) return this.fail(`engine at ${rows} rows`, outcome.error);
    if (this.cpuProf) this.printProfile(rows, profileDir);
    const { figures, scorecardRows: _rows, notes: _notes, ...entry } = outcome.result;
    this.engine.push(entry as EngineEntry);
    this.engineFigures.set(rows, { figures, comparedMs: entry.comparedMs });
    log(
      `  ${entry.ms} ms median (read ${entry.loadMs}, compute ${entry.computeMs}; header and totals detection ${entry.detection.ms}, ${(entry.detection.share * 100).toFixed(1)} %), peak ${entry.peakRssMb} MB`,
    );
    log(
      `  drivers: engine run ${entry.drivers.withMs} ms with vs ${entry.drivers.withoutMs} ms without (${entry.drivers.ratio}×, fastest runs ${entry.drivers.fastestRatio}×; goal < 1.5× at 1,048,576 rows); compute alone ${entry.drivers.computeWithMs} vs ${entry.drivers.computeWithoutMs} ms (${entry.drivers.computeRatio}×)`,
    );
  }

  /** The engine process's hottest frames (whole process: sample generation and every timed run). */
  private printProfile(rows: number, profileDir: string): void {
    for (const file of readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"))) {
      const frames = hottestFrames(join(profileDir, file), 12);
      log(
        `  CPU profile ${join(profileDir, file)}, self time:\n${markdownTable(
          ["frame", "self ms", "share %"],
          frames.map((f) => [f.frame, f.selfMs, f.share]),
        )}`,
      );
    }
  }

  private againstEngine(
    rows: number,
    baselineMs: number | null,
    figures: FigureSet | null,
  ): Pick<BaselineEntry, "engineMs" | "ratio" | "sameResults" | "mismatches"> {
    const engine = this.engineFigures.get(rows);
    if (!engine) return { engineMs: null, ratio: null, sameResults: null, mismatches: [] };
    const compared = figures ? mismatchSummary(engine.figures, figures) : { sameResults: null, mismatches: [] };
    const ratio = baselineMs === null ? null : Math.round((baselineMs / engine.comparedMs) * 100) / 100;
    return { engineMs: engine.comparedMs, ratio, ...compared };
  }

  async measureDuckdb(rows: number): Promise<void> {
    log(`DuckDB: ${rows.toLocaleString("en-US")} rows…`);
    const outcome = await runWorker<DuckdbResult & { peakRssMb: number }>(
      "duckdb",
      { rows, runs: this.plan.duckdbRuns },
      this.plan.workerBudgetMs,
      SCRATCH,
    );
    if (!outcome.ok) {
      this.fail(`DuckDB at ${rows} rows`, outcome.error);
      return;
    }
    const r = outcome.result;
    const entry: BaselineEntry = {
      rows,
      name: "duckdb",
      ms: r.queryMs,
      finished: true,
      loadMs: r.loadMs,
      loadPlusQueryMs: round1(r.loadMs + r.queryMs),
      threads: r.threads,
      peakRssMb: r.peakRssMb,
      ...this.againstEngine(rows, r.queryMs, r.figures),
    };
    this.baselines.push(entry);
    this.reportComparison(entry);
  }

  async measureFormulas(rows: number, variant: string, budgetMs: number): Promise<void> {
    log(`HyperFormula (${variant}): ${rows.toLocaleString("en-US")} rows, budget ${budgetMs / 1000} s…`);
    const outcome = await runWorker<HyperformulaResult & { peakRssMb: number }>(
      "hyperformula",
      { rows, variant },
      budgetMs,
      SCRATCH,
    );
    if (!outcome.ok && !outcome.timedOut) {
      this.fail(`HyperFormula (${variant}) at ${rows} rows`, outcome.error);
      return;
    }
    const entry: BaselineEntry = outcome.ok
      ? {
          rows,
          name: "hyperformula",
          ms: outcome.result.ms,
          finished: true,
          variant,
          peakRssMb: outcome.result.peakRssMb,
          ...this.againstEngine(rows, outcome.result.ms, outcome.result.figures),
        }
      : {
          rows,
          name: "hyperformula",
          ms: null,
          finished: false,
          variant,
          budgetMs,
          ...this.againstEngine(rows, null, null),
        };
    this.baselines.push(entry);
    this.reportComparison(entry);
  }

  private reportComparison(entry: BaselineEntry): void {
    const time = entry.finished ? `${entry.ms} ms` : `not finished in ${(entry.budgetMs ?? 0) / 1000} s`;
    log(
      `  ${time}; engine ${entry.engineMs ?? "–"} ms; ratio ${entry.ratio ?? "–"}; same results: ${entry.sameResults ?? "not compared"}`,
    );
    if (entry.sameResults === false) {
      this.failures.push(
        `${entry.name} at ${entry.rows} rows gives different figures from the engine: ${entry.mismatches.join("; ")}`,
      );
      for (const m of entry.mismatches) log(`    mismatch: ${m}`);
    }
  }

  async measureExcel(rows: number): Promise<void> {
    log(`Excel adapter (fake host): ${rows.toLocaleString("en-US")} rows…`);
    const outcome = await runWorker<ExcelEntry>("excel", { rows }, this.plan.workerBudgetMs, SCRATCH);
    if (!outcome.ok) return this.fail(`Excel adapter at ${rows} rows`, outcome.error);
    this.excel.push({ ...outcome.result, rows });
    log(
      `  ${outcome.result.syncs} syncs, ${outcome.result.requestBytes} request bytes, ${outcome.result.apiCalls} API calls`,
    );
  }

  async measureCli(): Promise<void> {
    log(
      `command line: apply on a ${this.plan.cliRows.toLocaleString("en-US")}-row .xlsx, ${this.plan.cliRuns} run(s)…`,
    );
    try {
      const entry = await runCliBench(ROOT, this.plan.cliRows, this.plan.cliRuns, SCRATCH, this.plan.workerBudgetMs);
      this.cli.push(entry);
      log(`  apply ${entry.ms} ms, ExcelJS load alone ${entry.readOnlyMs} ms (${entry.ratio}×)`);
    } catch (error) {
      this.fail("command line", error);
    }
  }

  async measureTaskpane(): Promise<void> {
    log("task pane: production bundle and first render…");
    try {
      this.taskpane = await runTaskpaneBench(ROOT, this.plan.renderRuns, SCRATCH, this.plan.workerBudgetMs);
      log(
        `  ${this.taskpane.gzipBytes} bytes gzip, first render ${this.taskpane.firstRenderMs} ms (${this.taskpane.build})`,
      );
    } catch (error) {
      this.fail("task pane", error);
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name("bench")
    .description("KPI Scorecard benchmark: engine, Excel adapter, command line, task pane, formula and SQL baselines")
    .option("--quick", "small sizes and few repetitions (CI smoke test, under two minutes)", false)
    .option("--json <file>", "write the figures as JSON to this file")
    .option(
      "--formula-budget <seconds>",
      "stop a HyperFormula run after this many seconds and report it as not finished",
      (v) => Number(v),
      180,
    )
    .option("--only <parts>", `comma-separated subset of ${PARTS.join(",")}`)
    .option(
      "--sizes <rows>",
      "comma-separated row counts, in place of the plan's sizes (formula runs kept only at these sizes)",
      (v) => v.split(",").map((n) => Number(n.replace(/_/g, ""))),
    )
    .option(
      "--cpu-prof",
      "profile the engine processes (node --cpu-prof into bench/out/profiles) and print their hottest frames",
      false,
    )
    .exitOverride();
  program.parse(argv, { from: "user" });
  const options = program.opts<Options>();
  const only = new Set<Part>(options.only ? (options.only.split(",").map((p) => p.trim()) as Part[]) : PARTS);
  for (const part of only)
    if (!PARTS.includes(part)) throw new Error(`--only: unknown part "${part}" (parts: ${PARTS.join(", ")})`);
  if (!(options.formulaBudget > 0)) throw new Error("--formula-budget must be a positive number of seconds");

  if (options.sizes && !options.sizes.every((n) => Number.isInteger(n) && n > 0))
    throw new Error("--sizes takes positive whole row counts, e.g. --sizes 10000,100000");
  const plan = benchPlan(options.quick, options.formulaBudget, options.sizes);
  mkdirSync(SCRATCH, { recursive: true });
  const run = new BenchRun(plan, options.cpuProf);
  const started = Date.now();
  const loadAtStart = loadAverage();

  for (const rows of plan.sizes) {
    if (only.has("engine") || only.has("baselines")) await run.measureEngine(rows);
    if (only.has("baselines")) await run.measureDuckdb(rows);
  }
  if (only.has("baselines")) for (const f of plan.formulaRuns) await run.measureFormulas(f.rows, f.variant, f.budgetMs);
  if (only.has("excel")) for (const rows of plan.sizes) await run.measureExcel(rows);
  if (only.has("cli")) await run.measureCli();
  if (only.has("taskpane")) await run.measureTaskpane();

  const partial: Omit<BenchResult, "goals"> = {
    machine: machineInfo(plan.quick ? "quick" : "full", argv, loadAtStart),
    engine: run.engine,
    excel: run.excel,
    cli: run.cli,
    baselines: run.baselines,
    taskpane: run.taskpane,
    failures: run.failures,
  };
  const result: BenchResult = { ...partial, goals: checkGoals(partial) };
  process.stdout.write(`\n${formatReport(result)}\n\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
  if (options.json) {
    mkdirSync(dirname(resolve(options.json)), { recursive: true });
    writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`);
    log(`figures written to ${options.json}`);
  }
  return run.failures.length > 0 ? 1 : 0;
}
