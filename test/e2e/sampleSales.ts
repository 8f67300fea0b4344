/**
 * A deterministic sample sales table for the browser tests: a few hundred rows, four reps in two
 * regions, January–June 2026. The "collected" column has a header detection cannot know ("Cash in"),
 * so the test has to map it by hand.
 */
import type { RawCell } from "../../src/engine/types";

export const SALES_SHEET = "Sales";
export const SALES_TABLE = "SalesData";
export const SAMPLE_HEADERS = [
  "Date",
  "Order",
  "Customer",
  "Salesperson",
  "Region",
  "Tier",
  "Quantity",
  "Revenue",
  "Cost",
  "Receivable",
  "Cash in",
  "Bad debt",
];
export const COLLECTED_HEADER = "Cash in";
export const SAMPLE_REPS: Array<{ name: string; region: string }> = [
  { name: "Trần Thị Bình", region: "Miền Bắc" },
  { name: "Nguyễn Văn An", region: "Miền Bắc" },
  { name: "Lê Minh Châu", region: "Miền Nam" },
  { name: "Phạm Thu Dung", region: "Miền Nam" },
];

/** Excel serial of 2026-01-01 (1900 date system). */
const JAN_1_2026 = 46023;
const MONTH_STARTS = [0, 31, 59, 90, 120, 151]; // day offsets of Jan..Jun 2026
const TIERS = [
  { tier: "premium", price: 420 },
  { tier: "standard", price: 260 },
  { tier: "economy", price: 150 },
];

/** mulberry32: a tiny seeded generator, so every run (and every language) sees the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Header row + `rowsPerMonth` × 6 months of rows. */
export function sampleSalesValues(rowsPerMonth = 60, seed = 7): RawCell[][] {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const rows: RawCell[][] = [SAMPLE_HEADERS];
  let order = 1000;
  for (let month = 0; month < MONTH_STARTS.length; month++) {
    for (let i = 0; i < rowsPerMonth; i++) {
      const rep = SAMPLE_REPS[i % SAMPLE_REPS.length];
      const tier = pick(TIERS);
      const quantity = 5 + Math.floor(next() * 55);
      const revenue = quantity * tier.price;
      const cost = Math.round(revenue * (0.55 + next() * 0.25));
      const collected = Math.round(revenue * (0.7 + next() * 0.3));
      const badDebt = next() < 0.05 ? Math.round(revenue * 0.1) : 0;
      rows.push([
        JAN_1_2026 + MONTH_STARTS[month] + Math.floor(next() * 28),
        `HD${order++}`,
        `KH${String(1 + Math.floor(next() * 30)).padStart(3, "0")}`,
        rep.name,
        rep.region,
        tier.tier,
        quantity,
        revenue,
        cost,
        revenue,
        collected,
        badDebt,
      ]);
    }
  }
  return rows;
}
