/**
 * Round trips and payload bytes of one full run (read, compute, write) through the Office.js
 * adapter on the fake Excel, for a given number of sales rows. Used by the jest test that prints
 * the table and by the benchmark runner.
 */
import { createExcelWorkbook, type ExcelRunner } from "../src/excel";
import { columnsOfMapping, getBuiltinTemplate, planRun } from "../src/engine";
import type { RawCell } from "../src/engine/types";
import { runScorecard, type RunResult } from "../src/workbook/runScorecard";
import type { Progress } from "../src/workbook/contract";
import { createFakeWorkbook, type FakeExcel } from "../test/fakes/excel";

export interface RoundTripMeasure {
  rows: number;
  syncs: number;
  /** Largest request and response of one round trip, in bytes. */
  requestBytes: number;
  responseBytes: number;
  /** Calls queued to Excel (methods, property writes, loads) over the whole run. */
  apiCalls: number;
  /** Round trips refused as too large (then retried smaller). */
  rejected: number;
  readBlocks: number;
  /** Round trips of the read alone (those before the run starts computing). */
  readRoundTrips: number;
  /** The read's progress details, e.g. "block 2 of 3" (none when it was one block). */
  readDetails: string[];
}

export const SALES_HEADERS = [
  "Date",
  "Order ID",
  "Customer",
  "Salesperson",
  "Region",
  "Tier",
  "Quantity",
  "Revenue",
  "Cost",
  "Receivable",
  "Collected",
];

/**
 * Deterministic sales rows (header first): 40 reps in 5 regions, 2,000 customers, three margin
 * tiers, dates as Excel serials over 15 months from 2025-01-01. Labels come from small pools so
 * a million rows share their strings.
 */
export function salesRows(count: number): RawCell[][] {
  const reps = Array.from({ length: 40 }, (_, i) => `Rep ${String(i + 1).padStart(2, "0")}`);
  const regions = ["North", "South", "East", "West", "Central"];
  const customers = Array.from({ length: 2000 }, (_, i) => `Customer ${i + 1}`);
  const tiers = ["premium", "standard", "economy"];
  const prices = [30, 20, 12];
  const rows: RawCell[][] = new Array(count + 1);
  rows[0] = SALES_HEADERS;
  const firstSerial = 45658; // 2025-01-01
  for (let i = 0; i < count; i++) {
    const rep = (i * 7) % 40;
    const tier = i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : 2;
    const quantity = 1 + ((i * 13) % 50);
    const revenue = quantity * prices[tier];
    rows[i + 1] = [
      firstSerial + ((i * 7919) % 455),
      i,
      customers[(i * 31) % 2000],
      reps[rep],
      regions[rep % 5],
      tiers[tier],
      quantity,
      revenue,
      Math.round(revenue * (0.6 + (i % 4) * 0.05)),
      revenue,
      i % 10 === 0 ? 0 : revenue,
    ];
  }
  return rows;
}

export function salesWorkbook(count: number): FakeExcel {
  return createFakeWorkbook({
    sheets: [
      { name: "Sales data", values: salesRows(count), tables: [{ name: "Sales", address: `A1:K${count + 1}` }] },
    ],
  });
}

export async function runOnFake(fake: FakeExcel, onProgress?: (p: Progress) => void): Promise<RunResult> {
  const port = createExcelWorkbook(fake.run as unknown as ExcelRunner, {
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
  });
  return runScorecard(
    port,
    {
      source: { kind: "table", name: "Sales" },
      template: getBuiltinTemplate("sales-rep")!,
      lang: "en",
      asOf: "2026-03",
      now: new Date("2026-04-15T00:00:00Z"),
    },
    onProgress,
  );
}

export async function measureExcelRoundTrips(rows: number): Promise<RoundTripMeasure> {
  return measureRun(salesWorkbook(rows), rows);
}

/** One full run on a given fake (whose `rows` sales rows come from salesWorkbook), measured. */
export async function measureRun(fake: FakeExcel, rows: number): Promise<RoundTripMeasure> {
  let readBlocks = 0;
  let readRoundTrips = -1;
  const readDetails: string[] = [];
  const result = await runOnFake(fake, (p) => {
    if (p.phase === "reading") {
      if (p.rowsDone > 0) readBlocks++;
      if (p.detail) readDetails.push(p.detail);
    } else if (readRoundTrips < 0) readRoundTrips = fake.counters.syncs;
  });
  if (!result.ok) throw new Error(`run failed: ${result.error.message}`);
  const c = fake.counters;
  return {
    rows,
    syncs: c.syncs,
    requestBytes: c.maxRequestBytes,
    responseBytes: c.maxResponseBytes,
    apiCalls: c.operations,
    rejected: c.rejectedSyncs,
    readBlocks,
    readRoundTrips,
    readDetails,
  };
}

/** Seven columns no built-in template reads: with the 11 sales columns, an 18-column source. */
export const UNUSED_HEADERS = ["Notes", "Ship city", "Promo code", "Payment terms", "Warehouse", "Batch", "Comment"];

export interface ColumnReadMeasure {
  rows: number;
  columns: number;
  /** Columns the template uses: its mapped roles the run loads, and the labels that mark totals rows. */
  usedColumns: number;
  /** Response bytes of the read's round trips (everything before the run starts computing). */
  readBytes: number;
  /** JSON bytes of the header and rows of the used columns alone: the least a read could fetch. */
  usedColumnBytes: number;
  /** readBytes / usedColumnBytes (issue 9 point 12's goal: at most 1.1). */
  ratio: number;
}

/** Bytes read from Excel per apply against the bytes of the columns the template uses, on 18 columns. */
export async function measureColumnRead(rows: number): Promise<ColumnReadMeasure> {
  const values = salesRows(rows).map((row, i) =>
    i === 0
      ? [...row, ...UNUSED_HEADERS]
      : [...row, `Note ${i % 97}`, `City ${i % 40}`, `P${i % 13}`, "30 days", `W${i % 5}`, `B${i % 300}`, ""],
  );
  const fake = createFakeWorkbook({
    sheets: [{ name: "Sales data", values, tables: [{ name: "Sales", address: `A1:R${rows + 1}` }] }],
  });
  let readBytes = -1;
  const result = await runOnFake(fake, (p) => {
    if (p.phase !== "reading" && readBytes < 0) readBytes = fake.counters.totalResponseBytes;
  });
  if (!result.ok) throw new Error(`run failed: ${result.error.message}`);
  // The columns the template uses, by the engine's own rule (its KPIs' roles, the inputs that change a figure, totals labels).
  const planned = planRun(getBuiltinTemplate("sales-rep")!);
  if (!planned.ok) throw new Error("plan failed");
  const headers = values[0].map(String);
  const mapping = Object.fromEntries(
    Object.entries(result.scorecard.mapping).map(([role, header]) => [role, headers.indexOf(header!)]),
  );
  const used = columnsOfMapping(planned.plan, mapping);
  const usedColumnBytes = new TextEncoder().encode(JSON.stringify(values.map((row) => used.map((c) => row[c])))).length;
  return {
    rows,
    columns: values[0].length,
    usedColumns: used.length,
    readBytes,
    usedColumnBytes,
    ratio: readBytes / usedColumnBytes,
  };
}
