/** The history sheet keeps the latest whole periods that fit in a sheet (day periods over years make millions of rows). */
import { historyInSheet, historySheet, MAX_HISTORY_ROWS } from "../../src/workbook/historySheet";
import { history, smallScorecard } from "./support/scorecardFixture";

// Three days, 3 + 2 + 2 rows.
const rows = [
  { ...history("An", "net_sales", 1), period: "2026-02-28" },
  { ...history("Binh", "net_sales", 2), period: "2026-02-28" },
  { ...history("Chi", "net_sales", 3), period: "2026-02-28" },
  { ...history("An", "net_sales", 4), period: "2026-03-01" },
  { ...history("Binh", "net_sales", 5), period: "2026-03-01" },
  { ...history("An", "net_sales", 6), period: "2026-03-02" },
  { ...history("Binh", "net_sales", 7), period: "2026-03-02" },
];

test("a sheet holds 1,048,576 rows: the header and 1,048,575 history rows", () => {
  expect(MAX_HISTORY_ROWS).toBe(1_048_576 - 1);
  expect(historyInSheet(rows)).toEqual({ rows, leftOut: 0 });
});

test("over the limit: the latest whole periods are kept, the older ones counted", () => {
  // 5 rows fit: 2026-03-02 (2) + 2026-03-01 (2) = 4; adding 2026-02-28 (3) would make 7.
  expect(historyInSheet(rows, 5)).toEqual({ rows: rows.slice(3), leftOut: 3, firstPeriod: "2026-03-01" });
  expect(historyInSheet(rows, 2)).toEqual({ rows: rows.slice(5), leftOut: 5, firstPeriod: "2026-03-02" });
});

test("the history sheet writes only the rows kept, latest periods included", () => {
  const sheet = historySheet(smallScorecard({ history: rows }), "en", 4);
  expect(sheet.rows.map((r) => r[2])).toEqual(["2026-03-01", "2026-03-01", "2026-03-02", "2026-03-02"]);
});
