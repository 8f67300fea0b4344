/**
 * Bonus amounts through the pane's host actions over the fake Excel host (issue 13 §3): Apply writes a money
 * Bonus column (payout × base per rep, the total as their sum) and the summary gives the total bonus cost.
 */
import { getBuiltinTemplate } from "../../src/engine";
import type { Template } from "../../src/engine/types";
import { createExcelWorkbook, type ExcelRunner } from "../../src/excel";
import { createI18n } from "../../src/i18n";
import { createHostActions } from "../../src/taskpane/hostActions";
import { createFakeWorkbook } from "../fakes/excel";
import { COLLECTED_HEADER, SALES_SHEET, SALES_TABLE, SAMPLE_HEADERS, sampleSalesValues } from "../e2e/sampleSales";

jest.setTimeout(30000);

test("Apply with a bonus base writes payout × base per rep, the total as their sum, and the summary's total cost", async () => {
  const values = sampleSalesValues(10);
  const fake = createFakeWorkbook({
    sheets: [{ name: SALES_SHEET, values, tables: [{ name: SALES_TABLE, address: `A1:L${values.length}` }] }],
    selection: { sheet: SALES_SHEET, address: "B2" },
  });
  const port = createExcelWorkbook(fake.run as unknown as ExcelRunner, {
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
  });
  const actions = createHostActions({ port, t: createI18n("en").t, activateSheet: async () => {} });
  const template = { ...(getBuiltinTemplate("collections-credit") as Template), bonus: { base: 1000 } };
  const result = await actions.apply(
    {
      source: { kind: "table", name: SALES_TABLE },
      targets: null,
      template,
      overrides: { collected: SAMPLE_HEADERS.indexOf(COLLECTED_HEADER) },
      lang: "en",
      sourceRules: false,
    },
    () => {},
  );
  if (!result.ok) throw new Error(result.message);

  // Row 1 holds the KPI names over their columns, row 2 the column names.
  const sheet = fake.sheetNames().find((name) => fake.values(name)[1]?.includes("Bonus"))!;
  const [, header, ...rows] = fake.values(sheet);
  const bonusAt = header.indexOf("Bonus");
  const payoutAt = header.indexOf("Payout");
  const levelAt = header.indexOf("Level");
  expect(bonusAt).toBe(payoutAt + 1);
  // Depth-first reading order: the first row is a rep (the scored level), the last the total.
  const reps = rows.filter((row) => row[levelAt] === rows[0][levelAt]);
  expect(reps.length).toBe(4);
  for (const rep of reps) expect(rep[bonusAt]).toBeCloseTo((rep[payoutAt] as number) * 1000, 6);
  const sum = reps.reduce((total, rep) => total + (rep[bonusAt] as number), 0);
  const total = rows[rows.length - 1];
  expect(total[bonusAt]).toBeCloseTo(sum, 6);
  expect(result.summary.bonusTotal).toBeCloseTo(sum, 6);
  expect(fake.numberFormat(sheet, 2, bonusAt)).toBe("#,##0");
});
