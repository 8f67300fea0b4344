import { BUILTIN_TEMPLATES } from "../../src/engine";
import { loadTemplateTools } from "../../src/taskpane/templateTools";

test("the lazily loaded template tools are the engine's built-ins, parser and validator, loaded once", async () => {
  const first = loadTemplateTools();
  expect(loadTemplateTools()).toBe(first);
  const tools = await first;
  expect(tools.BUILTIN_TEMPLATES).toBe(BUILTIN_TEMPLATES);
  expect(tools.validateTemplate(BUILTIN_TEMPLATES[0]).ok).toBe(true);
  const parsed = tools.parseTemplateJson("{");
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.errors[0].message).toMatch(/^not valid JSON/);
});

test("a failed load is not remembered: the next call loads again", async () => {
  let attempts = 0;
  await jest.isolateModulesAsync(async () => {
    jest.doMock("../../src/engine/templates", () => {
      attempts += 1;
      if (attempts === 1) throw new Error("chunk template-tools failed to load");
      return { BUILTIN_TEMPLATES: [], parseTemplateJson: () => null, validateTemplate: () => null };
    });
    const { loadTemplateTools: load } = await import("../../src/taskpane/templateTools");
    await expect(load()).rejects.toThrow("chunk template-tools failed to load");
    await expect(load()).resolves.toMatchObject({ BUILTIN_TEMPLATES: [] });
    expect(attempts).toBe(2);
  });
});
