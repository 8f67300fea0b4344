import {
  exportTemplate,
  getBuiltinTemplate,
  parseTemplateJson,
  BUILTIN_TEMPLATES,
} from "../../../src/engine/templates";
import { validTemplateJson } from "./templateBuilder";

describe("exportTemplate / parseTemplateJson", () => {
  it.each(BUILTIN_TEMPLATES.map((template) => [template.id, template] as const))(
    "%s round-trips to an equal template",
    (_id, template) => {
      const result = parseTemplateJson(exportTemplate(template));
      expect(result.ok ? result.template : result.errors).toEqual(template);
    },
  );

  it("writes pretty JSON with a stable key order, whatever the input order", () => {
    const json = validTemplateJson();
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    (reordered.kpis as Array<Record<string, unknown>>)[0].target = { value: 1000, type: "fixed" };
    const a = parseTemplateJson(JSON.stringify(json));
    const b = parseTemplateJson(JSON.stringify(reordered));
    if (!a.ok || !b.ok) throw new Error("fixture should be valid");
    const text = exportTemplate(b.template);
    expect(text).toBe(exportTemplate(a.template));
    expect(Object.keys(JSON.parse(text)).slice(0, 4)).toEqual(["schemaVersion", "id", "version", "names"]);
    expect(text).toContain('\n  "id": "fixture-rep",\n');
    expect(text).toContain('"target": {\n        "type": "fixed",\n        "value": 1000\n      }');
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("exports the defaults explicitly, so the file says what the engine does", () => {
    const exported = JSON.parse(exportTemplate(getBuiltinTemplate("margin-mix")!));
    expect(exported.kpis[0]).toMatchObject({ floor: 0, cap: 1.2, gate: false });
    expect(exported.bands).toHaveLength(3);
  });

  it("reads a file that starts with a byte-order mark", () => {
    const text = `\uFEFF${exportTemplate(getBuiltinTemplate("sales-rep")!)}`;
    expect(parseTemplateJson(text).ok).toBe(true);
  });

  it("reports text that is not JSON as one error at path '' with the line and column", () => {
    const result = parseTemplateJson('{\n  "id": "x",\n  oops\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].path).toBe("");
    expect(result.errors[0].message).toMatch(/^not valid JSON: .*line 3, column 3/);
  });

  it("reports valid JSON that is not a template through validation", () => {
    expect(parseTemplateJson("42")).toEqual({ ok: false, errors: [{ path: "", message: "must be an object" }] });
  });
});
