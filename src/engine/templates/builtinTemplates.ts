import type { Template } from "../types";
import collectionsCredit from "./builtin/collections-credit.json";
import growthStage from "./builtin/growth-stage.json";
import marginMix from "./builtin/margin-mix.json";
import matureStage from "./builtin/mature-stage.json";
import salesRep from "./builtin/sales-rep.json";
import { validateTemplate } from "./validateTemplate";

/**
 * The built-in templates (product.md §6), kept as the same JSON files finance staff share, and validated
 * when this module loads: a broken built-in is a programming mistake and fails loudly, naming the path.
 */
export const BUILTIN_TEMPLATES: readonly Template[] = Object.freeze(
  [salesRep, collectionsCredit, marginMix, growthStage, matureStage].map(loadBuiltin),
);

const byId = new Map(BUILTIN_TEMPLATES.map((template) => [template.id, template]));

/** A built-in template by id (`sales-rep`, `collections-credit`, `margin-mix`, `growth-stage`, `mature-stage`). */
export function getBuiltinTemplate(id: string): Template | undefined {
  return byId.get(id);
}

function loadBuiltin(json: unknown): Template {
  const result = validateTemplate(json);
  if (!result.ok) {
    const id = (json as { id?: unknown }).id;
    const details = result.errors.map((error) => `${error.path}: ${error.message}`).join("; ");
    throw new Error(`Built-in template ${String(id)} is invalid: ${details}`);
  }
  return result.template;
}
