import Ajv2020 from "ajv/dist/2020";
import type { Template, TemplateError } from "../types";
import { deepFreeze } from "./deepFreeze";
import { schemaErrors } from "./schemaErrors";
import { TEMPLATE_SCHEMA } from "./templateSchema";
import { checkTemplateRules } from "./templateRules";
import { withDefaults, withTopLevelDefaults, type TemplateFile } from "./withDefaults";

export type TemplateResult = { ok: true; template: Template } | { ok: false; errors: TemplateError[] };

// Compiled once: validating is then a plain function call.
const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true });
const matchesSchema = ajv.compile<TemplateFile & { $schema?: string }>(TEMPLATE_SCHEMA);

/**
 * Checks a parsed template: its shape against TEMPLATE_SCHEMA (all errors at once), then, once the shape is
 * right, the rules a schema cannot express (checkTemplateRules). On success the template comes back with its
 * defaults filled in and deep-frozen; the input is never modified. Every error names its path.
 */
export function validateTemplate(json: unknown): TemplateResult {
  if (!matchesSchema(json)) return { ok: false, errors: schemaErrors(matchesSchema.errors ?? []) };
  const filled = withTopLevelDefaults(json);
  const errors = checkTemplateRules(filled);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, template: deepFreeze(withDefaults(filled)) };
}
