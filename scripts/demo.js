#!/usr/bin/env node
"use strict";
/**
 * npm run demo [-- [--lang] LANG]: the no-Excel trial. Applies the sales-rep template to the bundled
 * sample workbook (assets/samples/sales-LANG.xlsx, LANG = en by default or KPI_DEMO_LANG),
 * with the drivers of each change, writes out/demo/scorecard.xlsx and out/demo/scorecard.json, and prints
 * a short scorecard and the total's "why" per KPI.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const compiled = path.join(root, "dist", "node", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  // npm ci builds the CLI through `prepare`; build it here too so the demo works from a plain checkout.
  process.stderr.write("building the command line (npm run build:cli)...\n");
  // tsc still emits when a type error is reported elsewhere; what matters is that main.js exists.
  spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], {
    stdio: "inherit",
  });
  if (!fs.existsSync(compiled)) {
    process.stderr.write(
      "demo: the build did not produce dist/node/cli/main.js; run `npm run build:cli` and read its errors\n",
    );
    process.exit(1);
  }
}
const { main } = require(compiled);
const { SAMPLE_VOCABULARY } = require(path.join(root, "dist", "node", "samples", "sampleVocabulary.js"));

// `npm run demo -- vi` or `npm run demo -- --lang vi`
const args = process.argv.slice(2);
const langAt = args.indexOf("--lang");
const lang = (langAt >= 0 ? args[langAt + 1] : args[0]) || process.env.KPI_DEMO_LANG || "en";
if (!SAMPLE_VOCABULARY[lang]) {
  process.stderr.write(`demo: unknown language "${lang}"; use one of ${Object.keys(SAMPLE_VOCABULARY).join(", ")}\n`);
  process.exit(2);
}
const input = path.join(root, "assets", "samples", `sales-${lang}.xlsx`);
const outDir = path.join(root, "out", "demo");
const workbook = path.join(outDir, "scorecard.xlsx");
const json = path.join(outDir, "scorecard.json");

/** Display width: CJK characters take two terminal columns. */
function width(text) {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch)
      ? 2
      : 1;
  return w;
}
const pad = (text, n) => text + " ".repeat(Math.max(0, n - width(text)));
const pct = (x) => (typeof x === "number" ? `${(x * 100).toFixed(0)}%` : "n/a");
const STATUS_MARK = { met: "●met", at_risk: "◐at risk", missed: "○missed" };

async function run() {
  fs.mkdirSync(outDir, { recursive: true });
  const args = [
    "apply",
    input,
    "--template",
    "sales-rep",
    "--targets",
    SAMPLE_VOCABULARY[lang].targetsSheet,
    "--lang",
    lang,
    "--out",
    workbook,
    "--json",
    json,
    // What moved each KPI: the why column, the KPI Drivers sheet and rows[].kpis[KPI].drivers.
    "--drivers",
    "--force",
    "--quiet",
  ];
  const code = await main(args);
  if (code !== 0) process.exit(code);
  const scorecard = JSON.parse(fs.readFileSync(json, "utf8"));
  const kpis = scorecard.kpis.map((k) => k.id);
  const header = ["entity", "score", "payout", ...kpis];
  const lines = scorecard.rows.map((row) => [
    row.level === scorecard.groupBy ? `  ${row.entity}` : row.entity,
    pct(row.score),
    pct(row.payout) + (row.gatesPassed ? "" : " (gate)"),
    ...kpis.map((id) => {
      const cell = row.kpis[id];
      return cell && cell.status ? STATUS_MARK[cell.status] || cell.status : "n/a";
    }),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]))));
  const format = (cells) => cells.map((c, i) => pad(c, widths[i])).join("  ");
  process.stdout.write(
    `KPI scorecard: template ${scorecard.template}, ${scorecard.groupBy} by ${scorecard.period}, ${scorecard.asOf} (${scorecard.rowsUsed} sales rows)\n\n`,
  );
  process.stdout.write(format(header) + "\n" + widths.map((w) => "-".repeat(w)).join("  ") + "\n");
  for (const line of lines) process.stdout.write(format(line) + "\n");
  const total = scorecard.rows.find((row) => row.parent === null || row.parent === undefined);
  const whys = total ? scorecard.kpis.filter((k) => total.kpis[k.id] && total.kpis[k.id].why) : [];
  if (whys.length > 0) {
    process.stdout.write(`\nwhy (${total.entity}):\n`);
    for (const k of whys) process.stdout.write(`  ${k.names[lang] || k.id}: ${total.kpis[k.id].why}\n`);
  }
  process.stdout.write(
    `\nworkbook: ${path.relative(process.cwd(), workbook)}\njson:     ${path.relative(process.cwd(), json)}\n`,
  );
}

run().catch((error) => {
  process.stderr.write(`demo: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
