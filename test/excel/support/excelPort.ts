/** A WorkbookPort on the fake Excel, with no real waiting between cell-edit retries. */
import { createExcelWorkbook, type ExcelHostOptions, type ExcelRunner } from "../../../src/excel";
import type { WorkbookPort } from "../../../src/workbook/contract";
import { createFakeWorkbook, type FakeExcel, type FakeOptions, type FakeSeed } from "../../fakes/excel";

export function fakePort(
  seed: FakeSeed,
  options: FakeOptions = {},
  host: ExcelHostOptions = {},
): { fake: FakeExcel; port: WorkbookPort; waits: number[] } {
  const fake = createFakeWorkbook(seed, options);
  const waits: number[] = [];
  const port = createExcelWorkbook(fake.run as unknown as ExcelRunner, {
    isSetSupported: (name, version) => fake.isSetSupported(name, version),
    sleep: async (ms) => void waits.push(ms),
    ...host,
  });
  return { fake, port, waits };
}

/** A small sales sheet with a table over it (header + 3 rows). */
export function salesSeed(): FakeSeed {
  return {
    sheets: [
      {
        name: "Data",
        values: [
          ["Date", "Rep", "Customer", "Revenue", "Cost", "Bad debt"],
          ["2026-03-01", "An", '=HYPERLINK("x")', 100, 80, 0],
          ["2026-03-02", "Bình", "Cửa hàng A", 200, 250, 5],
          ["2026-03-03", "An", "Cửa hàng B", 300, 200, 0],
        ],
        tables: [{ name: "Sales", address: "A1:F4" }],
      },
    ],
  };
}

/**
 * The fake's snapshot with the ownership token (random per run) masked, so two runs that write the
 * same sheets compare equal.
 */
export function comparable(fake: FakeExcel): unknown {
  const text = JSON.stringify(fake.snapshot())
    .replace(/\\"token\\":\\"[A-Za-z0-9]+\\"/g, '\\"token\\":\\"*\\"')
    .replace(/=\\"[A-Za-z0-9]{16}\\"/g, '=\\"*\\"');
  return JSON.parse(text);
}
