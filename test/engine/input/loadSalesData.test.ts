import { loadSalesData, SalesDataBuilder, NOTES_PER_KIND_AND_COLUMN } from "../../../src/engine/data";
import { DEAL_STATUSES, type RawCell } from "../../../src/engine/types";
import { table } from "./fixtures";

const HEADERS = ["Ngày", "Số HĐ", "Khách hàng", "Doanh thu", "Giá vốn", "Trạng thái", "Hàng mới", "Loại tiền"];
const MAPPING = { date: 0, order_id: 1, customer: 2, revenue: 3, cost: 4, status: 5, new_product: 6, currency: 7 };
const D = 46096; // 2026-03-15

function load(rows: RawCell[][]) {
  return loadSalesData(table(HEADERS, rows), MAPPING);
}

describe("loadSalesData", () => {
  test("reads columns into typed arrays with sheet rows", () => {
    const data = load([
      [D, 1001, " Công ty An ", 1250000, 900000, "Đã chốt", "x", "VND"],
      ["16/03/2026", "HD-2", "Công ty Bình", "1.500.000", "", "thất bại", "không", "₫"],
    ]);
    expect(data.length).toBe(2);
    expect(Array.from(data.sheetRows)).toEqual([2, 3]);
    expect(Array.from(data.dates)).toEqual([D, D + 1]);
    expect(Array.from(data.numbers.revenue!)).toEqual([1250000, 1500000]);
    // blank cost stays blank (NaN), never 0
    expect(data.numbers.cost![0]).toBe(900000);
    expect(Number.isNaN(data.numbers.cost![1])).toBe(true);
    // labels trimmed; the order id 1001 is read as its text
    const customer = data.labels.customer!;
    expect(Array.from(customer.codes).map((c) => customer.values[c])).toEqual(["Công ty An", "Công ty Bình"]);
    const orders = data.labels.order_id!;
    expect(Array.from(orders.codes).map((c) => orders.values[c])).toEqual(["1001", "HD-2"]);
    // "VND" and "₫" are one currency
    expect(data.labels.currency!.values).toEqual(["VND"]);
    expect(Array.from(data.labels.currency!.codes)).toEqual([0, 0]);
    expect(Array.from(data.status!).map((s) => DEAL_STATUSES[s])).toEqual(["won", "lost"]);
    expect(Array.from(data.newProduct!)).toEqual([1, 0]);
    expect(data.rowsRead).toBe(2);
    expect(data.rowsSkipped).toBe(0);
    expect(data.notes).toEqual([]);
  });

  test("rows of text, as a CSV file gives them, read the same as typed cells", () => {
    const data = load([
      ["15/03/2026", "1001", "Công ty An", "1.250.000", "900000", "won", "x", "VND"],
      ["15/03/2026", "1002", "Công ty An", "-2.500,5", "(100)", "lost", "0", "vnd"],
    ]);
    expect(Array.from(data.dates)).toEqual([D, D]);
    expect(Array.from(data.numbers.revenue!)).toEqual([1250000, -2500.5]);
    expect(Array.from(data.numbers.cost!)).toEqual([900000, -100]);
    expect(Array.from(data.labels.currency!.codes)).toEqual([0, 0]);
    expect(data.notes).toEqual([]);
  });

  test("an order id given as a number and as text is one label", () => {
    const data = loadSalesData(
      table(
        ["Date", "Order"],
        [
          [D, 1001],
          [D, "1001"],
          [D, " HD-7 "],
          [D, 1002],
          [D, "HD-7"],
        ],
      ),
      { date: 0, order_id: 1 },
    );
    const orders = data.labels.order_id!;
    expect(orders.values).toEqual(["1001", "HD-7", "1002"]);
    expect(Array.from(orders.codes).map((c) => orders.values[c])).toEqual(["1001", "1001", "HD-7", "1002", "HD-7"]);
  });

  test("rows with every mapped cell blank are ignored silently", () => {
    const data = load([[D, 1, "A", 10, 5, "won", "", "VND"], [null, "", "  ", undefined, "", "", "", ""], []]);
    expect(data.length).toBe(1);
    expect(data.rowsRead).toBe(1);
    expect(data.notes).toEqual([]);
  });

  test("a blank or unreadable date skips the row with a note naming sheet row, header and value", () => {
    const data = load([
      ["", 1, "A", 10, 5, "won", "", "VND"],
      ["2026-02-30", 2, "B", 20, 5, "won", "", "VND"],
      ["#N/A", 3, "C", 30, 5, "won", "", "VND"],
      [D, 4, "D", 40, 5, "won", "", "VND"],
    ]);
    expect(data.length).toBe(1);
    expect(data.rowsRead).toBe(4);
    expect(data.rowsSkipped).toBe(3);
    expect(data.notes).toEqual([
      { kind: "missing_date", row: 2, column: "Ngày", value: "", problem: "the date is blank; row skipped" },
      { kind: "not_a_date", row: 3, column: "Ngày", value: "2026-02-30", problem: "no such date; row skipped" },
      { kind: "error_value", row: 4, column: "Ngày", value: "#N/A", problem: "Excel error #N/A; row skipped" },
    ]);
  });

  test("an unreadable number becomes blank with a note, and the row is kept", () => {
    const data = load([
      [D, 1, "A", "abc", "#DIV/0!", "won", "", "VND"],
      [D, 2, "B", true, 0, "won", "", "VND"],
    ]);
    expect(data.length).toBe(2);
    expect(Number.isNaN(data.numbers.revenue![0])).toBe(true);
    expect(Number.isNaN(data.numbers.cost![0])).toBe(true);
    expect(data.numbers.cost![1]).toBe(0); // zero is a value, not blank
    expect(data.notes).toEqual([
      { kind: "not_a_number", row: 2, column: "Doanh thu", value: "abc", problem: "not a number; treated as blank" },
      {
        kind: "error_value",
        row: 2,
        column: "Giá vốn",
        value: "#DIV/0!",
        problem: "Excel error #DIV/0!; treated as blank",
      },
      {
        kind: "not_a_number",
        row: 3,
        column: "Doanh thu",
        value: "TRUE",
        problem: "TRUE/FALSE in a number column; treated as blank",
      },
    ]);
  });

  test("an Excel error in a text column is blank with a note", () => {
    const data = load([
      [D, "#N/A", "#REF!", 10, 5, "won", "", "VND"],
      [D, "#N/A", "An", 10, 5, "won", "", "VND"],
    ]);
    expect(Array.from(data.labels.order_id!.codes)).toEqual([-1, -1]);
    expect(data.labels.order_id!.values).toEqual([]);
    expect(data.notes.map((n) => [n.kind, n.row, n.column, n.value])).toEqual([
      ["error_value", 2, "Số HĐ", "#N/A"],
      ["error_value", 2, "Khách hàng", "#REF!"],
      ["error_value", 3, "Số HĐ", "#N/A"],
    ]);
  });

  test("unknown status and flag values are kept as unknown with a note", () => {
    const data = load([
      [D, 1, "A", 10, 5, "maybe", "perhaps", "VND"],
      [D, 2, "B", 10, 5, "", "", "VND"],
    ]);
    expect(Array.from(data.status!)).toEqual([0, 0]); // DEAL_STATUSES[0] = "unknown"
    expect(Array.from(data.newProduct!)).toEqual([255, 255]);
    expect(data.notes.map((n) => [n.kind, n.row, n.column, n.value])).toEqual([
      ["not_a_flag", 2, "Hàng mới", "perhaps"],
      ["unknown_status", 2, "Trạng thái", "maybe"],
    ]);
  });

  test("a month-first date is kept, counted and noted (the reading is a guess, so it is never silent)", () => {
    const builder = new SalesDataBuilder({ headers: HEADERS, mapping: MAPPING, sheet: "Sales" });
    builder.addRow(["03/25/2026", 1, "A", 10, 5, "won", "", "VND"], 2);
    const data = builder.finish();
    expect(Array.from(data.dates)).toEqual([D + 10]);
    expect(builder.monthFirstDates).toBe(1);
    expect(data.notes).toContainEqual(
      expect.objectContaining({ kind: "date_month_first", row: 2, value: "03/25/2026" }),
    );
  });

  test("revenue from quantity × unit price when revenue is not mapped", () => {
    const headers = ["Date", "Qty", "Unit price"];
    const data = loadSalesData(
      table(headers, [
        [D, 3, "1.500"],
        [D, "", 2000],
        [D, 2.5, 4],
      ]),
      { date: 0, quantity: 1, unit_price: 2 },
    );
    // 3 × 1,500 = 4,500; blank qty × 2,000 = blank; 2.5 × 4 = 10
    expect(data.numbers.revenue![0]).toBe(4500);
    expect(Number.isNaN(data.numbers.revenue![1])).toBe(true);
    expect(data.numbers.revenue![2]).toBe(10);
  });

  test("cost from revenue − profit, with one cost_from_profit note", () => {
    const headers = ["Date", "Revenue", "Profit"];
    const data = loadSalesData(
      table(headers, [
        [D, 1000, 250],
        [D, 500, 100],
      ]),
      { date: 0, revenue: 1, profit: 2 },
    );
    // 1000 − 250 = 750; 500 − 100 = 400
    expect(Array.from(data.numbers.cost!)).toEqual([750, 400]);
    expect(data.notes).toEqual([
      { kind: "cost_from_profit", column: "Profit", problem: "no cost column: cost = revenue − profit" },
    ]);
  });

  test("without a date mapping every row is kept with a blank date", () => {
    const data = loadSalesData(table(["Revenue"], [[1], [2]]), { revenue: 0 });
    expect(data.length).toBe(2);
    expect(Number.isNaN(data.dates[0])).toBe(true);
  });

  test("notes are capped per kind and column, with one summary", () => {
    const rows: RawCell[][] = [];
    const bad = NOTES_PER_KIND_AND_COLUMN + 250;
    for (let i = 0; i < bad; i++) rows.push([D, i, "A", "oops", 1, "won", "", "VND"]);
    const data = load(rows);
    expect(data.length).toBe(bad);
    const revenueNotes = data.notes.filter((n) => n.column === "Doanh thu");
    expect(revenueNotes).toHaveLength(NOTES_PER_KIND_AND_COLUMN + 1);
    expect(revenueNotes[revenueNotes.length - 1]).toEqual({
      kind: "not_a_number",
      column: "Doanh thu",
      problem: `250 more cells in column "Doanh thu" with the same problem (${bad} in all; the first ${NOTES_PER_KIND_AND_COLUMN} are listed)`,
    });
  });

  test("the builder grows past its initial capacity", () => {
    const builder = new SalesDataBuilder({ headers: HEADERS, mapping: MAPPING, sheet: "Sales", capacity: 16 });
    for (let i = 0; i < 1000; i++) builder.addRow([D + (i % 30), i, `C${i % 7}`, i, i / 2, "won", 1, "VND"], i + 2);
    const data = builder.finish();
    expect(data.length).toBe(1000);
    expect(data.numbers.revenue![999]).toBe(999);
    expect(data.sheetRows[999]).toBe(1001);
    expect(data.labels.customer!.values).toHaveLength(7);
  });

  test("a mapping that points outside the headers is a programming mistake", () => {
    expect(() => loadSalesData(table(["A"], []), { revenue: 3 })).toThrow(RangeError);
  });
});
