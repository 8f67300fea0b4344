/** The JSON the benchmark writes (--json FILE): the shape, plus a few explanatory fields. */
import type { CliEntry } from "./cliBench";
import type { TaskpaneEntry } from "./taskpaneBench";

export interface MachineInfo {
  node: string;
  platform: string;
  arch: string;
  cpu: string;
  cores: number;
  totalMemMb: number;
  date: string;
  /** 1, 5 and 15-minute load averages: figures taken on a busy machine are not comparable. */
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  mode: "full" | "quick";
  command: string;
}

/** What the real-world layout rules add to a run (engineBench.ts measures each part). */
export interface DetectionTimes {
  layoutMs: number;
  totalsInMs: number;
  labelScanMs: number;
  subtotalsMs: number;
  ms: number;
  share: number;
}

export interface EngineEntry {
  rows: number;
  template: "sales-rep";
  ms: number;
  minMs: number;
  maxMs: number;
  peakRssMb: number;
  runs: number[];
  loadMs: number;
  computeMs: number;
  comparedMs: number;
  /** The engine run with drivers vs without (issue 13 §1: goal under 1.5× at 1,048,576 rows); compute alone beside it. */
  drivers?: {
    withMs: number;
    withoutMs: number;
    ratio: number;
    fastestRatio?: number;
    computeWithMs?: number;
    computeWithoutMs?: number;
    computeRatio?: number;
  };
  /** Header and totals detection (issue 14), each part timed on its own; share of `ms`. */
  detection?: DetectionTimes;
  inputRssMb: number;
  historyRows: number;
}

export interface ExcelEntry {
  rows: number;
  syncs: number;
  requestBytes: number;
  apiCalls: number;
  [extra: string]: unknown;
}

export interface BaselineEntry {
  rows: number;
  name: "hyperformula" | "duckdb";
  /** HyperFormula: build + evaluate; DuckDB: the query (the engine's input is in memory too). Null when it did not finish. */
  ms: number | null;
  /** Null when there was nothing to compare (not finished, or no engine figures at that size). */
  sameResults: boolean | null;
  mismatches: string[];
  /** baseline ms / engine ms for the same five figures (comparedMs). */
  ratio: number | null;
  engineMs: number | null;
  finished: boolean;
  budgetMs?: number;
  variant?: string;
  loadMs?: number;
  loadPlusQueryMs?: number;
  threads?: number;
  peakRssMb?: number;
  error?: string;
}

export interface GoalCheck {
  goal: string;
  met: boolean | null;
  detail: string;
}

export interface BenchResult {
  machine: MachineInfo;
  engine: EngineEntry[];
  excel: ExcelEntry[];
  cli: CliEntry[];
  baselines: BaselineEntry[];
  taskpane: TaskpaneEntry | null;
  goals: GoalCheck[];
  /** Parts that failed, with the reason; a run with failures exits non-zero. */
  failures: string[];
}
