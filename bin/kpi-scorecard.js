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
require(compiled)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`kpi-scorecard: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
