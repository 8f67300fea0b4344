/**
 * What the pane needs from the template validator: the built-in templates (validated when loaded),
 * parsing an imported or stored file, and checking each edit. ajv and its compiled schema are large and
 * not needed to paint the pane, so they come in their own chunk, loaded once on first use.
 */
import type { TemplateResult } from "../engine/templates/validateTemplate";
import type { ColumnMapping, DimensionRole, Template } from "../engine/types";

export interface TemplateTools {
  BUILTIN_TEMPLATES: readonly Template[];
  parseTemplateJson: (text: string) => TemplateResult;
  validateTemplate: (json: unknown) => TemplateResult;
  quickStartTemplate: (mapping: ColumnMapping, groupBy?: DimensionRole) => Template | null;
}

let loading: Promise<TemplateTools> | null = null;

/** The template validator's chunk; later calls share the first load. */
export function loadTemplateTools(): Promise<TemplateTools> {
  if (!loading) {
    loading = Promise.all([
      import(/* webpackChunkName: "template-tools" */ "../engine/templates"),
      import(/* webpackChunkName: "template-tools" */ "../engine/quickStart"),
    ]).then(([templates, quickStart]) => ({
      BUILTIN_TEMPLATES: templates.BUILTIN_TEMPLATES,
      parseTemplateJson: templates.parseTemplateJson,
      validateTemplate: templates.validateTemplate,
      quickStartTemplate: quickStart.quickStartTemplate,
    }));
    // A failed load (network) is retried on the next call rather than remembered.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
