/** `--template ID|FILE`: a built-in id, or a JSON file validated against the schema (errors name the path). */
import * as fs from "fs";
import { BUILTIN_TEMPLATES, getBuiltinTemplate, parseTemplateJson } from "../engine";
import type { Template, TemplateError } from "../engine/types";
import { EXIT, fail, type Outcome } from "./outcome";

export function describeTemplateErrors(file: string, errors: TemplateError[]): string {
  const first = errors[0];
  const where = first.path ? `${first.path}: ` : "";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
  return `template ${file} is invalid: ${where}${first.message}${more}`;
}

export function loadTemplate(idOrFile: string): Outcome<{ template: Template }> {
  const builtin = getBuiltinTemplate(idOrFile);
  if (builtin) return { ok: true, template: builtin };
  if (!fs.existsSync(idOrFile) || !fs.statSync(idOrFile).isFile()) {
    const ids = BUILTIN_TEMPLATES.map((t) => t.id).join(", ");
    return fail(EXIT.badArguments, `--template ${idOrFile}: not a built-in template (${ids}) nor a file`);
  }
  const parsed = parseTemplateJson(fs.readFileSync(idOrFile, "utf8"));
  if (!parsed.ok) return fail(EXIT.invalidTemplate, describeTemplateErrors(idOrFile, parsed.errors));
  return { ok: true, template: parsed.template };
}
