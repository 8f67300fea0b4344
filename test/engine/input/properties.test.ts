import fc from "fast-check";
import { loadSalesData } from "../../../src/engine/data";
import { parseDate, parseNumber } from "../../../src/engine/values";
import type { RawCell } from "../../../src/engine/types";
import { table } from "./fixtures";

const rawCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "#N/A",
    "1.234,5",
    "(12)",
    "15/03/2026",
    "2026年3月15日",
    "₫",
    "%",
    "()",
    "-",
    "1e999",
    "ngày tháng năm",
  ),
  fc.stringMatching(/^[\d.,\s%()$₫-]{0,12}$/),
);

/** Groups an integer's digits by three with `sep`: 1234567 → "1,234,567". */
function group(int: bigint, sep: string): string {
  return int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

describe("properties", () => {
  test("parseNumber and parseDate never throw, and report a known kind", () => {
    fc.assert(
      fc.property(rawCell, (raw) => {
        expect(["value", "blank", "error"]).toContain(parseNumber(raw).kind);
        expect(["value", "blank", "error"]).toContain(parseDate(raw).kind);
      }),
    );
  });

  test("loadSalesData never throws and keeps every non-blank row or notes why not", () => {
    const headers = ["Date", "Revenue", "Customer", "Status", "New", "Qty"];
    const mapping = { date: 0, revenue: 1, customer: 2, status: 3, new_product: 4, quantity: 5 };
    fc.assert(
      fc.property(fc.array(fc.array(rawCell, { minLength: 0, maxLength: 7 }), { maxLength: 30 }), (rows) => {
        const data = loadSalesData(table(headers, rows), mapping);
        expect(data.length + data.rowsSkipped).toBe(data.rowsRead);
        // A skipped row is noted on its date, or as a totals, subtotal or footer row (where its label is).
        const layout = ["total_row", "subtotal_row", "footer_row"];
        expect(data.notes.filter((n) => n.column === "Date" || layout.includes(n.kind)).length).toBe(data.rowsSkipped);
      }),
    );
  });

  test("a number written with either separator convention reads back as itself", () => {
    // Two decimals keep the text unambiguous under the documented rule (a single separator
    // followed by exactly three digits would group thousands).
    const conventions: Array<[string, string]> = [
      [",", "."],
      [".", ","],
      [" ", ","],
      ["\u00a0", ","],
      ["\u00a0", "."],
    ];
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        fc.constantFrom(...conventions),
        (int, cents, negative, [groupSep, decimalSep]) => {
          const decimals = String(cents).padStart(2, "0");
          const text = `${negative ? "-" : ""}${group(int, groupSep)}${decimalSep}${decimals}`;
          const expected = (negative ? -1 : 1) * Number(`${int}.${decimals}`);
          const read = parseNumber(text);
          expect(read.kind).toBe("value");
          expect(read.kind === "value" && read.value === expected).toBe(true);
        },
      ),
    );
  });

  test("a grouped integer reads back as itself in either convention", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(",", ".", " ", "\u00a0"), (int, sep) => {
        expect(parseNumber(group(int, sep))).toEqual({ kind: "value", value: Number(int) });
      }),
    );
  });
});
