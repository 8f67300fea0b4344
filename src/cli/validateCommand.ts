/** `kpi-scorecard validate TEMPLATE.json`: checks a template file against the schema and rules. */
import * as fs from "fs";
import { parseTemplateJson } from "../engine";
import { EXIT, fail, type Outcome } from "./outcome";

export function validateTemplateFile(file: string): Outcome<{ summary: string }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    return fail(EXIT.badArguments, `${file} does not exist: pass the path of a template .json file`);
  const parsed = parseTemplateJson(fs.readFileSync(file, "utf8"));
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `${e.path || "(document)"}: ${e.message}`);
    return fail(EXIT.invalidTemplate, `template ${file} is invalid: ${lines.join("; ")}`);
  }
  const t = parsed.template;
  return {
    ok: true,
    summary: `${file}: valid template "${t.id}" version ${t.version}, ${t.kpis.length} KPIs, by ${t.groupBy} per ${t.period.kind}`,
  };
}
