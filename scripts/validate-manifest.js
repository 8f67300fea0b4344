#!/usr/bin/env node
/*
 * Validates an add-in manifest offline against the Office add-in manifest XSDs kept in
 * schemas/office-manifest/ (see its README for their origin and the fixes made to them).
 * `office-addin-manifest validate` needs a Microsoft web service; this does not.
 *   node scripts/validate-manifest.js [manifest.xml]   → exit 0 when valid, 1 with libxml2's
 *   line-numbered errors when not, 2 when the file cannot be read.
 * The build (webpack.config.js) uses validateManifest() on the dist/manifest.xml it writes.
 */
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const root = path.resolve(__dirname, "..");
const schemaDir = path.join(root, "schemas", "office-manifest");

// The main schema is validated against; the ones it imports are preloaded under the file names its imports use.
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const load = (fileName) => ({ fileName, contents: fs.readFileSync(path.join(schemaDir, fileName), "utf8") });

/** Resolves to the list of schema errors in the manifest text (empty when it is valid). */
async function validateManifest(xmlText, fileName = "manifest.xml") {
  const schema = [load(MAIN_SCHEMA)];
  const preload = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA)
    .map(load);
  const result = await validateXML({ xml: [{ fileName, contents: xmlText }], schema, preload });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage || e.message);
}

async function main() {
  const manifestPath = path.resolve(process.argv[2] || path.join(root, "manifest.xml"));
  if (!fs.existsSync(manifestPath)) {
    console.error(`validate: ${manifestPath} does not exist`);
    process.exit(2);
  }
  const errors = await validateManifest(fs.readFileSync(manifestPath, "utf8"), path.basename(manifestPath));
  const shown = path.relative(process.cwd(), manifestPath) || manifestPath;
  if (errors.length === 0) {
    console.log(`${shown} is valid against ${path.relative(process.cwd(), schemaDir) || schemaDir}`);
    return;
  }
  console.error(`${manifestPath} is NOT valid:`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`validate: ${e.message}`);
    process.exit(2);
  });
}

module.exports = { validateManifest };
