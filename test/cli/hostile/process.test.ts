/** Issue 10 as a process: EPIPE on stdout, SIGTERM / SIGINT cleanup, spool folders of killed runs. */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { salesCsv, tempFolder } from "./support";

const ROOT = path.join(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "kpi-scorecard.js");
const { dir, at } = tempFolder();
const csv = salesCsv(at("sales.csv"));

beforeAll(() => {
  spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], {
    stdio: "ignore",
  });
}, 180_000);

/** Runs the binary with stdout into `head -c 10`: the reader leaves after 10 bytes. */
function intoHead(args: string[]): { status: number; stderr: string; head: string } {
  const script = `"${process.execPath}" "${BIN}" ${args.map((a) => `'${a}'`).join(" ")} 2>"${at("stderr.txt")}" | head -c 10; exit \${PIPESTATUS[0]}`;
  const run = spawnSync("bash", ["-c", script], { encoding: "utf8", timeout: 60_000 });
  return { status: run.status ?? -1, stderr: fs.readFileSync(at("stderr.txt"), "utf8"), head: run.stdout };
}

describe("a reader that stops early (EPIPE)", () => {
  // Enough rows that the JSON is larger than the pipe's buffer.
  const big = salesCsv(
    at("big.csv"),
    Array.from(
      { length: 3000 },
      (_, i) => `2025-0${(i % 9) + 1}-1${i % 9},Rep${i % 40},R${i % 5},C${i},${i},1,1,1,Premium`,
    ),
  );
  test.each([[[]], [["--quiet"]]])("--json - | head -c 10 %p: quiet exit, no stack trace", (extra: string[]) => {
    const run = intoHead(["apply", big, "--json", "-", ...extra]);
    expect(run.head).toBe('{\n  "versio'.slice(0, 10));
    expect(run.stderr).not.toMatch(/Error|EPIPE|\n\s+at /);
    expect(run.status).toBe(0);
  });
});

describe("SIGTERM and SIGINT during a long apply", () => {
  const rows = Array.from(
    { length: 120_000 },
    (_, i) =>
      `2025-${String((i % 12) + 1).padStart(2, "0")}-15,Rep${i % 50},R${i % 7},C${i % 900},${i % 1000},1,1,1,Premium`,
  );
  const long = salesCsv(at("long.csv"), rows);

  test.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)(
    "%s: exit %d, no .OUTPUT.*.tmp left beside OUTPUT and no spool folder",
    async (signal, code) => {
      // Killed once its temporary file exists, i.e. mid-run. The file lives only while the output is
      // written, so a run can finish between seeing it and the signal landing: then try again.
      for (let attempt = 1; ; attempt++) {
        const outDir = fs.mkdtempSync(path.join(dir, "out-"));
        const tmpParent = fs.mkdtempSync(path.join(dir, "tmp-"));
        const child = spawn(process.execPath, [BIN, "apply", long, "--out", path.join(outDir, "out.xlsx"), "--quiet"], {
          env: { ...process.env, TMPDIR: tmpParent },
        });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        let done = false;
        const exited = new Promise<number | null>((resolve) =>
          child.on("exit", (c) => {
            done = true;
            resolve(c);
          }),
        );
        const started = Date.now();
        let seen = false;
        while (!done && !seen && Date.now() - started < 60_000) {
          seen = fs.readdirSync(outDir).some((f) => f.endsWith(".tmp"));
          if (!seen) await new Promise((r) => setTimeout(r, 5));
        }
        if (seen) child.kill(signal);
        const status = await exited;
        if (status === 0 && attempt < 3) continue; // finished before the signal: not a mid-run kill
        expect(seen).toBe(true);
        expect(status).toBe(code);
        expect(fs.readdirSync(outDir)).toEqual([]);
        expect(fs.readdirSync(tmpParent)).toEqual([]);
        expect(stderr).not.toMatch(/\n\s+at /);
        return;
      }
    },
    120_000,
  );

  test("the spool folder of a killed run (dead PID) is removed by the next run", () => {
    const tmpParent = fs.mkdtempSync(path.join(dir, "tmp-"));
    fs.mkdirSync(path.join(tmpParent, "kpi-scorecard-spool-999999"));
    fs.writeFileSync(path.join(tmpParent, "kpi-scorecard-spool-999999", "tmp-999999-abc"), "x".repeat(1000));
    fs.mkdirSync(path.join(tmpParent, "someone-else"));
    const run = spawnSync(process.execPath, [BIN, "apply", csv, "--json", at("s.json"), "--quiet"], {
      env: { ...process.env, TMPDIR: tmpParent },
      encoding: "utf8",
    });
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(fs.readdirSync(tmpParent)).toEqual(["someone-else"]);
  });
});
