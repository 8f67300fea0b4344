import { parseDate, serialToYmd, ymdToSerial } from "../../../src/engine/values";

// Reference: Excel shows serial 46096 as 2026-03-15 (2026-01-01 = 46023; 46023 + 31 + 28 + 14 = 46096).
const MARCH_15_2026 = 46096;
const value = (v: number) => ({ kind: "value", value: v });

describe("Excel serial days", () => {
  test("known serials", () => {
    expect(serialToYmd(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(serialToYmd(59)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(serialToYmd(60)).toEqual({ y: 1900, m: 2, d: 29 }); // Excel's fake leap day
    expect(serialToYmd(61)).toEqual({ y: 1900, m: 3, d: 1 });
    expect(serialToYmd(36526)).toEqual({ y: 2000, m: 1, d: 1 });
    expect(serialToYmd(MARCH_15_2026)).toEqual({ y: 2026, m: 3, d: 15 });
    expect(serialToYmd(2958465)).toEqual({ y: 9999, m: 12, d: 31 });
    expect(serialToYmd(46096.75)).toEqual({ y: 2026, m: 3, d: 15 }); // time of day dropped
  });

  test("ymdToSerial is the inverse, the fake leap day included", () => {
    expect(ymdToSerial(1900, 1, 1)).toBe(1);
    expect(ymdToSerial(1900, 2, 29)).toBe(60);
    expect(ymdToSerial(1900, 3, 1)).toBe(61);
    expect(ymdToSerial(2026, 3, 15)).toBe(MARCH_15_2026);
    for (let s = 1; s <= 2958465; s += 997) {
      const { y, m, d } = serialToYmd(s);
      expect(ymdToSerial(y, m, d)).toBe(s);
    }
  });
});

describe("parseDate", () => {
  test("serial numbers, including 60, and their range", () => {
    expect(parseDate(MARCH_15_2026)).toEqual(value(MARCH_15_2026));
    expect(parseDate(MARCH_15_2026 + 0.5)).toEqual(value(MARCH_15_2026));
    expect(parseDate(60)).toEqual(value(60));
    expect(parseDate(1)).toEqual(value(1));
    expect(parseDate(2958465)).toEqual(value(2958465));
    for (const raw of [0, 0.5, -1, 2958466, NaN])
      expect(parseDate(raw)).toMatchObject({ kind: "error", note: "not_a_date" });
  });

  test("ISO dates, with and without time", () => {
    expect(parseDate("2026-03-15")).toEqual(value(MARCH_15_2026));
    expect(parseDate("2026-03-15T10:00:00")).toEqual(value(MARCH_15_2026));
    expect(parseDate("2026-03-15T10:00:00.000Z")).toEqual(value(MARCH_15_2026));
    expect(parseDate("2026-03-15 10:00")).toEqual(value(MARCH_15_2026));
    expect(parseDate("2026-3-5")).toEqual(value(MARCH_15_2026 - 10));
  });

  test("dd/mm/yyyy and its dash and dot forms are read day first", () => {
    expect(parseDate("15/03/2026")).toEqual(value(MARCH_15_2026));
    expect(parseDate("15-03-2026")).toEqual(value(MARCH_15_2026));
    expect(parseDate("15.03.2026")).toEqual(value(MARCH_15_2026));
    expect(parseDate("5/3/2026")).toEqual(value(MARCH_15_2026 - 10)); // 5 March, not 3 May
    expect(parseDate("15/03/2026 08:30")).toEqual(value(MARCH_15_2026));
    expect(parseDate("15/03/26")).toEqual(value(MARCH_15_2026)); // Excel's window: 26 → 2026
  });

  test("a date impossible day first is read month first, and says so", () => {
    expect(parseDate("03/25/2026")).toEqual({ kind: "value", value: MARCH_15_2026 + 10, monthFirst: true });
    expect(parseDate("25/03/2026")).toEqual(value(MARCH_15_2026 + 10));
    expect(parseDate("13/13/2026")).toMatchObject({ kind: "error", note: "not_a_date" });
  });

  test("yyyy/m/d, Chinese and Vietnamese forms", () => {
    expect(parseDate("2026/3/15")).toEqual(value(MARCH_15_2026));
    expect(parseDate("2026年3月15日")).toEqual(value(MARCH_15_2026));
    expect(parseDate("2026 年 3 月 15 号")).toEqual(value(MARCH_15_2026));
    expect(parseDate("２０２６年３月１５日")).toEqual(value(MARCH_15_2026));
    expect(parseDate("2026年3月")).toEqual(value(MARCH_15_2026 - 14)); // 1 March
    expect(parseDate("Ngày 15 tháng 3 năm 2026")).toEqual(value(MARCH_15_2026));
    expect(parseDate("ngay 15 thang 3 nam 2026")).toEqual(value(MARCH_15_2026));
    expect(parseDate("Tháng 3 năm 2026")).toEqual(value(MARCH_15_2026 - 14));
    expect(parseDate("20260315")).toEqual(value(MARCH_15_2026));
    expect(parseDate("46096")).toEqual(value(MARCH_15_2026));
  });

  test("impossible calendar dates are not dates", () => {
    for (const raw of [
      "2026-02-30",
      "2025-02-29",
      "31/04/2026",
      "2026年2月30日",
      "Ngày 32 tháng 1 năm 2026",
      "2026-13-01",
    ]) {
      expect(parseDate(raw)).toMatchObject({ kind: "error", note: "not_a_date" });
    }
    expect(parseDate("2024-02-29")).toEqual(value(ymdToSerial(2024, 2, 29)));
  });

  test("blank, error strings, booleans and words", () => {
    expect(parseDate("")).toEqual({ kind: "blank" });
    expect(parseDate(null)).toEqual({ kind: "blank" });
    expect(parseDate(undefined)).toEqual({ kind: "blank" });
    expect(parseDate("#N/A")).toMatchObject({ kind: "error", note: "error_value" });
    expect(parseDate(true)).toMatchObject({ kind: "error", note: "not_a_date" });
    expect(parseDate("yesterday")).toMatchObject({ kind: "error", note: "not_a_date" });
  });
});
