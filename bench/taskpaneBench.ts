/**
 * The task pane: production bundle size (initial JavaScript, raw and gzip, as scripts/bundle-size.js
 * counts it) and time to first interactive render in headless Chromium. bench/run.js finds or builds
 * the production bundle and the fake Excel host, and names them in BENCH_TASKPANE.
 */
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import type { FirstRenderResult } from "./firstRender";
import { runProcess, runWorker } from "./spawnMeasured";

export interface TaskpaneEntry {
  bundleBytes: number;
  gzipBytes: number;
  firstRenderMs: number;
  renderRuns: number[];
  /** "reused" when dist/ was newer than every source file. */
  build: "built" | "reused";
  buildMs: number;
  /** The production build measured (dist/ when fresh, else the bench's own bench/out/taskpane). */
  dir: string;
}

interface TaskpaneBuild {
  dir: string;
  fakeHost: string;
  build: TaskpaneEntry["build"];
  buildMs: number;
}

function taskpaneBuild(): TaskpaneBuild {
  const info = JSON.parse(process.env.BENCH_TASKPANE ?? "{}") as Partial<TaskpaneBuild>;
  if (!info.dir || !info.fakeHost)
    throw new Error("no task pane build: run the bench through bench/run.js (npm run bench), which builds it");
  return {
    dir: info.dir,
    fakeHost: info.fakeHost,
    build: info.build === "built" ? "built" : "reused",
    buildMs: Number(info.buildMs) || 0,
  };
}

/** The initial-JavaScript figures of bundle-size.js's JSON ({ initial: { bytes, gzip }, all: ... }). */
function bundleFigures(json: { initial?: { bytes?: unknown; gzip?: unknown } }): {
  bundleBytes: number;
  gzipBytes: number;
} {
  const { bytes, gzip } = json.initial ?? {};
  if (typeof bytes !== "number" || typeof gzip !== "number") {
    throw new Error(
      `scripts/bundle-size.js --json gave no initial.bytes / initial.gzip: ${JSON.stringify(json).slice(0, 300)}`,
    );
  }
  return { bundleBytes: bytes, gzipBytes: gzip };
}

export async function runTaskpaneBench(
  root: string,
  renderRuns: number,
  scratch: string,
  budgetMs: number,
): Promise<TaskpaneEntry> {
  const built = taskpaneBuild();
  const dist = built.dir;
  const sizeScript = join(root, "scripts/bundle-size.js");
  const sizeFile = join(scratch, `bundle-size-${process.pid}.json`);
  rmSync(sizeFile, { force: true });
  const sized = await runProcess(process.execPath, [sizeScript, "--dir", dist, "--json", sizeFile], {
    timeoutMs: 60000,
  });
  if (!existsSync(sizeFile))
    throw new Error(
      `scripts/bundle-size.js wrote no JSON (exit ${sized.exitCode}): ${sized.stderr.trim().slice(-300)}`,
    );
  const figures = bundleFigures(
    JSON.parse(readFileSync(sizeFile, "utf8")) as { initial?: { bytes?: unknown; gzip?: unknown } },
  );
  rmSync(sizeFile, { force: true });

  const render = await runWorker<FirstRenderResult>(
    "first-render",
    { distDir: dist, fakeHost: built.fakeHost, runs: renderRuns },
    budgetMs,
    scratch,
  );
  if (!render.ok) throw new Error(`first render: ${render.error}`);
  return {
    ...figures,
    firstRenderMs: render.result.firstRenderMs,
    renderRuns: render.result.runs,
    build: built.build,
    buildMs: built.buildMs,
    dir: dist,
  };
}
