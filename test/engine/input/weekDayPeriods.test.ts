/** Week and day periods (issue 13 §5): ISO weeks, other week starts, days, and the same period last year. */
import fc from "fast-check";
import {
  periodBounds,
  periodKey,
  periodLabel,
  parsePeriodLabel,
  periodSpecFor,
  samePeriodLastYear,
} from "../../../src/engine/periods";
import { MAX_SERIAL, MIN_SERIAL, ymdToSerial } from "../../../src/engine/values";
import { readTargets } from "../../../src/engine/targets/readTargets";
import type { PeriodSpec, RawCell, SourceTable } from "../../../src/engine/types";

const isoWeek: PeriodSpec = { kind: "week", fiscalYearStartMonth: 1 };
const sundayWeek: PeriodSpec = { kind: "week", fiscalYearStartMonth: 1, weekStart: 7 };
const day: PeriodSpec = { kind: "day", fiscalYearStartMonth: 1 };

const at = (y: number, m: number, d: number) => ymdToSerial(y, m, d);
const labelOf = (y: number, m: number, d: number, spec: PeriodSpec) => periodLabel(periodKey(at(y, m, d), spec), spec);
const key = (label: string, spec: PeriodSpec) => {
  const k = parsePeriodLabel(label, spec);
  if (k === null) throw new Error(`${label} is not a ${spec.kind} label`);
  return k;
};
const lastYear = (label: string, spec: PeriodSpec) => periodLabel(samePeriodLastYear(key(label, spec), spec), spec);

describe("ISO weeks (Monday start, the week-year holds the week's Thursday)", () => {
  test("2020 has 53 weeks: 2020-W53 runs Monday 2020-12-28 to Sunday 2021-01-03", () => {
    expect(labelOf(2020, 12, 28, isoWeek)).toBe("2020-W53");
    expect(labelOf(2021, 1, 3, isoWeek)).toBe("2020-W53");
    expect(labelOf(2021, 1, 4, isoWeek)).toBe("2021-W01");
    expect(periodBounds(key("2020-W53", isoWeek), isoWeek)).toEqual({ start: at(2020, 12, 28), end: at(2021, 1, 3) });
  });

  test("Monday 2024-12-30 is in 2025-W01 (its Thursday is 2 January 2025)", () => {
    expect(labelOf(2024, 12, 29, isoWeek)).toBe("2024-W52");
    expect(labelOf(2024, 12, 30, isoWeek)).toBe("2025-W01");
    expect(labelOf(2025, 1, 5, isoWeek)).toBe("2025-W01");
  });

  test("2026-W01 starts Monday 2025-12-29; 2026-W09 is 23 February – 1 March (29 Dec + 8 × 7 days)", () => {
    expect(periodBounds(key("2026-W01", isoWeek), isoWeek)).toEqual({ start: at(2025, 12, 29), end: at(2026, 1, 4) });
    expect(periodBounds(key("2026-W09", isoWeek), isoWeek)).toEqual({ start: at(2026, 2, 23), end: at(2026, 3, 1) });
    expect(labelOf(2026, 3, 2, isoWeek)).toBe("2026-W10");
  });

  test("consecutive weeks differ by 1 across the week-year end", () => {
    expect(key("2021-W01", isoWeek) - key("2020-W53", isoWeek)).toBe(1);
    expect(key("2025-W01", isoWeek) - key("2024-W52", isoWeek)).toBe(1);
  });

  test("labels: 2026-W09, 2026W09, 2026-W9 and 2026 w09 are one week; week 53 only in a 53-week year", () => {
    const w9 = key("2026-W09", isoWeek);
    expect(parsePeriodLabel("2026W09", isoWeek)).toBe(w9);
    expect(parsePeriodLabel("2026-W9", isoWeek)).toBe(w9);
    expect(parsePeriodLabel(" 2026 w09 ", isoWeek)).toBe(w9);
    expect(parsePeriodLabel("2020-W53", isoWeek)).not.toBeNull();
    expect(parsePeriodLabel("2025-W53", isoWeek)).toBeNull(); // 2025 has 52 ISO weeks
    expect(parsePeriodLabel("2026-W00", isoWeek)).toBeNull();
    expect(parsePeriodLabel("2026-03", isoWeek)).toBeNull();
    expect(parsePeriodLabel("2026-W09", { kind: "month", fiscalYearStartMonth: 1 })).toBeNull();
  });

  test("same week last year: the same number, W53 → W52 when last year has 52 weeks", () => {
    expect(lastYear("2026-W09", isoWeek)).toBe("2025-W09");
    expect(lastYear("2025-W01", isoWeek)).toBe("2024-W01");
    expect(lastYear("2020-W53", isoWeek)).toBe("2019-W52");
    expect(lastYear("2026-W53", isoWeek)).toBe("2025-W52"); // 2026 starts on a Thursday: 53 weeks
    expect(lastYear("2021-W52", isoWeek)).toBe("2020-W52");
  });
});

