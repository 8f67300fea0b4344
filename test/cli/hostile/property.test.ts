/**
 * Issue 10's property: whatever bytes arrive as a CSV, and whatever a small xlsx package becomes
 * when truncated, bit-flipped or stripped of entries, the CLI exits 0, 2, 3 or 4 with exactly one
 * line on stderr (none on success), never a stack trace, and within a bounded time.
 */
import * as fs from "fs";
import fc from "fast-check";
import JSZip from "jszip";
import { runCli, type CliRun } from "../support/runCli";
import { CSV_HEADER, SAMPLE, tempFolder } from "./support";

const { at } = tempFolder();
/** Far above a normal run of these small files (well under a second); a hang hits it. */
const BOUND_MS = 15_000;
let n = 0;

async function runBounded(...argv: string[]): Promise<CliRun> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${BOUND_MS} ms: ${argv.join(" ")}`)), BOUND_MS);
  });
  try {
    return await Promise.race([runCli(...argv), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function expectWellBehaved(run: CliRun, what: string): void {
  const lines = run.stderr.split("\n").filter((l) => l !== "");
  const ok = [0, 2, 3, 4].includes(run.code) && !/\n\s+at |internal error/.test(run.stderr);
  const oneLine = run.code === 0 ? lines.every((l) => l.startsWith("kpi-scorecard: note:")) : lines.length === 1;
  if (!ok || !oneLine) throw new Error(`${what}: exit ${run.code}, stderr: ${run.stderr.slice(0, 2000)}`);
}

const csvLine = fc.array(
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom("2025-03-05", "9999-12-31", "1e308", "-0", "NaN", '"', '""', "\r", "\u0000", "\uFFFF", "=1+1"),
    fc.double().map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  ),
  { maxLength: 10 },
);

test("any CSV bytes: exit 0/2/3/4, one line, no stack trace, bounded time", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
        fc
          .array(csvLine, { maxLength: 30 })
          .map((rows) => Buffer.from([CSV_HEADER, ...rows.map((r) => r.join(","))].join("\n"))),
      ),
      fc.boolean(),
      async (bytes, withOut) => {
        const file = at(`p${++n}.csv`);
        fs.writeFileSync(file, bytes);
        const out = withOut ? ["--out", at(`p${n}.xlsx`)] : [];
        const run = await runBounded("apply", file, ...out, "--json", at(`p${n}.json`), "--quiet");
        expectWellBehaved(run, `CSV ${JSON.stringify(bytes.toString("latin1").slice(0, 200))}`);
      },
    ),
    { numRuns: 25, seed: 10 },
  );
}, 300_000);

async function packageProperty(kinds: Array<"truncate" | "flip" | "drop">, numRuns: number): Promise<void> {
  const original = fs.readFileSync(SAMPLE);
  const names = Object.keys((await JSZip.loadAsync(original)).files).filter((f) => !f.endsWith("/") && true);
  const mutations = [
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat({ max: original.length - 1 }) }),
    fc.record({
      kind: fc.constant("flip" as const),
      flips: fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 1, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      }),
    }),
    fc.record({ kind: fc.constant("drop" as const), entries: fc.subarray(names, { minLength: 1, maxLength: 3 }) }),
  ].filter((_, i) => kinds.includes((["truncate", "flip", "drop"] as const)[i]));
  const mutation = fc.oneof(...mutations);
  await fc.assert(
    fc.asyncProperty(mutation, fc.boolean(), async (m, withOut) => {
      let bytes: Buffer;
      if (m.kind === "truncate") bytes = original.subarray(0, m.at);
      else if (m.kind === "flip") {
        bytes = Buffer.from(original);
        for (const [i, x] of m.flips) bytes[i] ^= x;
      } else {
        const zip = await JSZip.loadAsync(original);
        for (const e of m.entries) zip.remove(e);
        bytes = await zip.generateAsync({ type: "nodebuffer" });
      }
      const file = at(`x${++n}.xlsx`);
      fs.writeFileSync(file, bytes);
      const out = withOut ? ["--out", at(`x${n}-out.xlsx`)] : [];
      const run = await runBounded("apply", file, ...out, "--json", at(`x${n}.json`), "--quiet");
      expectWellBehaved(run, `xlsx ${JSON.stringify(m).slice(0, 300)}`);
    }),
    { numRuns, seed: 10 },
  );
}

test("a sample package bit-flipped or missing entries: exit 0/2/3/4, one line, no stack trace, bounded time", async () => {
  await packageProperty(["flip", "drop"], 25);
}, 600_000);

// A zip cut short made ExcelJS's streaming reader wait forever; the package reader reads the
// central directory first and refuses it (exit 3).
test("a sample package cut short: exit 0/2/3/4 within the bound", async () => {
  // fast-check's counterexample: the sample cut at 81,920 bytes.
  const file = at("cut.xlsx");
  fs.writeFileSync(file, fs.readFileSync(SAMPLE).subarray(0, 81_920));
  expectWellBehaved(await runBounded("apply", file, "--json", at("cut.json"), "--quiet"), "cut at 81,920 bytes");
  await packageProperty(["truncate"], 10);
}, 60_000);

test("a package without xl/styles.xml or its workbook rels, written with --out → 3, one line", async () => {
  for (const part of ["xl/styles.xml", "xl/_rels/workbook.xml.rels"]) {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    zip.remove(part);
    const file = at(`no-${++n}.xlsx`);
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const run = await runBounded("apply", file, "--out", at(`no-${n}-out.xlsx`), "--quiet");
    expectWellBehaved(run, `without ${part}`);
  }
}, 60_000);
