/** Issue 10, template files: size checked before reading, file kinds named, schema arrays bounded, messages bounded. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { getBuiltinTemplate } from "../../../src/engine";
import { MAX_MESSAGE_LENGTH } from "../../../src/cli/outcome";
import { runCli } from "../support/runCli";
import { expectOneLineFailure, salesCsv, tempFolder } from "./support";

const { at } = tempFolder();
const csv = salesCsv(at("sales.csv"));
const template = () => JSON.parse(JSON.stringify(getBuiltinTemplate("sales-rep")));

test("a 600 MB template (sparse file) → 4 with a size message, for apply and validate, without reading it", async () => {
  const file = at("huge.json");
  fs.closeSync(fs.openSync(file, "w"));
  fs.truncateSync(file, 600 * 1024 * 1024);
  expectOneLineFailure(
    await runCli("apply", csv, "--template", file, "--json", "-"),
    4,
    /huge\.json is 600\.0 MB; a template file is at most 1\.0 MB/,
  );
  expectOneLineFailure(await runCli("validate", file), 4, /huge\.json is 600\.0 MB/);
});

test.each([
  ["/dev/zero", /\/dev\/zero is a device/],
  ["folder", /is a folder/],
  ["fifo", /is a named pipe/],
])("validate %s says what it is, not 'does not exist'", async (kind, message) => {
  let file = kind;
  if (kind === "folder") file = fs.mkdtempSync(at("folder-"));
  if (kind === "fifo") {
    file = at("template-pipe.json");
    execFileSync("mkfifo", [file]);
  }
  expectOneLineFailure(await runCli("validate", file), 2, message);
  if (kind !== "/dev/zero")
    expectOneLineFailure(await runCli("apply", csv, "--template", file, "--json", "-"), 2, message);
});

test("a 100,000-item rollup list is refused by its size (maxItems), in one bounded line", async () => {
  const t = template();
  t.rollup = Array.from({ length: 100_000 }, (_, i) => `d${i}`);
  fs.writeFileSync(at("rollup.json"), JSON.stringify(t));
  const run = await runCli("validate", at("rollup.json"));
  expectOneLineFailure(run, 4, /rollup: must NOT have more than 6 items/);
  expect(run.stderr.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 20);
  expect(run.stderr).toMatch(/more problems\)\n$/);
});

test("every array of the schema has item types and a maximum size", async () => {
  const { TEMPLATE_SCHEMA } = await import("../../../src/engine/templates");
  const arrays: Array<[string, Record<string, unknown>]> = [];
  const walk = (node: unknown, where: string) => {
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.type === "array") arrays.push([where, n]);
    for (const [k, v] of Object.entries(n)) walk(v, `${where}/${k}`);
  };
  walk(TEMPLATE_SCHEMA, "#");
  expect(arrays.length).toBeGreaterThanOrEqual(6);
  for (const [where, a] of arrays) {
    expect([where, typeof a.maxItems]).toEqual([where, "number"]);
    const items = a.items as Record<string, unknown>;
    expect([where, typeof items.type === "string" || typeof items.$ref === "string"]).toEqual([where, true]);
  }
});

test("a 100,000-character template name is refused by maxLength", async () => {
  const t = template();
  t.names.en = "N".repeat(100_000) + "\nsecond line";
  fs.writeFileSync(at("long-name.json"), JSON.stringify(t));
  const run = await runCli("validate", at("long-name.json"));
  expectOneLineFailure(run, 4, /names\.en: must be at most 500 characters/);
  expect(run.stderr.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 20);
});

test("a 100,000-character role with a line break in --map gives one bounded line", async () => {
  const run = await runCli("apply", csv, "--map", `${"r".repeat(100_000)}\nsecond=Revenue`, "--json", "-");
  expectOneLineFailure(run, 2, /--map <role=header>' argument 'r+/);
  expect(run.stderr.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 40);
});
