import { KPI_IDS } from "../../../src/engine/kpis";
import { readFileSync } from "fs";
import { join } from "path";
import Ajv2020 from "ajv/dist/2020";
import { TEMPLATE_SCHEMA } from "../../../src/engine/templates";
import { DIMENSION_ROLES } from "../../../src/engine/types";
import { validTemplateJson } from "./templateBuilder";

const SCHEMA_FILE = join(__dirname, "../../../src/engine/templates/template.schema.json");

describe("TEMPLATE_SCHEMA", () => {
  it("is the same schema as template.schema.json, the file finance staff use in their editor", () => {
    // If this fails after adding a KPI or changing templateSchema.ts: npm run schema.
    expect(JSON.parse(readFileSync(SCHEMA_FILE, "utf8"))).toEqual(TEMPLATE_SCHEMA);
  });

  it("lists exactly the engine's KPI ids and dimension roles", () => {
    expect(TEMPLATE_SCHEMA.$defs.templateKpi.properties.kpi.enum).toEqual([...KPI_IDS]);
    expect(TEMPLATE_SCHEMA.properties.groupBy.enum).toEqual([...DIMENSION_ROLES]);
  });

  it("works as a plain draft 2020-12 schema too (no ajv-only options needed by editors' validators)", () => {
    // An editor ignores the `discriminator` keyword; a plain validator must still accept and reject.
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
    const json = validTemplateJson();
    expect(validate(json)).toBe(true);
    (json.period as Record<string, unknown>).fiscalYearStartMonth = 0;
    expect(validate(json)).toBe(false);
  });
});