describe("Sunday weeks (weekStart 7: the week-year holds the week's Wednesday, its fourth day)", () => {
  test("2025-W01 is Sunday 2024-12-29 – Saturday 2025-01-04; Thursday 2026-01-01 is in 2025-W53", () => {
    expect(periodBounds(key("2025-W01", sundayWeek), sundayWeek)).toEqual({
      start: at(2024, 12, 29),
      end: at(2025, 1, 4),
    });
    // Sunday 28 Dec 2025 – Saturday 3 Jan 2026: its Wednesday is 31 December 2025.
    expect(labelOf(2026, 1, 1, sundayWeek)).toBe("2025-W53");
    expect(labelOf(2026, 1, 1, isoWeek)).toBe("2026-W01");
    expect(labelOf(2026, 1, 4, sundayWeek)).toBe("2026-W01");
    expect(labelOf(2026, 1, 3, sundayWeek)).toBe("2025-W53");
  });

  test("a Sunday starts a week and a Saturday ends it", () => {
    const sunday = periodKey(at(2026, 3, 1), sundayWeek);
    expect(periodKey(at(2026, 3, 7), sundayWeek)).toBe(sunday);
    expect(periodKey(at(2026, 3, 8), sundayWeek)).toBe(sunday + 1);
    expect(periodBounds(sunday, sundayWeek)).toEqual({ start: at(2026, 3, 1), end: at(2026, 3, 7) });
  });

  test("same week last year: 2025-W53 → 2024-W52 (2024 has 52 Sunday weeks)", () => {
    expect(lastYear("2025-W53", sundayWeek)).toBe("2024-W52");
    expect(lastYear("2026-W10", sundayWeek)).toBe("2025-W10");
  });

  test("a template's weekStart reaches the spec only for weeks", () => {
    const period = { kind: "month" as const, fiscalYearStartMonth: 4, weekStart: 7 };
    expect(periodSpecFor(period, "week")).toEqual({ kind: "week", fiscalYearStartMonth: 4, weekStart: 7 });
    expect(periodSpecFor(period)).toEqual({ kind: "month", fiscalYearStartMonth: 4 });
    expect(periodSpecFor({ kind: "week", fiscalYearStartMonth: 1 })).toEqual({
      kind: "week",
      fiscalYearStartMonth: 1,
      weekStart: 1,
    });
  });
});

describe("days", () => {
  test("key = the Excel serial, label = the ISO date; a time of day goes to its day", () => {
    // 2026-03-01 is serial 46082, so 5 March is 46086.
    expect(periodKey(46086, day)).toBe(46086);
    expect(periodKey(46086.75, day)).toBe(46086);
    expect(periodKey(46086.75, isoWeek)).toBe(periodKey(46086, isoWeek));
    expect(periodLabel(46086, day)).toBe("2026-03-05");
    expect(periodBounds(46086, day)).toEqual({ start: 46086, end: 46086 });
  });

  test("labels: ISO dates (also 2026-3-5 and 2026/03/05); days that do not exist are refused", () => {
    expect(parsePeriodLabel("2026-03-05", day)).toBe(46086);
    expect(parsePeriodLabel("2026-3-5", day)).toBe(46086);
    expect(parsePeriodLabel("2026/03/05", day)).toBe(46086);
    expect(parsePeriodLabel("2024-02-29", day)).toBe(at(2024, 2, 29));
    expect(parsePeriodLabel("2026-02-29", day)).toBeNull();
    expect(parsePeriodLabel("2026-03/05", day)).toBeNull();
    expect(parsePeriodLabel("2026-03", day)).toBeNull();
    expect(parsePeriodLabel("2026-03-05", { kind: "month", fiscalYearStartMonth: 1 })).toBeNull();
  });

  test("same day last year: same month and day, 29 February → 28 February", () => {
    expect(lastYear("2024-02-29", day)).toBe("2023-02-28");
    expect(lastYear("2024-02-28", day)).toBe("2023-02-28");
    expect(lastYear("2024-03-01", day)).toBe("2023-03-01");
    expect(lastYear("2025-03-01", day)).toBe("2024-03-01");
    expect(lastYear("2026-03-05", day)).toBe("2025-03-05");
  });
});

