/**
 * The benchmark's data: the sample generator's rows for a size, with one fixed seed, so every
 * contender (engine, formulas, SQL, Excel adapter, CLI) works on exactly the same rows.
 */
import type { SourceTable } from "../src/engine/types";
import { COL, generateSales, type SampleOptions } from "../src/samples/generateSales";

export const BENCH_SEED = 20260301;

/** 24 months from 2024-01, so the data spans more than a year, as a real sales sheet does. */
export function benchSampleOptions(rows: number): SampleOptions {
  return { rows, seed: BENCH_SEED, lang: "en", start: "2024-01", months: 24 };
}

export interface BenchSample {
  sales: SourceTable;
  targets: SourceTable;
}

export function benchSample(rows: number): BenchSample {
  const sample = generateSales(benchSampleOptions(rows));
  return {
    sales: { sheet: sample.sales.sheet, headers: sample.sales.headers, rows: sample.sales.rows, firstRow: 2 },
    targets: { sheet: sample.targets.sheet, headers: sample.targets.headers, rows: sample.targets.rows, firstRow: 2 },
  };
}

/** Where the baselines find their inputs in a sample row (the generator's fixed column order). */
export const BASELINE_COLUMNS = {
  date: COL.date,
  customer: COL.customer,
  salesperson: COL.salesperson,
  revenue: COL.revenue,
  cost: COL.cost,
  receivable: COL.receivable,
  collected: COL.collected,
  badDebt: COL.bad_debt,
} as const;

/** "2026-03" for an Excel serial day (1900 date system, serials after 1900-02-28). */
export function monthOfSerial(serial: number): string {
  const date = new Date(Math.round((Math.floor(serial) - 25569) * 86400000));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The numeric month key a user computes with =YEAR(d)*100+MONTH(d), as the "2026-03" label. */
export function monthOfKey(key: number): string {
  return `${Math.floor(key / 100)}-${String(key % 100).padStart(2, "0")}`;
}
