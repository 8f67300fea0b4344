/** `kpi-scorecard templates [--json]`: the built-in templates, as a table or as their JSON. */
import { BUILTIN_TEMPLATES } from "../engine";
import type { Lang } from "../engine/types";

export function templatesText(lang: Lang): string {
  const lines = BUILTIN_TEMPLATES.map((t) => {
    const kpis = t.kpis.map((k) => `${k.kpi} ${k.weight}%${k.gate ? " (gate)" : ""}`).join(", ");
    return `${t.id.padEnd(20)} ${t.names[lang]}\n${"".padEnd(20)} by ${t.groupBy}, per ${t.period.kind}: ${kpis}`;
  });
  return lines.join("\n") + "\n";
}

export function templatesJson(): string {
  return JSON.stringify(BUILTIN_TEMPLATES, null, 2) + "\n";
}
