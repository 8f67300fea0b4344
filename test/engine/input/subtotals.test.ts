import { findSubtotals } from "../../../src/engine/data/subtotals";

const column = (values: number[]) => Float64Array.from(values);
const codes = (values: number[]) => Int32Array.from(values);

describe("findSubtotals", () => {
  test("a group's subtotal is found after a million rows of large amounts (sums are running totals)", () => {
    const big = 1_000_000;
    const revenue = [...Array.from({ length: big }, (_, i) => 1e9 + (i % 7) * 0.37), 100.1, 200.2, 300.3];
    const cost = [...Array.from({ length: big }, () => 5e8), 50.05, 100.1, 150.15];
    const rep = [...Array.from({ length: big }, (_, i) => i % 2), 5, 5, 5];
    const found = findSubtotals(
      revenue.length,
      [column(revenue), column(cost)],
      [codes(rep)],
      new Uint8Array(revenue.length),
    );
    expect(found).toEqual([big + 2]);
  });

  test("a grand total after a subtotal sums the rows, not the subtotal again", () => {
    // A1, A2, subtotal A, B1, B2, subtotal B, grand total (unnamed)
    const revenue = [10, 20, 30, 5, 7, 12, 42];
    const cost = [1, 2, 3, 1, 1, 2, 5];
    const rep = [0, 0, 0, 1, 1, 1, -1];
    const found = findSubtotals(7, [column(revenue), column(cost)], [codes(rep)], new Uint8Array(7));
    expect(found).toEqual([2, 5, 6]);
  });

  test("amounts that merely add up by chance in one column are not a subtotal", () => {
    const revenue = [100, 200, 300, 50];
    const cost = [10, 20, 31, 5];
    const rep = [0, 0, 0, 1];
    expect(findSubtotals(4, [column(revenue), column(cost)], [codes(rep)], new Uint8Array(4))).toEqual([]);
  });
});
