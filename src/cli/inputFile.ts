/** Files the CLI reads (INPUT, a targets CSV), checked before anything opens them. */
import * as fs from "fs";
import { EXIT, fail, type Outcome } from "./outcome";

/**
 * INPUT must be a regular file that can be opened: a folder, a pipe (reading it would wait forever)
 * or a device is named as such, before anything opens it.
 */
export function checkInputFile(file: string, what: string): Outcome<object> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return fail(EXIT.unreadableInput, `${what} ${file} does not exist`);
    return fail(EXIT.unreadableInput, `${what} ${file} cannot be read: ${code ?? String(error)}`);
  }
  if (stat.isDirectory()) return fail(EXIT.unreadableInput, `${what} ${file} is a folder, not a file`);
  if (!stat.isFile()) {
    const kind = stat.isFIFO() ? "a named pipe" : stat.isSocket() ? "a socket" : "a device";
    return fail(EXIT.unreadableInput, `${what} ${file} is ${kind}, not a regular file`);
  }
  try {
    fs.closeSync(fs.openSync(file, "r"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? String(error));
    return fail(EXIT.unreadableInput, `${what} ${file} cannot be read: ${why}`);
  }
  return { ok: true };
}