describe("property: every kind's periods tile the calendar and their labels round-trip", () => {
  const specs: PeriodSpec[] = [
    { kind: "month", fiscalYearStartMonth: 1 },
    { kind: "quarter", fiscalYearStartMonth: 1 },
    { kind: "year", fiscalYearStartMonth: 1 },
    { kind: "quarter", fiscalYearStartMonth: 4 },
    { kind: "year", fiscalYearStartMonth: 7 },
    day,
    ...[1, 2, 3, 4, 5, 6, 7].map((weekStart): PeriodSpec => ({ kind: "week", fiscalYearStartMonth: 1, weekStart })),
  ];
  const serial = fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL - 400 });

  test.each(specs.map((spec) => [`${spec.kind} ${spec.fiscalYearStartMonth}/${spec.weekStart ?? "-"}`, spec]))(
    "%s",
    (_, spec) => {
      fc.assert(
        fc.property(serial, (s) => {
          const k = periodKey(s, spec);
          const { start, end } = periodBounds(k, spec);
          expect(start).toBeLessThanOrEqual(s);
          expect(end).toBeGreaterThanOrEqual(s);
          expect(periodKey(start, spec)).toBe(k);
          expect(periodKey(end, spec)).toBe(k);
          expect(periodKey(end + 1, spec)).toBe(k + 1);
          if (start > MIN_SERIAL) expect(periodKey(start - 1, spec)).toBe(k - 1);
          expect(parsePeriodLabel(periodLabel(k, spec), spec)).toBe(k);
          if (spec.kind === "week") expect(end - start).toBeGreaterThanOrEqual(6);
        }),
        { numRuns: 500, examples: [[1], [59], [60], [61], [at(2020, 12, 31)], [at(2024, 12, 30)]] },
      );
    },
  );

  test("weeks: the same week last year is 52 or 53 weeks back and keeps its number (or W52 for W53)", () => {
    fc.assert(
      fc.property(fc.integer({ min: at(1902, 1, 1), max: at(9998, 1, 1) }), fc.integer({ min: 1, max: 7 }), (s, w) => {
        const spec: PeriodSpec = { kind: "week", fiscalYearStartMonth: 1, weekStart: w };
        const k = periodKey(s, spec);
        const back = samePeriodLastYear(k, spec);
        expect([52, 53]).toContain(k - back);
        const [year, week] = periodLabel(k, spec).split("-W").map(Number);
        const [lastYearNumber, lastWeek] = periodLabel(back, spec).split("-W").map(Number);
        expect(lastYearNumber).toBe(year - 1);
        const lastYearHas53 = parsePeriodLabel(`${year - 1}-W53`, spec) !== null;
        expect(lastWeek).toBe(week === 53 && !lastYearHas53 ? 52 : week);
      }),
      { numRuns: 500 },
    );
  });
});

describe("targets tables keyed by weeks and days", () => {
  const table = (header: string, periods: RawCell[]): SourceTable => ({
    sheet: "Targets",
    headers: ["Salesperson", header, "net_sales"],
    rows: periods.map((p, i) => ["An", p, 100 + i]),
    firstRow: 2,
  });

  test("a Week column: 2026-W09, 2026W9, a date text and an Excel date cell (with a time) all name 2026-W09", () => {
    // 46078 is 2026-02-25, a Wednesday of 2026-W09 (23 February – 1 March).
    const read = readTargets(table("Week", ["2026-W09", "2026W9", "2026-02-25", 46078.7, "2025-W53"]), isoWeek);
    expect(read.errors).toEqual([]);
    expect(read.entries.map((e) => e.period)).toEqual(["2026-W09", "2026-W09", "2026-W09", "2026-W09"]);
    expect(read.notes).toEqual([
      expect.objectContaining({ row: 6, column: "Week", value: "2025-W53", kind: "target_unreadable" }),
    ]);
  });

  test("a Ngày (day) column: ISO dates and Excel date cells name their day; a month label is not a day", () => {
    const read = readTargets(table("Ngày", ["2026-03-05", 46086.25, "2026-03"]), day);
    expect(read.entries.map((e) => e.period)).toEqual(["2026-03-05", "2026-03-05"]);
    expect(read.notes.map((n) => n.row)).toEqual([4]);
  });
});
