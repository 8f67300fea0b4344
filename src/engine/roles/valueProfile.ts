/**
 * What a column's values look like, from a sample: how many read as numbers, dates written as
 * text, date serials, yes/no flags, deal statuses, currency codes. Used to confirm partial header
 * matches and to detect roles of columns whose header says nothing.
 */
import type { RawCell, SourceTable } from "../types";
import { parseDate } from "../values/parseDate";
import { parseFlag } from "../values/parseFlag";
import { parseNumber } from "../values/parseNumber";
import { parseStatus } from "../values/parseStatus";

export interface ValueProfile {
  nonBlank: number;
  numbers: number;
  textDates: number;
  /** Numbers between 2000-01-01 (36526) and 2100-12-31 (73415): plausible Excel date serials. */
  serials: number;
  flags: number;
  booleans: number;
  statuses: number;
  currencies: number;
}

const CURRENCY_CODES = new Set([
  "VND",
  "USD",
  "CNY",
  "RMB",
  "EUR",
  "JPY",
  "HKD",
  "TWD",
  "SGD",
  "THB",
  "GBP",
  "KRW",
  "AUD",
  "MYR",
  "IDR",
  "PHP",
]);
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73415;

export function profileColumn(table: SourceTable, column: number, sampleRows: number): ValueProfile {
  const p: ValueProfile = {
    nonBlank: 0,
    numbers: 0,
    textDates: 0,
    serials: 0,
    flags: 0,
    booleans: 0,
    statuses: 0,
    currencies: 0,
  };
  const rows = table.rows;
  // Sparse columns (bad debt) are looked for further down, but never through a whole big sheet.
  const lastRow = Math.min(rows.length, sampleRows * 10);
  for (let r = 0; r < lastRow && p.nonBlank < sampleRows; r++) {
    const raw: RawCell = rows[r]?.[column];
    if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) continue;
    p.nonBlank++;
    if (typeof raw === "boolean") {
      p.booleans++;
      p.flags++;
      continue;
    }
    if (parseFlag(raw).kind === "value") p.flags++;
    if (typeof raw === "number") {
      p.numbers++;
      if (raw >= SERIAL_2000 && raw <= SERIAL_2100) p.serials++;
      continue;
    }
    if (parseNumber(raw).kind === "value") p.numbers++;
    else if (parseDate(raw).kind === "value") p.textDates++;
    if (parseStatus(raw).kind === "value") p.statuses++;
    if (CURRENCY_CODES.has(raw.trim().toUpperCase())) p.currencies++;
  }
  return p;
}
