/**
 * Writes a file through a temporary file in the same folder, renamed at the end, so a failure
 * never leaves a half-written OUTPUT (and an existing OUTPUT stays as it was until the rename).
 *
 * Temporary files are named `.NAME.kpi-PID-N.tmp`, shortened so the name stays within the 255-byte
 * limit of file names, registered while they exist (removed on SIGINT/SIGTERM by the CLI) and,
 * when a run was killed, removed by the next run once their PID is no longer alive.
 */
import * as fs from "fs";
import * as path from "path";

export type OutputProblem = { ok: false; kind: "exists" | "no_folder" | "unwritable"; message: string } | { ok: true };

/** Longest file name (bytes) of the usual file systems (ext4, APFS, NTFS in UTF-16 units). */
const MAX_NAME_BYTES = 255;
const TEMP_NAME = /^\..*\.kpi-(\d+)-\d+(?:\.[\w-]+)?\.tmp$/;

let counter = 0;
/** Temporary files of this process that exist now; removed by `removeTemporaryFiles` on a signal. */
const live = new Set<string>();

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "the file system is read-only";
  if (code === "ENAMETOOLONG") return "the name is too long";
  if (code === "ENOSPC") return "the disk is full";
  if (code === "EISDIR") return "it is a folder";
  if (code === "ENOENT") return "the folder does not exist";
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** The temporary file beside `target` for this process, its name kept within 255 bytes. */
export function temporaryPathFor(target: string, tag = "tmp"): string {
  const resolved = path.resolve(target);
  const ending = `.kpi-${process.pid}-${++counter}${tag === "tmp" ? "" : `.${tag}`}.tmp`;
  const room = MAX_NAME_BYTES - Buffer.byteLength(ending) - 1;
  let base = path.basename(resolved);
  while (Buffer.byteLength(base) > room) base = base.slice(0, -1);
  // A cut in the middle of a surrogate pair would leave half a character.
  if (/[\uD800-\uDBFF]$/.test(base)) base = base.slice(0, -1);
  return path.join(path.dirname(resolved), `.${base}${ending}`);
}

export function trackTemporary(file: string): void {
  live.add(file);
}

export function untrackTemporary(file: string): void {
  live.delete(file);
  fs.rmSync(file, { force: true });
}

/** Removes this process's temporary files (a signal arrived, the run is being stopped). */
export function removeTemporaryFiles(): void {
  for (const file of live) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  live.clear();
}

/** Whether a process with this id is running (EPERM: it is, but another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the temporary files a killed run of this tool left in `folder` (their PID is gone). */
export function removeStaleTemporaryFiles(folder: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || +m[1] === process.pid || isAlive(+m[1])) continue;
    try {
      fs.rmSync(path.join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // Not ours to insist on: another user's file, a read-only folder.
    }
  }
  return removed;
}

/**
 * Checks an output path before any work: its folder exists, the target is not a folder, an
 * existing file needs `force`, and a file can be created there under the temporary name (a
 * read-only folder or a name too long is found now, not after the work).
 */
export function checkOutputPath(target: string, force: boolean, flag = "--out"): OutputProblem {
  const folder = path.dirname(path.resolve(target));
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    return {
      ok: false,
      kind: "no_folder",
      message: `output folder ${folder} does not exist: create it or choose another ${flag}`,
    };
  }
  if (Buffer.byteLength(path.basename(path.resolve(target))) > MAX_NAME_BYTES) {
    return {
      ok: false,
      kind: "unwritable",
      message: `${flag} ${target}: the file name is longer than ${MAX_NAME_BYTES} bytes: choose a shorter name`,
    };
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(target);
  } catch {
    stat = null;
  }
  if (stat?.isDirectory())
    return { ok: false, kind: "unwritable", message: `${flag} ${target} is a folder: name a file inside it` };
  if (stat && !stat.isFile())
    return { ok: false, kind: "unwritable", message: `${flag} ${target} is not a regular file: choose another path` };
  if (stat && !force) {
    return { ok: false, kind: "exists", message: `${target} already exists: add --force to replace it` };
  }
  removeStaleTemporaryFiles(folder);
  const probe = temporaryPathFor(target);
  try {
    fs.closeSync(fs.openSync(probe, "wx"));
    fs.rmSync(probe, { force: true });
  } catch (error) {
    return {
      ok: false,
      kind: "unwritable",
      message: `${flag} ${target} cannot be written in ${folder}: ${errorText(error)}`,
    };
  }
  return { ok: true };
}

export async function writeAtomically(target: string, write: (temporaryPath: string) => Promise<void>): Promise<void> {
  const resolved = path.resolve(target);
  const temporary = temporaryPathFor(resolved);
  trackTemporary(temporary);
  try {
    await write(temporary);
    fs.renameSync(temporary, resolved);
    live.delete(temporary);
  } catch (error) {
    untrackTemporary(temporary);
    throw new OutputWriteError(target, error);
  }
}

/** Writing OUTPUT failed (disk full, folder removed meanwhile): the CLI reports it as one line, exit 2. */
export class OutputWriteError extends Error {
  constructor(
    readonly target: string,
    readonly cause: unknown,
  ) {
    super(`${target} could not be written: ${errorText(cause)}`);
  }
}
