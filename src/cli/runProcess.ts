/**
 * The CLI as an operating-system process (bin/kpi-scorecard.js): what `main` cannot do in-process.
 * - A reader that stops early (`--json - | head -c 10`): EPIPE on stdout or stderr is not an
 *   error of the run; further output is dropped and the run ends with its own exit code.
 * - Ctrl-C / SIGTERM: temporary files beside OUTPUT and ExcelJS's spool files are removed, exit
 *   130 / 143. Spool files go to a private folder (TMPDIR) named by our PID, so a killed run's
 *   folder is recognised and removed by the next run.
 * - A run that ends without settling (a promise nobody resolves) never exits 0 silently.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isAlive, removeTemporaryFiles } from "../xlsx/atomicWrite";
import type { CliIo } from "./io";
import { main } from "./main";

const SPOOL_PREFIX = "kpi-scorecard-spool-";

/** A private spool folder for this run; spool folders of runs that were killed are removed. */
export function privateSpoolFolder(parent = os.tmpdir()): string {
  try {
    for (const name of fs.readdirSync(parent)) {
      if (!name.startsWith(SPOOL_PREFIX)) continue;
      const pid = Number(name.slice(SPOOL_PREFIX.length));
      if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid))
        fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  } catch {
    // An unreadable temp folder: nothing stale can be removed, the run goes on.
  }
  const folder = path.join(parent, `${SPOOL_PREFIX}${process.pid}`);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** Once the reader has gone (EPIPE), output is dropped instead of crashing the run. */
function pipeSafe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
  return stream;
}

export function runAsProcess(argv: string[]): void {
  let settled = false;
  let spool: string | null = null;
  const cleanUp = () => {
    removeTemporaryFiles();
    if (spool) fs.rmSync(spool, { recursive: true, force: true });
    spool = null;
  };
  try {
    spool = privateSpoolFolder();
    process.env.TMPDIR = spool;
  } catch {
    spool = null;
  }
  process.on("exit", (code) => {
    cleanUp();
    if (!settled && code === 0) {
      process.stderr.write("kpi-scorecard: internal error: the run stopped before it finished; nothing was written\n");
      process.exitCode = 1;
    }
  });
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.on(signal, () => {
      settled = true;
      cleanUp();
      process.exit(code);
    });
  }
  const io: CliIo = { stdout: pipeSafe(process.stdout), stderr: pipeSafe(process.stderr) };
  main(argv, io).then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (error: unknown) => {
      settled = true;
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.stderr.write(`kpi-scorecard: internal error: ${text.split("\n").slice(0, 2).join(" ").slice(0, 600)}\n`);
      process.exitCode = 1;
    },
  );
}
