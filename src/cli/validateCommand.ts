/** `kpi-scorecard validate TEMPLATE.json`: checks a template file against the schema and rules. */
import { parseTemplateJson } from "../engine";
import { listTemplateErrors, MAX_TEMPLATE_BYTES, readTemplateText } from "./loadTemplate";
import { EXIT, fail, type Outcome } from "./outcome";

export function validateTemplateFile(file: string, maxBytes = MAX_TEMPLATE_BYTES): Outcome<{ summary: string }> {
  const read = readTemplateText(file, maxBytes);
  if (!read.ok) return read;
  const parsed = parseTemplateJson(read.text);
  if (!parsed.ok) return fail(EXIT.invalidTemplate, listTemplateErrors(file, parsed.errors));
  const t = parsed.template;
  return {
    ok: true,
    summary: `${file}: valid template "${t.id}" version ${t.version}, ${t.kpis.length} KPIs, by ${t.groupBy} per ${t.period.kind}`,
  };
}
