#!/usr/bin/env node
/*
 * Validates manifest.xml offline against the Office add-in manifest XSDs.
 * `office-addin-manifest validate` needs a Microsoft web service; this does not.
 * Schemas: $MANIFEST_SCHEMAS, else ../shared/manifest-schemas beside the project root.
 * Exit 0 when valid, 1 with libxml2's line-numbered errors when not.
 */
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const root = path.resolve(__dirname, "..");
const manifestPath = path.resolve(process.argv[2] || path.join(root, "manifest.xml"));
const candidates = [process.env.MANIFEST_SCHEMAS, path.join(root, "..", "shared", "manifest-schemas")].filter(Boolean);
const schemaDir = candidates.find((d) => fs.existsSync(path.join(d, "OfficeAppManifestV1_1.xsd")));
if (!schemaDir) {
  console.error(`validate: manifest schemas not found (looked in ${candidates.join(", ")}); set MANIFEST_SCHEMAS to the folder of OfficeAppManifestV1_1.xsd`);
  process.exit(2);
}

// The main schema is validated against; the ones it imports are preloaded under the file names its imports use.
const main = "OfficeAppManifestV1_1.xsd";
const others = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd") && f !== main);
const load = (fileName) => ({ fileName, contents: fs.readFileSync(path.join(schemaDir, fileName), "utf8") });
const schema = [load(main)];
const preload = others.map(load);

async function main_() {
  if (!fs.existsSync(manifestPath)) {
    console.error(`validate: ${manifestPath} does not exist`);
    process.exit(2);
  }
  const xml = [{ fileName: path.basename(manifestPath), contents: fs.readFileSync(manifestPath, "utf8") }];
  const result = await validateXML({ xml, schema, preload });
  if (result.valid) {
    console.log(`${path.relative(process.cwd(), manifestPath) || manifestPath} is valid against ${schemaDir}`);
    return;
  }
  console.error(`${manifestPath} is NOT valid:`);
  for (const e of result.errors) console.error(`  ${e.rawMessage || e.message}`);
  process.exit(1);
}
main_().catch((e) => {
  console.error(`validate: ${e.message}`);
  process.exit(2);
});
