/**
 * The pane's pace options reach the run (issue 13 §2): Apply's as-of date and the template's pace settings go
 * through the same plan as the CLI's --as-of-date and --work-week (engine/runPlan.ts), over the real Office.js
 * adapter against the fake Excel host; the summary carries the pace and its basis.
 */
import { getBuiltinTemplate } from "../../src/engine";
import type { Template } from "../../src/engine/types";
import { createExcelWorkbook, type ExcelRunner } from "../../src/excel";
import { createI18n } from "../../src/i18n";
import { createHostActions } from "../../src/taskpane/hostActions";
import { createFakeWorkbook } from "../fakes/excel";
import { SALES_SHEET, SALES_TABLE, sampleSalesValues } from "../e2e/sampleSales";

jest.setTimeout(30000);

function setup(lang: "en" | "vi" = "en") {
  const values = sampleSalesValues(10); // January–June 2026
  const fake = createFakeWorkbook({
    sheets: [{ name: SALES_SHEET, values, tables: [{ name: SALES_TABLE, address: `A1:L${values.length}` }] }],
    selection: { sheet: SALES_SHEET, address: "B2" },
  });
  const port = createExcelWorkbook(fake.run as unknown as ExcelRunner, {
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
  });
  return createHostActions({ port, t: createI18n(lang).t, activateSheet: async () => {} });
}

const source = { kind: "table" as const, name: SALES_TABLE };
const salesRep = () => getBuiltinTemplate("sales-rep") as Template;

test("as of 13 March 2026 with a six-day week: March is scored as it stood, 11 of 26 working days", async () => {
  const actions = setup();
  const template = { ...salesRep(), pace: { workWeek: [1, 2, 3, 4, 5, 6] } };
  const result = await actions.apply(
    { source, targets: null, template, overrides: {}, lang: "en", sourceRules: false, asOfDate: "2026-03-13" },
    () => {},
  );
  if (!result.ok) throw new Error(result.message);
  expect(result.summary.period).toBe("2026-03");
  // Saturdays 7, 14, 21, 28 added to March's 22 weekdays; elapsed 2–7 and 9–13
  expect(result.summary.pace).toMatchObject({ asOfDate: "2026-03-13", elapsedWorkingDays: 11, periodWorkingDays: 26 });
  // No March 2025 in the data: the accruing KPIs count working days.
  const netSales = result.summary.pace!.kpis.find((k) => k.names.en === "Net sales")!;
  expect(netSales.basis).toBe("workingDays");
});

test("no as-of date: the latest complete period, no pace", async () => {
  const actions = setup();
  const result = await actions.apply(
    { source, targets: null, template: salesRep(), overrides: {}, lang: "en", sourceRules: false },
    () => {},
  );
  if (!result.ok) throw new Error(result.message);
  expect(result.summary.pace).toBeUndefined();
});

test("a bad as-of date that reaches the run is refused with the engine's message", async () => {
  const actions = setup("vi");
  const bad = await actions.apply(
    {
      source,
      targets: null,
      template: salesRep(),
      overrides: {},
      lang: "vi",
      sourceRules: false,
      asOfDate: "2026-13-01",
    },
    () => {},
  );
  expect(bad).toEqual({ ok: false, message: expect.stringContaining("Ngày tính “2026-13-01” không phải là ngày") });
});
