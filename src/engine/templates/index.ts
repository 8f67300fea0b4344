/** KPI templates (product.md §6): schema, validation, built-ins, import/export, SMART check. */
export { TEMPLATE_SCHEMA } from "./templateSchema";
export { validateTemplate } from "./validateTemplate";
export { TEMPLATE_DEFAULTS } from "./withDefaults";
export type { TemplateFile } from "./withDefaults";
export type { TemplateResult } from "./validateTemplate";
export { parseTemplateJson } from "./parseTemplateJson";
export { exportTemplate } from "./exportTemplate";
export { BUILTIN_TEMPLATES, getBuiltinTemplate } from "./builtinTemplates";
export { smartCheck, ATTAINABLE_LOW, ATTAINABLE_HIGH } from "./smartCheck";
export type { SmartInput } from "./smartCheck";
