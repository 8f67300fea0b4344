/** `kpi-scorecard templates [--json] [--for INPUT [--quick-start FILE]]`: the built-in templates, ranked for an input. */
import * as fs from "fs";
import { BUILTIN_TEMPLATES, exportTemplate, QUICK_START_ID, quickStartTemplate, rankTemplates } from "../engine";
import type { Lang, Role } from "../engine/types";
import { checkOutputPath } from "../xlsx/atomicWrite";
import { EXIT, fail, type Outcome } from "./outcome";
import { readSalesSource } from "./readSalesSource";
import { writeJsonAtomically } from "./writeJson";

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

/**
 * `templates --for INPUT`: the built-in templates ranked by how much of their weight INPUT's columns
 * support, and the quick-start template built from those columns (written to `quickStart` when given).
 */
export async function templatesFor(o: {
  input: string;
  sheet?: string;
  map: Partial<Record<Role, string>>;
  quickStart?: string;
  force: boolean;
}): Promise<Outcome<{ text: string }>> {
  if (!fs.existsSync(o.input)) return fail(EXIT.unreadableInput, `INPUT ${o.input} does not exist`);
  if (o.quickStart) {
    const check = checkOutputPath(o.quickStart, o.force);
    if (!check.ok) return fail(EXIT.badArguments, check.message);
  }
  const source = await readSalesSource(
    { file: o.input, sheet: o.sheet, overrides: o.map, requiredRoles: [], loadRoles: new Set<Role>(["date"]) },
    { kind: "stream" },
    () => {},
  );
  if (!source.ok) return source;
  const lines = rankTemplates(BUILTIN_TEMPLATES, source.mapping).map((s) => {
    const missing = s.unsupported.map((u) => `${u.kpi} (no ${u.missingRoles.join(", ") || "definition"})`);
    const head = `${s.template.id.padEnd(20)} ${Math.round(s.supportedWeight).toString().padStart(3)} % of the weight supported`;
    if (!s.runnable) return `${head}; no ${s.template.groupBy} or date column: no scorecard`;
    return missing.length > 0 ? `${head}; not available: ${missing.join(", ")}` : head;
  });
  const quick = quickStartTemplate(source.mapping);
  lines.push(
    quick
      ? `${QUICK_START_ID.padEnd(20)} by ${quick.groupBy}: ${quick.kpis.map((k) => k.kpi).join(", ")} (equal weights, targets from history)`
      : `${QUICK_START_ID.padEnd(20)} none: the sheet has no date and dimension column, or no KPI it supports`,
  );
  if (o.quickStart && quick) {
    await writeJsonAtomically(o.quickStart, exportTemplate(quick));
    lines.push(`wrote ${o.quickStart}`);
  }
  return { ok: true, text: lines.join("\n") + "\n" };
}
