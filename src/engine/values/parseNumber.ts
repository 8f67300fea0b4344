/**
 * Reads an amount or a count from a cell.
 *
 * - JS numbers are taken as they are (NaN/±Infinity are not numbers).
 * - Blank (null, undefined, "" or only spaces) is blank, never zero.
 * - Excel error strings (#N/A, #DIV/0! …) → error "error_value"; TRUE/FALSE → "not_a_number".
 * - Text: full-width digits and punctuation are folded to ASCII; a currency symbol or code
 *   (₫ đ VND VNĐ ¥ ￥ 元 CNY RMB $ USD € EUR £) may stand before or after; a trailing % divides
 *   by 100; a leading - (or unicode minus) or surrounding parentheses make it negative.
 *
 * Separator rule (both conventions, `1,234,567.5` and `1.234.567,5`):
 * - spaces, non-breaking spaces and apostrophes only group thousands (`1 234 567,5`);
 * - when both "," and "." occur, the last one is the decimal separator;
 * - one kind occurring several times groups thousands (`1.234.567`);
 * - one kind occurring once is a thousands separator when exactly three digits follow it and
 *   the part before is 1–3 digits other than "0" (`1,234` and `1.234` → 1234), otherwise it is
 *   the decimal separator (`1,5` → 1.5, `0,125`, `1234.5`);
 * - thousands groups must have three digits, otherwise the text is not a number.
 */
import type { RawCell } from "../types";
import { BLANK, cellError, type CellRead } from "./cellRead";
import { excelError } from "./excelErrors";

const CURRENCY = "(?:vnd|vnđ|usd|cny|rmb|eur|₫|đ|¥|\\$|€|£|元)";
const LEADING_CURRENCY = new RegExp(`^${CURRENCY}\\s*`, "i");
const TRAILING_CURRENCY = new RegExp(`\\s*${CURRENCY}$`, "i");
const PLAIN = /^-?[\d.,]+$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

export function parseNumber(raw: RawCell): CellRead<number> {
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { kind: "value", value: raw } : cellError("not_a_number", "not a number");
  }
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "boolean") return cellError("not_a_number", "TRUE/FALSE in a number column");
  const text = raw.trim();
  if (text === "") return BLANK;
  const error = excelError(text);
  if (error) return cellError("error_value", `Excel error ${error}`);
  const value = parseNumberText(text);
  return Number.isNaN(value) ? cellError("not_a_number", "not a number") : { kind: "value", value };
}

/** The number in text (spaces around it allowed), or NaN when it is not one. */
export function parseNumberText(input: string): number {
  // Fast path for what CSV files mostly hold: ASCII digits and separators, maybe a minus.
  if (PLAIN.test(input)) {
    const negative = input.charCodeAt(0) === 45; /* - */
    const value = readDigits(negative ? input.slice(1) : input, 0);
    return negative ? -value : value;
  }
  let s = input
    .normalize("NFKC")
    .replace(/[\u2212\u2012\u2013]/g, "-")
    .trim();
  let negations = 0;
  let percent = false;
  // Sign, parentheses, currency and percent may come in several orders ("-$1,234", "($1,234)",
  // "1.234 ₫", "₫ -1.234", "12,5 %"); peel each off the edges once. Two negations are an error.
  if (s.startsWith("(") && s.endsWith(")")) {
    negations++;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(LEADING_CURRENCY, "");
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s[0] === "-") negations++;
    s = s.slice(1).trim();
  }
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(TRAILING_CURRENCY, "").replace(LEADING_CURRENCY, "");
  if (s.startsWith("(") && s.endsWith(")")) {
    negations++;
    s = s.slice(1, -1).trim();
  }
  if (!percent && s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (negations > 1) return NaN;
  const negative = negations === 1;
  const value = SCIENTIFIC.test(s) ? Number(s) / (percent ? 100 : 1) : readDigits(s, percent ? 2 : 0);
  if (!Number.isFinite(value)) return NaN;
  return negative ? -value : value;
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Digits an integer accumulator holds exactly (< 2^53). */
const EXACT_DIGITS = 15;

function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 39 /* ' */ || c === 0x2019; /* ’ */
}

/**
 * The value of digits with separators, divided by 10^scale (2 for percent), by the separator
 * rule above; NaN when the text is not digits and separators or its groups are malformed.
 * One pass to find the separators, one to read the digits; no regex, no substrings.
 */
function readDigits(s: string, scale: number): number {
  const length = s.length;
  let digits = 0;
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  let spaces = 0;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 44) {
      commas++;
      lastComma = i;
    } else if (c === 46) {
      dots++;
      lastDot = i;
    } else if (isGroupSpace(c)) spaces++;
    else return NaN;
  }
  if (digits === 0) return NaN;

  // Where the decimal separator is (-1: none) and which of , . groups thousands (0: neither).
  let decimalAt = -1;
  let groupChar = 0;
  if (commas > 0 && dots > 0) {
    decimalAt = Math.max(lastComma, lastDot);
    groupChar = decimalAt === lastComma ? 46 : 44;
    if ((decimalAt === lastComma ? commas : dots) > 1) return NaN;
  } else if (commas + dots > 1) {
    groupChar = commas > 0 ? 44 : 46;
  } else if (commas + dots === 1) {
    const at = commas > 0 ? lastComma : lastDot;
    const thousands = spaces === 0 && length - at - 1 === 3 && at >= 1 && at <= 3 && s.charCodeAt(0) !== 48;
    if (thousands) groupChar = commas > 0 ? 44 : 46;
    else decimalAt = at;
  }

  const intEnd = decimalAt < 0 ? length : decimalAt;
  let value = 0;
  let groupDigits = 0;
  let grouped = false;
  for (let i = 0; i < intEnd; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      groupDigits++;
      continue;
    }
    if ((c === 44 || c === 46) && c !== groupChar) return NaN;
    // A group separator: the first group has 1–3 digits, every later one exactly 3.
    if (grouped ? groupDigits !== 3 : groupDigits < 1 || groupDigits > 3) return NaN;
    grouped = true;
    groupDigits = 0;
  }
  if (grouped && groupDigits !== 3) return NaN;
  let fraction = 0;
  if (decimalAt >= 0) {
    for (let i = decimalAt + 1; i < length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
      value = value * 10 + (c - 48);
      fraction++;
    }
    if (fraction === 0) return NaN;
  }
  if (digits <= EXACT_DIGITS) {
    // An exact integer over an exact power of ten: IEEE division rounds correctly, so this equals
    // what Number("1234.56") gives.
    const power = fraction + scale;
    return power === 0 ? value : value / POW10[power];
  }
  let canonical = "";
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) canonical += s[i];
    else if (i === decimalAt) canonical += ".";
  }
  return Number(`${canonical}e-${scale}`);
}
