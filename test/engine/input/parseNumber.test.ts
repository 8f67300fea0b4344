import { parseNumber } from "../../../src/engine/values";

const value = (v: number) => ({ kind: "value", value: v });

describe("parseNumber", () => {
  test("JS numbers are taken as they are, zero included", () => {
    expect(parseNumber(1234.5)).toEqual(value(1234.5));
    expect(parseNumber(0)).toEqual(value(0));
    expect(parseNumber(-7)).toEqual(value(-7));
  });

  test("blank is blank, never zero", () => {
    for (const raw of [null, undefined, "", "   ", "\u00a0"]) expect(parseNumber(raw)).toEqual({ kind: "blank" });
    expect(parseNumber("0")).toEqual(value(0));
  });

  test("English and Vietnamese/European separator conventions", () => {
    expect(parseNumber("1,234,567.5")).toEqual(value(1234567.5));
    expect(parseNumber("1.234.567,5")).toEqual(value(1234567.5));
    expect(parseNumber("1 234 567,5")).toEqual(value(1234567.5));
    expect(parseNumber("1\u00a0234\u00a0567,5")).toEqual(value(1234567.5));
    expect(parseNumber("1\u202f234.25")).toEqual(value(1234.25));
    expect(parseNumber("1'234'567.5")).toEqual(value(1234567.5));
    expect(parseNumber("1.234.567")).toEqual(value(1234567));
    expect(parseNumber("1,234,567")).toEqual(value(1234567));
  });

  test("a single separator: three digits after it group thousands, otherwise it is the decimal point", () => {
    expect(parseNumber("1,234")).toEqual(value(1234));
    expect(parseNumber("1.234")).toEqual(value(1234));
    expect(parseNumber("1,5")).toEqual(value(1.5));
    expect(parseNumber("12,25")).toEqual(value(12.25));
    expect(parseNumber("1234.5")).toEqual(value(1234.5));
    expect(parseNumber("1,2345")).toEqual(value(1.2345));
    // a leading 0 cannot start a thousands group: 0,125 is a decimal
    expect(parseNumber("0,125")).toEqual(value(0.125));
  });

  test("malformed groups are not numbers", () => {
    for (const raw of ["1,23,4", "12 34", "1.2.3,4.5", "1,234.5.6", "1..2"])
      expect(parseNumber(raw)).toMatchObject({ kind: "error", note: "not_a_number" });
  });

  test("currency symbols and codes before or after", () => {
    expect(parseNumber("₫1.250.000")).toEqual(value(1250000));
    expect(parseNumber("1.250.000 ₫")).toEqual(value(1250000));
    expect(parseNumber("1.250.000đ")).toEqual(value(1250000));
    expect(parseNumber("1.250.000 VND")).toEqual(value(1250000));
    expect(parseNumber("VNĐ 1.250.000")).toEqual(value(1250000));
    expect(parseNumber("¥1,000")).toEqual(value(1000));
    expect(parseNumber("￥1,000.50")).toEqual(value(1000.5));
    expect(parseNumber("1,000元")).toEqual(value(1000));
    expect(parseNumber("CNY 88")).toEqual(value(88));
    expect(parseNumber("RMB88")).toEqual(value(88));
    expect(parseNumber("$1,234.56")).toEqual(value(1234.56));
    expect(parseNumber("USD 99")).toEqual(value(99));
    expect(parseNumber("€ 1.234,56")).toEqual(value(1234.56));
  });

  test("percent divides by 100", () => {
    expect(parseNumber("12.5%")).toEqual(value(0.125));
    expect(parseNumber("12,5 %")).toEqual(value(0.125));
    expect(parseNumber("95%")).toEqual(value(0.95));
    expect(parseNumber("-3%")).toEqual(value(-0.03));
  });

  test("negatives: parentheses, leading minus, unicode minus", () => {
    expect(parseNumber("(1,234)")).toEqual(value(-1234));
    expect(parseNumber("($1,234.50)")).toEqual(value(-1234.5));
    expect(parseNumber("$(12)")).toEqual(value(-12));
    expect(parseNumber("-1.234.567,5 ₫")).toEqual(value(-1234567.5));
    expect(parseNumber("−42")).toEqual(value(-42));
    expect(parseNumber("-$5")).toEqual(value(-5));
    expect(parseNumber("+5")).toEqual(value(5));
    // two negations are not a sensible amount
    expect(parseNumber("-(5)")).toMatchObject({ kind: "error", note: "not_a_number" });
  });

  test("full-width digits and punctuation", () => {
    expect(parseNumber("１２３")).toEqual(value(123));
    expect(parseNumber("１，２３４．５")).toEqual(value(1234.5));
    expect(parseNumber("－５０")).toEqual(value(-50));
  });

  test("scientific notation text", () => {
    expect(parseNumber("1.5E+06")).toEqual(value(1500000));
  });

  test("Excel error strings are error_value", () => {
    for (const e of [
      "#N/A",
      "#DIV/0!",
      "#VALUE!",
      "#REF!",
      "#NAME?",
      "#NUM!",
      "#NULL!",
      "#SPILL!",
      "#CALC!",
      "#GETTING_DATA",
      "#n/a",
    ]) {
      expect(parseNumber(e)).toMatchObject({ kind: "error", note: "error_value" });
    }
  });

  test("booleans, words, NaN and Infinity are not numbers", () => {
    expect(parseNumber(true)).toMatchObject({ kind: "error", note: "not_a_number" });
    expect(parseNumber(false)).toMatchObject({ kind: "error", note: "not_a_number" });
    for (const raw of ["abc", "12abc", "N/A", "-", "#", "1 2 3 4", NaN, Infinity]) {
      expect(parseNumber(raw)).toMatchObject({ kind: "error", note: "not_a_number" });
    }
  });
});
