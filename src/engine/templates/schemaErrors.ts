import type { ErrorObject } from "ajv";
import type { TemplateError } from "../types";
import { joinPath, pointerToPath } from "./templatePath";
import { TARGET_TYPES } from "./templateSchema";

/** What each schema `type` means in plain words. */
const TYPE_WORDS: Record<string, string> = {
  number: "a number",
  integer: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/** Plain-words meaning of the schema's patterns. */
const PATTERN_WORDS: Record<string, string> = {
  "^#[0-9A-Fa-f]{6}$": "must be a colour like #107C10",
  "^[a-z][a-z0-9_]*$": "must be a lower-case id (letters, digits and _, starting with a letter)",
  "^[A-Za-z0-9][A-Za-z0-9._-]*$": "must use only letters, digits, '.', '_' and '-', starting with a letter or digit",
};

/** Turns ajv's errors into TemplateErrors with readable paths and messages, without duplicates. */
export function schemaErrors(errors: ErrorObject[]): TemplateError[] {
  const seen = new Set<string>();
  const result: TemplateError[] = [];
  for (const error of errors) {
    const converted = toTemplateError(error);
    if (converted === null) continue;
    const key = `${converted.path}\u0000${converted.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(converted);
  }
  return result;
}

function toTemplateError(error: ErrorObject): TemplateError | null {
  const path = pointerToPath(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path, message: `required property '${p.missingProperty}' is missing` };
    case "additionalProperties":
      return { path, message: `unknown property '${p.additionalProperty}'` };
    case "enum":
      return { path, message: `must be one of: ${(p.allowedValues as unknown[]).join(", ")}` };
    case "const":
      return { path, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case "type":
      return { path, message: `must be ${TYPE_WORDS[String(p.type)] ?? String(p.type)}` };
    case "minimum":
      return { path, message: `must be at least ${p.limit}` };
    case "maximum":
      return { path, message: `must be at most ${p.limit}` };
    case "exclusiveMinimum":
      return { path, message: `must be above ${p.limit}` };
    case "exclusiveMaximum":
      return { path, message: `must be below ${p.limit}` };
    case "minItems":
      return { path, message: p.limit === 1 ? "must not be empty" : `must have at least ${p.limit} items` };
    case "minLength":
      return { path, message: p.limit === 1 ? "must not be empty" : `must be at least ${p.limit} characters` };
    case "maxLength":
      return { path, message: `must be at most ${p.limit} characters` };
    case "uniqueItems":
      return { path, message: `must not repeat: items ${p.j} and ${p.i} are the same` };
    case "pattern":
      return { path, message: PATTERN_WORDS[String(p.pattern)] ?? `must match ${p.pattern}` };
    case "discriminator":
      // A missing or non-text `type` is already reported by `required` / `type`; an unknown one by the
      // `enum` on `type`, with this same path and message (deduplicated).
      if (p.error === "tag") return null;
      return { path: joinPath(path, String(p.tag)), message: `must be one of: ${TARGET_TYPES.join(", ")}` };
    default:
      return { path, message: error.message ?? error.keyword };
  }
}
