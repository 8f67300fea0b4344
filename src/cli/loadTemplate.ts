/** `--template ID|FILE`: a built-in id, or a JSON file validated against the schema (errors name the path). */
import * as fs from "fs";
import { BUILTIN_TEMPLATES, getBuiltinTemplate, parseTemplateJson } from "../engine";
import type { Template, TemplateError } from "../engine/types";
import { EXIT, fail, type Outcome } from "./outcome";

/** Largest template file read (the built-ins are a few KB): a 600 MB file is refused before it is read. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Problems listed in one message; the rest are counted. */
const MAX_LISTED_PROBLEMS = 10;

export function describeTemplateErrors(file: string, errors: TemplateError[]): string {
  const first = errors[0];
  const where = first.path ? `${first.path}: ` : "";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
  return `template ${file} is invalid: ${where}${first.message}${more}`;
}

/** Every problem, up to MAX_LISTED_PROBLEMS, then how many more. */
export function listTemplateErrors(file: string, errors: TemplateError[]): string {
  const lines = errors.slice(0, MAX_LISTED_PROBLEMS).map((e) => `${e.path || "(document)"}: ${e.message}`);
  const more = errors.length - lines.length;
  return `template ${file} is invalid: ${lines.join("; ")}${more > 0 ? ` (and ${more} more problem${more > 1 ? "s" : ""})` : ""}`;
}

/**
 * The text of a template file: a regular file (a folder, a pipe or a device is named as such,
 * not read), at most `maxBytes` long (checked before reading), as UTF-8.
 */
export function readTemplateText(file: string, maxBytes = MAX_TEMPLATE_BYTES): Outcome<{ text: string }> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return fail(EXIT.badArguments, `${file} does not exist: pass the path of a template .json file`);
  }
  if (stat.isDirectory()) return fail(EXIT.badArguments, `template ${file} is a folder, not a .json file`);
  if (!stat.isFile()) {
    const kind = stat.isFIFO() ? "a named pipe" : stat.isSocket() ? "a socket" : "a device";
    return fail(EXIT.badArguments, `template ${file} is ${kind}, not a .json file`);
  }
  if (stat.size > maxBytes) {
    return fail(
      EXIT.invalidTemplate,
      `template ${file} is ${formatBytes(stat.size)}; a template file is at most ${formatBytes(maxBytes)} (the built-in ones are a few KB)`,
    );
  }
  try {
    return { ok: true, text: fs.readFileSync(file, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      EXIT.badArguments,
      `template ${file} cannot be read: ${code === "EACCES" ? "permission denied" : code}`,
    );
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${n} bytes`;
}

export function loadTemplate(idOrFile: string, maxBytes = MAX_TEMPLATE_BYTES): Outcome<{ template: Template }> {
  const builtin = getBuiltinTemplate(idOrFile);
  if (builtin) return { ok: true, template: builtin };
  if (!fs.existsSync(idOrFile)) {
    const ids = BUILTIN_TEMPLATES.map((t) => t.id).join(", ");
    return fail(EXIT.badArguments, `--template ${idOrFile}: not a built-in template (${ids}) nor a file`);
  }
  const read = readTemplateText(idOrFile, maxBytes);
  if (!read.ok) return read;
  const parsed = parseTemplateJson(read.text);
  if (!parsed.ok) return fail(EXIT.invalidTemplate, describeTemplateErrors(idOrFile, parsed.errors));
  return { ok: true, template: parsed.template };
}
