/**
 * Times computeScorecard on 1,048,576 synthetic rows (a full Excel sheet) with the built-in sales-rep
 * template: monthly, by salesperson rolled up by region, two years of data. Not a test: it reports ms.
 *
 *   npx tsc --outDir /tmp/kpi-measure --strict --module commonjs --target ES2020 --esModuleInterop --skipLibCheck \
 *     --resolveJsonModule test/engine/scorecard/measureScorecard.ts && NODE_PATH=node_modules node /tmp/kpi-measure/test/engine/scorecard/measureScorecard.js
 *
 * An optional argument groups by another role, e.g. `... measureScorecard.js customer` (20,000 entities).
 */
import { computeScorecard } from "../../../src/engine/scorecard";
import { getBuiltinTemplate } from "../../../src/engine/templates";
import { ymdToSerial } from "../../../src/engine/values/excelSerial";
import type { DimensionRole, LabelColumn, SalesData } from "../../../src/engine/types";

const ROWS = 1_048_575; // a sheet's 1,048,576 rows less the header
const REPS = 60;
const REGIONS = 6;
const CUSTOMERS = 20_000;
const TIERS = ["premium", "standard", "economy"];

function syntheticSales(n: number): SalesData {
  let seed = 42;
  // 32-bit LCG (Math.imul keeps the product exact), so runs are repeatable
  const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff) / 0x80000000;
  const start = ymdToSerial(2024, 1, 1);
  const dates = new Float64Array(n);
  const rep = new Int32Array(n);
  const region = new Int32Array(n);
  const customer = new Int32Array(n);
  const tier = new Int32Array(n);
  const revenue = new Float64Array(n);
  const quantity = new Float64Array(n);
  const cost = new Float64Array(n);
  const collected = new Float64Array(n);
  const receivable = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dates[i] = start + Math.floor(random() * 730);
    rep[i] = Math.floor(random() * REPS);
    region[i] = rep[i] % REGIONS;
    customer[i] = Math.floor(random() * CUSTOMERS);
    tier[i] = Math.floor(random() * 3);
    quantity[i] = 1 + Math.floor(random() * 50);
    revenue[i] = quantity[i] * (10 + tier[i] * 10);
    cost[i] = revenue[i] * (0.6 + random() * 0.2);
    receivable[i] = revenue[i];
    collected[i] = random() < 0.1 ? NaN : revenue[i] * random();
  }
  const labels = (codes: Int32Array, prefix: string, count: number): LabelColumn => ({
    codes,
    values: Array.from({ length: count }, (_, k) => `${prefix}${k}`),
  });
  return {
    length: n,
    sheetRows: Int32Array.from({ length: n }, (_, i) => i + 2),
    dates,
    numbers: { revenue, quantity, cost, collected, receivable },
    labels: {
      salesperson: labels(rep, "rep", REPS),
      region: labels(region, "region", REGIONS),
      customer: labels(customer, "customer", CUSTOMERS),
      margin_tier: { codes: tier, values: TIERS },
    },
    mapping: {
      date: 0,
      salesperson: 1,
      region: 2,
      customer: 3,
      margin_tier: 4,
      revenue: 5,
      quantity: 6,
      cost: 7,
      collected: 8,
      receivable: 9,
    },
    headers: [
      "date",
      "salesperson",
      "region",
      "customer",
      "tier",
      "revenue",
      "quantity",
      "cost",
      "collected",
      "receivable",
    ],
    sheet: "Sales",
    notes: [],
    rowsRead: n,
    rowsSkipped: 0,
  };
}

const template = getBuiltinTemplate("sales-rep");
if (!template) throw new Error("built-in template sales-rep is missing");
const data = syntheticSales(ROWS);
const now = new Date("2026-06-01T00:00:00Z");
const groupBy = (process.argv[2] as DimensionRole | undefined) ?? template.groupBy;
computeScorecard({ data, template, now, groupBy }); // warm-up
const times: number[] = [];
let result = computeScorecard({ data, template, now, groupBy });
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  result = computeScorecard({ data, template, now, groupBy });
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(
  `computeScorecard, ${ROWS.toLocaleString("en")} rows, by ${groupBy} (${REPS} reps in ${REGIONS} regions, ${CUSTOMERS} customers), 24 months: ` +
    `median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}); ` +
    `${result.rows.length} rows, ${result.history.length} history rows`,
);
