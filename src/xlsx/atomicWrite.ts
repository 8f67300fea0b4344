/**
 * Writes a file through a temporary file in the same folder, renamed at the end, so a failure
 * never leaves a half-written OUTPUT (and an existing OUTPUT stays as it was until the rename).
 */
import * as fs from "fs";
import * as path from "path";

export type OutputProblem = { ok: false; kind: "exists" | "no_folder"; message: string } | { ok: true };

/** Checks an output path before any work: its folder exists; an existing file needs `force`. */
export function checkOutputPath(target: string, force: boolean): OutputProblem {
  const folder = path.dirname(path.resolve(target));
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    return {
      ok: false,
      kind: "no_folder",
      message: `output folder ${folder} does not exist: create it or choose another --out`,
    };
  }
  if (fs.existsSync(target) && !force) {
    return { ok: false, kind: "exists", message: `${target} already exists: add --force to replace it` };
  }
  return { ok: true };
}

export async function writeAtomically(target: string, write: (temporaryPath: string) => Promise<void>): Promise<void> {
  const resolved = path.resolve(target);
  const temporary = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temporary);
    fs.renameSync(temporary, resolved);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
