/**
 * Layout properties (issue 14): inserting a title block of 1–5 rows, a totals row with any total
 * word, a subtotal row after any group, or a footer block never changes a figure.
 */
import fc from "fast-check";
import { TOTAL_WORDS } from "../../../src/engine/layout";
import type { RawCell } from "../../../src/engine/types";
import { COL, generateSales } from "../../../src/samples/generateSales";
import { figures, score } from "./support";

const LANG = "vi" as const;
const { sales } = generateSales({ rows: 150, seed: 7, lang: LANG, start: "2025-10", months: 6 });
/** Rows grouped by salesperson, so "after a group" has a meaning. */
const rows = [...sales.rows].sort((a, b) => String(a[COL.salesperson]).localeCompare(String(b[COL.salesperson])));
const base = figures(score([sales.headers, ...rows]).scorecard);
const WIDTH = sales.headers.length;
const AMOUNTS = [COL.quantity, COL.revenue, COL.cost, COL.receivable, COL.collected, COL.bad_debt, COL.expense];
const LABELS = [COL.customer, COL.salesperson, COL.region, COL.product];
// Every salesperson has several rows (a one-row group's "subtotal" would be a copy of the row).
const groupEnds = rows.flatMap((r, i) =>
  i === rows.length - 1 || rows[i + 1][COL.salesperson] !== r[COL.salesperson] ? [i + 1] : [],
);

function sumRow(of: RawCell[][], label: string | null, at: number): RawCell[] {
  const out: RawCell[] = new Array(WIDTH).fill(null);
  for (const c of AMOUNTS) out[c] = of.reduce((s, r) => s + (Number(r[c]) || 0), 0);
  out[COL.date] = of[of.length - 1][COL.date];
  out[at] = label;
  return out;
}

const titleLine = fc.oneof(
  fc.constantFrom(
    "CÔNG TY TNHH AN PHÁT",
    "BÁO CÁO DOANH THU",
    "Từ ngày 01/10/2025 đến ngày 31/03/2026",
    "销售明细表",
    "Đơn vị tính: VND",
  ),
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /\p{L}/u.test(s)),
);

describe("layout properties", () => {
  test("a title block of 1 to 5 rows above the header changes no figure", () => {
    fc.assert(
      fc.property(fc.array(titleLine, { minLength: 1, maxLength: 5 }), fc.boolean(), (lines, gap) => {
        const title: RawCell[][] = lines.map((l) => [l]);
        if (gap) title.push([]);
        expect(figures(score([...title, sales.headers, ...rows]).scorecard)).toEqual(base);
      }),
      { numRuns: 15 },
    );
  });

  test("a totals row with any total word, at any place, changes no figure", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TOTAL_WORDS),
        fc.constantFrom(...LABELS, COL.date),
        fc.integer({ min: 0, max: rows.length }),
        (word, at, where) => {
          const total = sumRow(rows.slice(0, Math.max(1, where)), word, at);
          const sheet = [sales.headers, ...rows.slice(0, where), total, ...rows.slice(where)];
          const run = score(sheet).scorecard;
          expect(figures(run)).toEqual(base);
          expect(run.notes.filter((n) => n.kind === "total_row").map((n) => n.row)).toEqual([where + 2]);
        },
      ),
      { numRuns: 40 },
    );
  });

  test("a subtotal row after any group (named or not) changes no figure", () => {
    fc.assert(
      fc.property(fc.subarray(groupEnds, { minLength: 1 }), fc.boolean(), (ends, named) => {
        const sheet: RawCell[][] = [sales.headers];
        const expected: number[] = [];
        let start = 0;
        for (const end of groupEnds) {
          sheet.push(...rows.slice(start, end));
          if (ends.includes(end)) {
            const group = rows.slice(start, end);
            sheet.push(sumRow(group, named ? String(group[0][COL.salesperson]) : null, COL.salesperson));
            expected.push(sheet.length);
          }
          start = end;
        }
        const run = score(sheet).scorecard;
        expect(figures(run)).toEqual(base);
        expect(run.notes.filter((n) => n.kind === "subtotal_row").map((n) => n.row)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  test("a footer block under a blank row changes no figure", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.constantFrom(
              "Người lập biểu",
              "Kế toán trưởng",
              "制表人：",
              "審核：",
              "Prepared by",
              "(Ký, họ tên)",
              null,
            ),
            {
              minLength: 1,
              maxLength: 6,
            },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (footer) => {
          const sheet = [sales.headers, ...rows, [], ...footer];
          expect(figures(score(sheet).scorecard)).toEqual(base);
        },
      ),
      { numRuns: 20 },
    );
  });
});
