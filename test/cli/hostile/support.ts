/** Small hostile files built in the tests, and the checks every hostile run must pass. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CliRun } from "../support/runCli";

export const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "samples", "sales-en.xlsx");

export function tempFolder(): { dir: string; at: (name: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-hostile-"));
  afterAll(() => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      try {
        fs.chmodSync(p, 0o755);
      } catch {
        /* not ours */
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir, at: (name: string) => path.join(dir, name) };
}

export const CSV_HEADER = "Date,Salesperson,Region,Customer,Revenue,Cost,Collected,Receivable,Margin tier";

/** A CSV the sales-rep template scores: `rows` extra lines after three ordinary ones. */
export function salesCsv(file: string, rows: string[] = []): string {
  const lines = [
    CSV_HEADER,
    "2025-01-05,Ann,North,Mart,100,60,90,100,Premium",
    "2025-02-05,Bob,South,Shop,200,120,150,200,Standard",
    "2025-03-05,Ann,North,Mart,300,200,300,300,Premium",
    ...rows,
  ];
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

/**
 * A folder this process cannot create files in: a 0555 folder, or (as root, who ignores
 * permissions) /sys, where even root gets "permission denied". Null when neither holds.
 */
export function readOnlyFolder(parent: string): string | null {
  const folder = path.join(parent, "read-only");
  fs.mkdirSync(folder, { recursive: true });
  fs.chmodSync(folder, 0o555);
  for (const candidate of [folder, "/sys"]) {
    const probe = path.join(candidate, `probe-${process.pid}`);
    try {
      fs.writeFileSync(probe, "");
      fs.rmSync(probe);
    } catch {
      return candidate;
    }
  }
  return null;
}

/** Failed with `code`, exactly one line on stderr, no stack trace, nothing written. */
export function expectOneLineFailure(run: CliRun, code: number, message: RegExp, written: string[] = []): void {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code, stderr: expect.stringMatching(message) });
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const file of written) {
    expect(fs.existsSync(file)).toBe(false);
    if (fs.existsSync(path.dirname(file)))
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }
}
