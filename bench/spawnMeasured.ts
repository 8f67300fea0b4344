/**
 * Runs a measurement in a fresh Node process (clean memory figures, no JIT carry-over) and stops it
 * when it overruns its time budget: a baseline that does not finish is a result, not a hang.
 */
import { spawn } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";

export const WORKER_JS = join(__dirname, "worker.js");
export const PEAK_PRELOAD_JS = join(__dirname, "reportPeakOnExit.js");

/** Node flags for measured processes: room for a million rows plus a baseline's own copies. */
export const NODE_FLAGS = ["--max-old-space-size=8192"];

export interface ProcessOutcome {
  exitCode: number | null;
  timedOut: boolean;
  /** Wall-clock time from spawn to exit, including Node's start-up: what a user waits. */
  wallMs: number;
  stderr: string;
}

export function runProcess(
  command: string,
  args: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; echo?: boolean },
): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ["ignore", options.echo ? "inherit" : "ignore", "pipe"],
    });
    let stderr = "";
    let timedOut = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 20000) stderr = stderr.slice(-20000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, timedOut, wallMs: Number(process.hrtime.bigint() - start) / 1e6, stderr });
    });
  });
}

export type WorkerOutcome<T> =
  { ok: true; result: T; wallMs: number } | { ok: false; error: string; timedOut: boolean; wallMs: number };

let resultCounter = 0;

/** Runs bench/worker.ts's measurement `kind` in a fresh process. */
/** `cpuProfileDir`: run under node --cpu-prof, writing the profile there. */
export async function runWorker<T>(
  kind: string,
  args: Record<string, unknown>,
  timeoutMs: number,
  scratchDir: string,
  cpuProfileDir?: string,
): Promise<WorkerOutcome<T>> {
  mkdirSync(scratchDir, { recursive: true });
  const resultFile = join(scratchDir, `result-${process.pid}-${++resultCounter}.json`);
  rmSync(resultFile, { force: true });
  const profiling = cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", cpuProfileDir] : [];
  const outcome = await runProcess(
    process.execPath,
    [...NODE_FLAGS, ...profiling, WORKER_JS, kind, resultFile, JSON.stringify(args)],
    { timeoutMs },
  );
  if (outcome.timedOut) {
    return {
      ok: false,
      error: `did not finish within ${Math.round(timeoutMs / 1000)} s`,
      timedOut: true,
      wallMs: outcome.wallMs,
    };
  }
  if (!existsSync(resultFile)) {
    const tail = outcome.stderr.trim().split("\n").slice(-5).join("\n");
    return {
      ok: false,
      error: `${kind} worker exited with code ${outcome.exitCode} and no result${tail ? `:\n${tail}` : ""}`,
      timedOut: false,
      wallMs: outcome.wallMs,
    };
  }
  const written = JSON.parse(readFileSync(resultFile, "utf8")) as
    { ok: true; result: T } | { ok: false; error: string };
  rmSync(resultFile, { force: true });
  return written.ok
    ? { ok: true, result: written.result, wallMs: outcome.wallMs }
    : { ok: false, error: written.error, timedOut: false, wallMs: outcome.wallMs };
}
