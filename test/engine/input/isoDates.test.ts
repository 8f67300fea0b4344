import { isoDateSerial, serialIsoDate, todaySerial, ymdToSerial } from "../../../src/engine/values/excelSerial";

describe("ISO dates as Excel serials (as-of dates, pace)", () => {
  test("a YYYY-MM-DD date is its Excel serial, 1900's phantom leap day included", () => {
    expect(isoDateSerial("2026-03-13")).toBe(ymdToSerial(2026, 3, 13));
    expect(isoDateSerial("1900-02-28")).toBe(59);
    expect(isoDateSerial("1900-03-01")).toBe(61);
  });

  test("a date that is not on the calendar, or not in that form, is null", () => {
    for (const text of ["2026-02-30", "2026-13-01", "2026-3-1", "13/03/2026", ""])
      expect(isoDateSerial(text)).toBeNull();
  });

  test("serials read back as the same text; today is the clock's UTC day", () => {
    for (const text of ["1900-01-01", "1900-03-01", "2026-03-13", "9999-12-31"])
      expect(serialIsoDate(isoDateSerial(text)!)).toBe(text);
    expect(serialIsoDate(todaySerial(new Date(Date.UTC(2026, 2, 13, 23, 59))))).toBe("2026-03-13");
  });
});
