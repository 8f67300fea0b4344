import type { Template } from "../types";
import { withDefaults } from "./withDefaults";

/**
 * A template as a file's text (export, product.md §6): pretty JSON, keys always in the same order, defaults
 * written out, ending with a newline. parseTemplateJson reads it back to an equal template.
 */
export function exportTemplate(template: Template): string {
  return `${JSON.stringify(withDefaults(template), null, 2)}\n`;
}
