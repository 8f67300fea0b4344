import {
  periodBounds,
  periodKey,
  periodLabel,
  parsePeriodLabel,
  samePeriodLastYear,
} from "../../../src/engine/periods";
import { ymdToSerial } from "../../../src/engine/values";
import type { PeriodSpec } from "../../../src/engine/types";

const month: PeriodSpec = { kind: "month", fiscalYearStartMonth: 1 };
const quarter: PeriodSpec = { kind: "quarter", fiscalYearStartMonth: 1 };
const year: PeriodSpec = { kind: "year", fiscalYearStartMonth: 1 };
const aprilQuarter: PeriodSpec = { kind: "quarter", fiscalYearStartMonth: 4 };
const aprilYear: PeriodSpec = { kind: "year", fiscalYearStartMonth: 4 };
const aprilMonth: PeriodSpec = { kind: "month", fiscalYearStartMonth: 4 };

const label = (y: number, m: number, d: number, spec: PeriodSpec) =>
  periodLabel(periodKey(ymdToSerial(y, m, d), spec), spec);

describe("calendar periods", () => {
  test("labels", () => {
    expect(label(2026, 3, 15, month)).toBe("2026-03");
    expect(label(2026, 3, 15, quarter)).toBe("2026-Q1");
    expect(label(2026, 4, 1, quarter)).toBe("2026-Q2");
    expect(label(2026, 12, 31, quarter)).toBe("2026-Q4");
    expect(label(2026, 3, 15, year)).toBe("2026");
  });

  test("consecutive periods differ by 1, across year ends", () => {
    expect(periodKey(ymdToSerial(2026, 1, 1), month) - periodKey(ymdToSerial(2025, 12, 31), month)).toBe(1);
    expect(periodKey(ymdToSerial(2026, 1, 1), quarter) - periodKey(ymdToSerial(2025, 12, 31), quarter)).toBe(1);
    expect(periodKey(ymdToSerial(2026, 1, 1), year) - periodKey(ymdToSerial(2025, 12, 31), year)).toBe(1);
  });

  test("Excel's fake 1900-02-29 (serial 60) is in February 1900", () => {
    expect(periodLabel(periodKey(60, month), month)).toBe("1900-02");
    expect(periodBounds(periodKey(60, month), month)).toEqual({ start: 32, end: 60 });
  });
});

describe("fiscal year starting in April", () => {
  test("2026-03-15 is FY2026, fiscal quarter FY2026-Q4", () => {
    expect(label(2026, 3, 15, aprilYear)).toBe("FY2026");
    expect(label(2026, 3, 15, aprilQuarter)).toBe("FY2026-Q4");
  });

  test("2026-04-01 starts FY2027-Q1", () => {
    expect(label(2026, 4, 1, aprilYear)).toBe("FY2027");
    expect(label(2026, 4, 1, aprilQuarter)).toBe("FY2027-Q1");
    expect(label(2025, 4, 1, aprilYear)).toBe("FY2026");
  });

  test("months keep calendar labels", () => {
    expect(label(2026, 3, 15, aprilMonth)).toBe("2026-03");
  });

  test("bounds: FY2026 runs 2025-04-01 to 2026-03-31; FY2026-Q4 is Jan–Mar 2026", () => {
    const fy = parsePeriodLabel("FY2026", aprilYear)!;
    expect(periodBounds(fy, aprilYear)).toEqual({ start: ymdToSerial(2025, 4, 1), end: ymdToSerial(2026, 3, 31) });
    const q4 = parsePeriodLabel("FY2026-Q4", aprilQuarter)!;
    expect(periodBounds(q4, aprilQuarter)).toEqual({ start: ymdToSerial(2026, 1, 1), end: ymdToSerial(2026, 3, 31) });
  });
});

describe("parsePeriodLabel", () => {
  test("round-trips labels", () => {
    for (const spec of [month, quarter, year, aprilQuarter, aprilYear]) {
      for (let s = ymdToSerial(2019, 1, 1); s < ymdToSerial(2031, 1, 1); s += 17) {
        const key = periodKey(s, spec);
        expect(parsePeriodLabel(periodLabel(key, spec), spec)).toBe(key);
      }
    }
  });

  test("accepts common variants and rejects other kinds", () => {
    expect(parsePeriodLabel("2026-3", month)).toBe(parsePeriodLabel("2026-03", month));
    expect(parsePeriodLabel("2026 Q1", quarter)).toBe(parsePeriodLabel("2026-Q1", quarter));
    expect(parsePeriodLabel("Q1 2026", quarter)).toBe(parsePeriodLabel("2026-Q1", quarter));
    expect(parsePeriodLabel("2026-13", month)).toBeNull();
    expect(parsePeriodLabel("2026-Q1", month)).toBeNull();
    expect(parsePeriodLabel("2026-03", year)).toBeNull();
    expect(parsePeriodLabel("soon", quarter)).toBeNull();
  });
});

describe("samePeriodLastYear and bounds", () => {
  test("one year back in every kind", () => {
    expect(periodLabel(samePeriodLastYear(parsePeriodLabel("2026-03", month)!, month), month)).toBe("2025-03");
    expect(periodLabel(samePeriodLastYear(parsePeriodLabel("2026-Q1", quarter)!, quarter), quarter)).toBe("2025-Q1");
    expect(periodLabel(samePeriodLastYear(parsePeriodLabel("FY2026", aprilYear)!, aprilYear), aprilYear)).toBe(
      "FY2025",
    );
  });

  test("month bounds include leap days", () => {
    expect(periodBounds(parsePeriodLabel("2024-02", month)!, month)).toEqual({
      start: ymdToSerial(2024, 2, 1),
      end: ymdToSerial(2024, 2, 29),
    });
    // 2026-03: 46082 (1 March) … 46112 (31 March) = 31 days
    expect(periodBounds(parsePeriodLabel("2026-03", month)!, month)).toEqual({ start: 46082, end: 46112 });
  });
});
