#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [--json FILE]`. Plain JavaScript so it runs before anything is built.
 * Builds, side by side (two cores), what is missing or older than the sources: the production task
 * pane and the fake Excel host the first-render check loads (into bench/out/, so dist/ is never
 * emptied under someone else's feet; a fresh production build in dist/ or e2e site in test-output/
 * is reused), and the bench itself into out/bench (TypeScript with the engine, samples, adapters and
 * CLI it measures: not dist/bench, as webpack empties dist/ on every production build); then hands
 * over to out/bench/bench/main.js.
 * Type errors do not stop the bench (npm run typecheck reports them); missing output does.
 */
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);

function run(what, args) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout = (stdout + chunk).slice(-200000)));
    child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-20000)));
    child.on("error", reject);
    child.on("close", (status) => {
      const ms = Date.now() - started;
      process.stderr.write(`${what} in ${(ms / 1000).toFixed(1)} s\n`);
      resolve({ status, stdout, stderr, ms });
    });
  });
}

/** tsc into an emptied outDir: a module left from an older layout (engine/scorecard.js beside engine/scorecard/) would shadow the new one. */
async function compile(project, expected, outDir) {
  fs.rmSync(path.join(root, outDir), { recursive: true, force: true });
  const result = await run(`compiled ${project}`, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", project]);
  const errors = result.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
  if (errors.length > 0) {
    process.stderr.write(
      `  ${errors.length} type error(s), output written anyway (npm run typecheck lists them); first: ${errors[0]}\n`,
    );
  }
  if (!fs.existsSync(path.join(root, expected)))
    throw new Error(`tsc -p ${project} produced no ${expected}\n${result.stdout}${result.stderr}`);
}

async function webpack(what, args, expected) {
  const result = await run(what, [path.join(root, "node_modules/webpack-cli/bin/cli.js"), ...args]);
  if (result.status !== 0 || !fs.existsSync(expected)) {
    throw new Error(
      `${what} failed (exit ${result.status}):\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`,
    );
  }
  return result.ms;
}

function newestMtime(file) {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(file)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), stat.mtimeMs);
}

function wants(part) {
  const index = argv.findIndex((a) => a === "--only" || a.startsWith("--only="));
  if (index < 0) return true;
  const value = argv[index].includes("=") ? argv[index].split("=")[1] : argv[index + 1] || "";
  return value.split(",").includes(part);
}

/** A production build whose page is newer than every source (content-hashed names: not a dev build). */
function freshProductionBuild(dir, sources) {
  const page = path.join(dir, "taskpane.html");
  return (
    fs.existsSync(page) &&
    fs.statSync(page).mtimeMs >= sources &&
    /taskpane\.[0-9a-f]{8}\.js/.test(fs.readFileSync(page, "utf8"))
  );
}

/** Finds or builds the production pane and the fake host; the result goes to main.js in BENCH_TASKPANE. */
async function prepareTaskpane() {
  const taskpane = { dir: "", fakeHost: "", build: "reused", buildMs: 0 };
  const sources = Math.max(
    newestMtime(path.join(root, "src")),
    newestMtime(path.join(root, "webpack.config.js")),
    newestMtime(path.join(root, "assets")),
  );
  const ownDir = path.join(root, "bench/out/taskpane");
  const testSources = Math.max(
    sources,
    newestMtime(path.join(root, "test/e2e")),
    newestMtime(path.join(root, "test/fakes")),
  );
  const fakeHosts = [
    path.join(root, "test-output/e2e/site/fake-office.js"),
    path.join(root, "bench/out/e2e-site/fake-office.js"),
  ];
  const builds = [];
  taskpane.dir = [ownDir, path.join(root, "dist")].find((dir) => freshProductionBuild(dir, sources)) || "";
  if (!taskpane.dir) {
    builds.push(
      webpack(
        "built the production task pane (webpack --mode production)",
        ["--mode", "production", "--output-path", ownDir],
        path.join(ownDir, "taskpane.html"),
      ).then((ms) => {
        Object.assign(taskpane, { dir: ownDir, build: "built", buildMs: ms });
      }),
    );
  }
  taskpane.fakeHost = fakeHosts.find((file) => fs.existsSync(file) && fs.statSync(file).mtimeMs >= testSources) || "";
  if (!taskpane.fakeHost) {
    builds.push(
      webpack(
        "built the fake Excel host (webpack --env e2e)",
        ["--mode", "development", "--env", "e2e", "--output-path", path.dirname(fakeHosts[1])],
        fakeHosts[1],
      ).then(() => {
        taskpane.fakeHost = fakeHosts[1];
      }),
    );
  }
  await Promise.all(builds);
  return taskpane;
}

async function start() {
  const [taskpane] = await Promise.all([
    wants("taskpane") ? prepareTaskpane() : null,
    compile("bench/tsconfig.json", "out/bench/bench/main.js", "out/bench"),
  ]);
  if (taskpane) process.env.BENCH_TASKPANE = JSON.stringify(taskpane);
  return require(path.join(root, "out/bench/bench/main.js")).main(argv);
}

start().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench: ${error && error.message ? error.message : error}\n`);
    process.exitCode = 2;
  },
);
