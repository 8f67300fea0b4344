#!/usr/bin/env node
/**
 * Writes src/engine/templates/template.schema.json, the schema file editors use, from TEMPLATE_SCHEMA,
 * which the engine builds from the KPI registry (the KPI id enum), DIMENSION_ROLES and LANGS.
 * Run after adding a KPI: `npm run schema` (builds the CLI first; it reads dist/node).
 * `--check` exits 1 when the committed file differs, without writing.
 */
const fs = require("fs");
const path = require("path");

const built = path.join(__dirname, "../dist/node/engine/templates/templateSchema.js");
const file = path.join(__dirname, "../src/engine/templates/template.schema.json");
const { TEMPLATE_SCHEMA } = require(built);
const text = JSON.stringify(TEMPLATE_SCHEMA, null, 2) + "\n";

if (process.argv.includes("--check")) {
  const same = fs.existsSync(file) && fs.readFileSync(file, "utf8") === text;
  if (!same) {
    console.error(`${path.relative(process.cwd(), file)} is out of date: run npm run schema`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
