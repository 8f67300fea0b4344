#!/usr/bin/env node
/**
 * Measures the production bundle: the JavaScript the task pane page loads up front (the scripts
 * taskpane.html names, Office.js excluded as it comes from Microsoft's CDN), and all JavaScript in
 * the build. Prints bytes and gzip bytes; `--json FILE` also writes them for the benchmark, and
 * `--max-gzip BYTES` fails (exit 1) when the initial JavaScript exceeds that budget.
 * Chunks loaded on demand (the template editor, the template validator) are listed apart.
 *
 *   node scripts/bundle-size.js [--dir dist] [--page taskpane.html] [--json FILE] [--max-gzip BYTES]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Command, InvalidArgumentError } = require("commander");

const program = new Command()
  .name("bundle-size")
  .option("--dir <dir>", "build output folder", "dist")
  .option("--page <file>", "HTML page whose initial scripts are measured", "taskpane.html")
  .option("--json <file>", "also write the figures as JSON to this file")
  .option("--max-gzip <bytes>", "fail when the initial JavaScript is larger than this, gzipped", (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number of bytes.");
    return n;
  })
  .parse(process.argv);
const options = program.opts();

function measure(file) {
  const bytes = fs.readFileSync(file);
  return { file: path.basename(file), bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

function sum(list) {
  return list.reduce((t, f) => ({ bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzip }), { bytes: 0, gzip: 0 });
}

const dir = path.resolve(options.dir);
const page = path.join(dir, options.page);
if (!fs.existsSync(page)) {
  console.error(`bundle-size: ${page} not found; run "npm run build" first.`);
  process.exit(1);
}

// Scripts the page loads itself: local <script src>, not the Office.js CDN.
const html = fs.readFileSync(page, "utf8");
const initialFiles = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)]
  .map((m) => m[1])
  .filter((src) => !/^https?:\/\//.test(src))
  .map((src) => path.join(dir, src.replace(/^\//, "").split("?")[0]));
const missing = initialFiles.filter((f) => !fs.existsSync(f));
if (missing.length) {
  console.error(`bundle-size: ${options.page} names scripts that are not in ${dir}: ${missing.join(", ")}`);
  process.exit(1);
}
const initial = initialFiles.map(measure);
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".js"))
  .map((f) => measure(path.join(dir, f)));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const initialTotal = sum(initial);
const allTotal = sum(all);
console.log(`Initial JavaScript of ${options.page}:`);
for (const f of initial)
  console.log(`  ${f.file.padEnd(36)} ${String(f.bytes).padStart(9)} B  gzip ${String(f.gzip).padStart(8)} B`);
console.log(
  `  ${"total".padEnd(36)} ${String(initialTotal.bytes).padStart(9)} B  gzip ${String(initialTotal.gzip).padStart(8)} B  (${kb(initialTotal.gzip)} gzip)`,
);
const initialNames = new Set(initial.map((f) => f.file));
const onDemand = all.filter((f) => !initialNames.has(f.file));
if (onDemand.length) {
  console.log(`Other JavaScript (loaded on demand or by other pages):`);
  for (const f of onDemand)
    console.log(`  ${f.file.padEnd(36)} ${String(f.bytes).padStart(9)} B  gzip ${String(f.gzip).padStart(8)} B`);
}
console.log(`All JavaScript in ${options.dir}: ${allTotal.bytes} B, gzip ${allTotal.gzip} B (${all.length} files)`);

if (options.json) {
  const report = {
    page: options.page,
    initial: { files: initial, bytes: initialTotal.bytes, gzip: initialTotal.gzip },
    all: { files: all, bytes: allTotal.bytes, gzip: allTotal.gzip },
    measuredAt: new Date().toISOString(),
  };
  fs.mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
  fs.writeFileSync(options.json, JSON.stringify(report, null, 2) + "\n");
  console.log(`Written ${options.json}`);
}

if (options.maxGzip !== undefined && initialTotal.gzip > options.maxGzip) {
  console.error(
    `bundle-size: the initial JavaScript of ${options.page} is ${initialTotal.gzip} B gzip, over the budget of ${options.maxGzip} B.`,
  );
  process.exit(1);
}
