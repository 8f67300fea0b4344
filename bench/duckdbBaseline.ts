/**
 * The SQL baseline: DuckDB (dev-only dependency) loads the same rows with its appender, then one
 * GROUP BY salesperson, month computes the five figures. Load and query are timed separately;
 * the query is the figure comparable with the engine (the engine's input is already in memory).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import type { RawCell } from "../src/engine/types";
import { BASELINE_COLUMNS as C } from "./benchSample";
import { emptyFigures, figureKey, type FigureSet } from "./figures";
import { median } from "./stats";

export interface DuckdbResult {
  loadMs: number;
  /** Median query time. */
  queryMs: number;
  queryRuns: number[];
  figures: FigureSet;
  threads: number;
}

/** Month from the Excel serial day (1900 system: day 0 = 1899-12-30), done in SQL like the rest. */
const QUERY = `
SELECT salesperson,
       strftime(DATE '1899-12-30' + CAST(floor(serial) AS INTEGER), '%Y-%m') AS month,
       SUM(revenue) AS net_sales,
       (SUM(revenue) - SUM(cost)) / NULLIF(SUM(revenue), 0) AS gross_margin_pct,
       SUM(collected) / NULLIF(SUM(receivable), 0) AS collection_rate,
       SUM(bad_debt) / NULLIF(SUM(revenue), 0) AS bad_debt_rate,
       COUNT(DISTINCT customer) AS active_customers
FROM sales
WHERE serial IS NOT NULL AND salesperson IS NOT NULL
GROUP BY ALL`;

function numberOrNull(cell: RawCell): number | null {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
}

function textOrNull(cell: RawCell): string | null {
  return cell === null || cell === undefined || cell === "" ? null : String(cell);
}

export async function runDuckdbBaseline(rows: readonly RawCell[][], queryRuns: number): Promise<DuckdbResult> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const threadsResult = await connection.runAndReadAll("SELECT current_setting('threads')");
    const threads = Number(threadsResult.getRowsJS()[0][0]);

    const loadStart = performance.now();
    await connection.run(`CREATE TABLE sales (serial DOUBLE, customer VARCHAR, salesperson VARCHAR, revenue DOUBLE,
      cost DOUBLE, receivable DOUBLE, collected DOUBLE, bad_debt DOUBLE)`);
    const appender = await connection.createAppender("sales");
    const appendNumber = (cell: RawCell): void => {
      const value = numberOrNull(cell);
      if (value === null) appender.appendNull();
      else appender.appendDouble(value);
    };
    const appendText = (cell: RawCell): void => {
      const value = textOrNull(cell);
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    };
    for (const row of rows) {
      appendNumber(row[C.date]);
      appendText(row[C.customer]);
      appendText(row[C.salesperson]);
      appendNumber(row[C.revenue]);
      appendNumber(row[C.cost]);
      appendNumber(row[C.receivable]);
      appendNumber(row[C.collected]);
      appendNumber(row[C.badDebt]);
      appender.endRow();
    }
    appender.closeSync();
    const loadMs = performance.now() - loadStart;

    const times: number[] = [];
    let figures: FigureSet = {};
    for (let run = 0; run <= queryRuns; run++) {
      const start = performance.now();
      const reader = await connection.runAndReadAll(QUERY);
      const resultRows = reader.getRowsJS();
      const elapsed = performance.now() - start;
      if (run > 0) times.push(elapsed); // run 0 is the warm-up
      figures = {};
      for (const [rep, month, netSales, margin, collection, badDebt, active] of resultRows) {
        const f = emptyFigures();
        f.net_sales = netSales === null ? null : Number(netSales);
        f.gross_margin_pct = margin === null ? null : Number(margin);
        f.collection_rate = collection === null ? null : Number(collection);
        f.bad_debt_rate = badDebt === null ? null : Number(badDebt);
        f.active_customers = active === null ? null : Number(active);
        figures[figureKey(String(rep), String(month))] = f;
      }
    }
    return { loadMs, queryMs: median(times), queryRuns: times, figures, threads };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
