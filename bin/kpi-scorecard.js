#!/usr/bin/env node
"use strict";
// The compiled CLI (npm run build:cli, run by `npm ci` through `prepare`).
const path = require("path");
const fs = require("fs");

const compiled = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write(
    "kpi-scorecard: the CLI is not built yet: run `npm run build:cli` (npm ci does it) and try again\n",
  );
  process.exit(1);
}
// EPIPE, signals and temporary files are handled there (src/cli/runProcess.ts).
require(path.join(__dirname, "..", "dist", "node", "cli", "runProcess.js")).runAsProcess(process.argv.slice(2));
