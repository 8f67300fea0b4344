import { getBuiltinTemplate, smartCheck, validateTemplate, type SmartInput } from "../../../src/engine/templates";
import type { Template } from "../../../src/engine/types";
import { validTemplateJson } from "./templateBuilder";

const template = getBuiltinTemplate("collections-credit")!;

/** A collection_rate input that passes every check; tests change one field at a time. */
function input(overrides: Partial<SmartInput> = {}): SmartInput {
  return {
    kpi: "collection_rate",
    hasDefinition: true,
    requiredRoles: ["receivable", "collected"],
    missingRoles: [],
    rolesWithoutValues: [],
    target: 0.95,
    pastActuals: [0.8, 0.9, 0.97],
    weight: 45,
    ...overrides,
  };
}

function checksOf(item: SmartInput, against: Template = template) {
  return smartCheck([item], against)[0].checks;
}

describe("smartCheck", () => {
  it("passes a KPI that is defined, mapped, with a target inside its history, weighted, and periodic", () => {
    const [result] = smartCheck([input()], template);
    expect(result.kpi).toBe("collection_rate");
    expect(Object.values(result.checks).every((check) => check.ok)).toBe(true);
    expect(result.checks.timeBound.detail).toBe("Measured per month.");
  });

  it("gives one result per input, in order", () => {
    const items = [input(), input({ kpi: "bad_debt_rate" }), input({ kpi: "net_sales" })];
    expect(smartCheck(items, template).map((item) => item.kpi)).toEqual([
      "collection_rate",
      "bad_debt_rate",
      "net_sales",
    ]);
  });

  it("specific: fails without a definition", () => {
    expect(checksOf(input({ hasDefinition: false })).specific).toEqual({
      ok: false,
      detail: "collection_rate has no definition: describe how it is calculated.",
      code: "specific_no_definition",
      params: { kpi: "collection_rate" },
    });
  });

  it("measurable: names the unmapped roles, then the roles whose columns are empty", () => {
    expect(checksOf(input({ missingRoles: ["receivable", "collected"] })).measurable).toEqual({
      ok: false,
      detail: "Map a column for: receivable, collected.",
      code: "measurable_unmapped",
      params: { roles: "receivable, collected" },
    });
    expect(checksOf(input({ rolesWithoutValues: ["collected"] })).measurable).toEqual({
      ok: false,
      detail: "No values in the columns for: collected.",
      code: "measurable_no_values",
      params: { roles: "collected" },
    });
  });

  it("attainable: a target inside [50 % of the lowest, 150 % of the highest] past actual passes", () => {
    // past 800 … 1,000 → range 0.5 × 800 = 400 to 1.5 × 1,000 = 1,500
    const item = input({ kpi: "net_sales", target: 1500, pastActuals: [1000, 800, 900] });
    expect(checksOf(item).attainable).toEqual({
      ok: true,
      detail: "Target 1,500 is within 400 to 1,500 (past 3 periods: 800 to 1,000).",
      code: "attainable_ok",
      params: { target: 1500, low: 400, high: 1500, periods: 3, lowest: 800, highest: 1000 },
    });
  });

  it("attainable: a target above 150 % of the highest past actual fails and says the limit", () => {
    // highest 1,000,000 × 1.5 = 1,500,000 < 10,000,000 (a zero too many)
    const item = input({ kpi: "net_sales", target: 10_000_000, pastActuals: [900_000, 1_000_000] });
    const check = checksOf(item).attainable;
    expect(check.ok).toBe(false);
    expect(check.code).toBe("attainable_too_high");
    expect(check.detail).toBe(
      "Target 10,000,000 is above 150% of the highest past actual (past 2 periods: 900,000 to 1,000,000); lower it to at most 1,500,000.",
    );
  });

  it("attainable: a target below 50 % of the lowest past actual fails", () => {
    // lowest 0.8 × 0.5 = 0.4 > 0.3
    const check = checksOf(input({ target: 0.3 })).attainable;
    expect(check.ok).toBe(false);
    expect(check.detail).toContain("raise it to at least 0.4");
    expect(check.code).toBe("attainable_too_low");
  });

  it("attainable: one past period is named in the singular", () => {
    // one past actual 1,000 → range 500 to 1,500; 1,200 is inside
    const item = input({ kpi: "net_sales", target: 1200, pastActuals: [1000] });
    expect(checksOf(item).attainable.detail).toBe(
      "Target 1,200 is within 500 to 1,500 (past 1 period: 1,000 to 1,000).",
    );
  });

  it("attainable: no target, or no history, is not ok and says why", () => {
    expect(checksOf(input({ target: null })).attainable).toEqual({
      ok: false,
      detail: "No target: set one in the template or the targets table.",
      code: "attainable_no_target",
    });
    expect(checksOf(input({ pastActuals: [] })).attainable).toEqual({
      ok: false,
      detail: "No past periods in the data to compare the target with.",
      code: "attainable_no_past",
    });
    expect(checksOf(input({ pastActuals: [NaN] })).attainable.ok).toBe(false);
  });

  it("relevant: a weight of 0 fails unless the KPI is a gate", () => {
    expect(checksOf(input({ weight: 0 })).relevant).toEqual({
      ok: false,
      detail: "Weight is 0: give it a weight or remove it.",
      code: "relevant_no_weight",
      params: { weight: 0 },
    });
    const gated = getBuiltinTemplate("margin-mix")!;
    expect(checksOf(input({ kpi: "margin_mix", weight: 0 }), gated).relevant.ok).toBe(true);
  });

  it("relevant: fails when the template's weights do not sum to 100", () => {
    // An unvalidated template (e.g. being edited in the task pane): 45 + 35 + 10 = 90.
    const editing: Template = {
      ...template,
      kpis: template.kpis.map((kpi) => (kpi.kpi === "net_sales" ? { ...kpi, weight: 10 } : kpi)),
    };
    expect(checksOf(input(), editing).relevant).toEqual({
      ok: false,
      detail: "Template weights sum to 90, not 100.",
      code: "relevant_weights_sum",
      params: { sum: 90 },
    });
  });

  it("time-bound: fails when the template has no period", () => {
    const noPeriod = { ...template, period: undefined } as unknown as Template;
    expect(checksOf(input(), noPeriod).timeBound).toEqual({
      ok: false,
      detail: "No period: choose month, quarter, year, week or day.",
      code: "time_bound_no_period",
    });
    const quarterly = validTemplateJson();
    quarterly.period = { kind: "quarter", fiscalYearStartMonth: 4 };
    const result = validateTemplate(quarterly);
    if (!result.ok) throw new Error("fixture should be valid");
    expect(checksOf(input(), result.template).timeBound).toEqual({
      ok: true,
      detail: "Measured per quarter.",
      code: "time_bound_ok",
      params: { periodKind: "quarter" },
    });
  });
});
