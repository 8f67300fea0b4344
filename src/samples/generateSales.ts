/**
 * A realistic, seeded sales data set: salespeople in regions, customers who appear over time
 * (so "new" and "active" customers mean something), products in margin tiers with a new-product
 * flag, deals won/lost/cancelled/open, receivables with partial collections and some bad debt,
 * sales expenses, and a targets table per salesperson per month.
 * Same options → same rows, on every machine.
 */
import type { Lang, RawCell } from "../engine/types";
import { randomInt, seededRandom, type Random } from "./prng";
import { PRODUCTS, SAMPLE_COLUMNS, SAMPLE_VOCABULARY, type SampleStatus, type TierId } from "./sampleVocabulary";

export interface SampleOptions {
  rows: number;
  seed: number;
  lang: Lang;
  /** First month, "YYYY-MM"; default "2025-01". */
  start?: string;
  /** Number of months; default 15 (so the last quarter has a same-period-last-year). */
  months?: number;
}

export interface SampleTable {
  sheet: string;
  headers: string[];
  rows: RawCell[][];
}

export interface SalesSample {
  sales: SampleTable;
  targets: SampleTable;
}

/** Column positions in a sales row (same order as SAMPLE_COLUMNS). */
export const COL = Object.fromEntries(SAMPLE_COLUMNS.map((c, i) => [c, i])) as Record<
  (typeof SAMPLE_COLUMNS)[number],
  number
>;

/** KPI columns of the targets sheet, named by KPI id so a template's `{type:"table"}` target finds them. */
export const TARGET_KPI_COLUMNS = ["net_sales", "collection_rate", "new_customers"] as const;

const EXCEL_EPOCH_OFFSET = 25569; // days from 1899-12-30 to 1970-01-01

export function excelSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86400000 + EXCEL_EPOCH_OFFSET;
}

function parseStart(start: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(start);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`start must be YYYY-MM, got "${start}"`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

function monthLabel(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

const PRODUCTS_BY_TIER: Record<TierId, number[]> = { premium: [], standard: [], economy: [] };
PRODUCTS.forEach((p, index) => PRODUCTS_BY_TIER[p.tier].push(index));

function pickStatus(random: Random): SampleStatus {
  const u = random();
  if (u < 0.82) return "won";
  if (u < 0.9) return "lost";
  if (u < 0.94) return "cancelled";
  return "open";
}

function roundTo(value: number, step: number): number {
  // Work in whole steps to avoid 0.1 + 0.2 artefacts in the written cells.
  return step >= 1 ? Math.round(value / step) * step : Math.round(value / step) / Math.round(1 / step);
}

/**
 * Calls `visit` once per sales row, in date order, then returns the targets table.
 * Streaming form, so a million-row sample never holds all rows at once.
 */
export function eachSalesRow(options: SampleOptions, visit: (row: RawCell[]) => void): SampleTable {
  const { rows, seed, lang } = options;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer, got ${rows}`);
  const months = options.months ?? 15;
  const { year: startYear, month: startMonth } = parseStart(options.start ?? "2025-01");
  const words = SAMPLE_VOCABULARY[lang];
  const random = seededRandom(seed);
  const reps = words.salespeople;

  // Customers: about one per 3 rows; 15% exist from the start, the rest appear month by month.
  const customerCount = Math.max(24, Math.min(50000, Math.round(rows / 3)));
  const customerRep = new Int32Array(customerCount);
  for (let c = 0; c < customerCount; c++) customerRep[c] = randomInt(random, 0, reps.length - 1);
  const customerName = (c: number): string => {
    const pairs = words.customerFirst.length * words.customerSecond.length;
    const base = `${words.customerFirst[c % words.customerFirst.length]} ${words.customerSecond[Math.floor(c / words.customerFirst.length) % words.customerSecond.length]}`;
    return c < pairs ? base : `${base} ${Math.floor(c / pairs) + 1}`;
  };
  const availableBy = (m: number): number => Math.ceil(customerCount * (0.15 + (0.85 * (m + 1)) / months));

  // Each rep sells a tier mix of their own, so margin mix differs between people.
  const repTierBias = reps.map(() => 0.6 + random() * 0.8);

  // Net sales, receivable/collected and new customers per rep and month, for plausible targets.
  const repMonthSales = new Float64Array(reps.length * months);

  let orderNo = 1000;
  let produced = 0;
  for (let m = 0; m < months; m++) {
    const year = startYear + Math.floor((startMonth - 1 + m) / 12);
    const month = ((startMonth - 1 + m) % 12) + 1;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const rowsThisMonth = Math.floor(((m + 1) * rows) / months) - Math.floor((m * rows) / months);
    const days = new Int32Array(rowsThisMonth);
    for (let i = 0; i < rowsThisMonth; i++) days[i] = randomInt(random, 1, daysInMonth);
    days.sort();
    const newFrom = m === 0 ? 0 : availableBy(m - 1);
    const available = Math.min(customerCount, availableBy(m));

    // The previous line's order, which the next line may continue (same day, customer, rep, status).
    let previousDay = -1;
    let customer = 0;
    let rep = 0;
    let status: SampleStatus = "won";
    for (let i = 0; i < rowsThisMonth; i++) {
      const continues = previousDay === days[i] && random() < 0.25;
      if (!continues) {
        orderNo++;
        customer =
          newFrom < available && random() < 0.4
            ? randomInt(random, newFrom, available - 1)
            : randomInt(random, 0, available - 1);
        rep = random() < 0.9 ? customerRep[customer] : randomInt(random, 0, reps.length - 1);
        status = pickStatus(random);
      }
      previousDay = days[i];
      const tierRoll = random() * repTierBias[rep];
      const tier: TierId = tierRoll < 0.22 ? "economy" : tierRoll < 0.72 ? "standard" : "premium";
      const tierProducts = PRODUCTS_BY_TIER[tier];
      const productIndex = tierProducts[randomInt(random, 0, tierProducts.length - 1)];
      const product = PRODUCTS[productIndex];
      const quantity =
        tier === "economy"
          ? randomInt(random, 8, 50)
          : tier === "standard"
            ? randomInt(random, 5, 60)
            : randomInt(random, 2, 30);
      const unitPrice = roundTo(product.priceUsd * words.currencyPerUsd * (0.92 + random() * 0.16), words.priceStep);
      const won = status === "won";
      const revenue = won ? roundTo(quantity * unitPrice, words.priceStep) : 0;
      const cost = won ? roundTo(revenue * (1 - product.margin) * (0.96 + random() * 0.08), words.priceStep) : 0;
      const receivable = revenue;
      let collected = receivable;
      let badDebt = 0;
      if (won) {
        const u = random();
        if (u > 0.95) collected = 0;
        else if (u > 0.8) collected = roundTo(receivable * (0.5 + random() * 0.45), words.priceStep);
        if (collected < receivable && random() < 0.18)
          badDebt = roundTo((receivable - collected) * (0.3 + random() * 0.7), words.priceStep);
      }
      const expense = won
        ? roundTo(revenue * (0.02 + random() * 0.04), words.priceStep)
        : roundTo((5 + random() * 35) * words.currencyPerUsd, words.priceStep);

      const row: RawCell[] = new Array(SAMPLE_COLUMNS.length);
      row[COL.date] = excelSerial(year, month, days[i]);
      row[COL.order_id] = `SO-${orderNo}`;
      row[COL.customer] = customerName(customer);
      row[COL.salesperson] = reps[rep].name;
      row[COL.region] = words.regions[reps[rep].region];
      row[COL.product] = words.products[productIndex];
      row[COL.category] = words.categories[product.category];
      row[COL.margin_tier] = words.tiers[tier];
      row[COL.new_product] = product.isNew ? words.flag.yes : words.flag.no;
      row[COL.quantity] = won ? quantity : 0;
      row[COL.unit_price] = unitPrice;
      row[COL.revenue] = revenue;
      row[COL.cost] = cost;
      row[COL.receivable] = receivable;
      row[COL.collected] = collected;
      row[COL.bad_debt] = badDebt;
      row[COL.status] = words.statuses[status];
      row[COL.expense] = expense;
      repMonthSales[rep * months + m] += revenue;
      visit(row);
      produced++;
    }
  }
  if (produced !== rows) throw new Error(`generated ${produced} rows instead of ${rows}`);

  // Targets: the plan is set near what each rep sells (85% to 125%), rounded like a real plan.
  const planStep = 100 * words.currencyPerUsd;
  const targetRows: RawCell[][] = [];
  for (let r = 0; r < reps.length; r++) {
    for (let m = 0; m < months; m++) {
      const year = startYear + Math.floor((startMonth - 1 + m) / 12);
      const month = ((startMonth - 1 + m) % 12) + 1;
      const plan = Math.max(
        planStep,
        Math.round((repMonthSales[r * months + m] * (0.85 + random() * 0.4)) / planStep) * planStep,
      );
      targetRows.push([reps[r].name, monthLabel(year, month), plan, 0.9, randomInt(random, 1, 3)]);
    }
  }
  return {
    sheet: words.targetsSheet,
    headers: [words.targetHeaders.salesperson, words.targetHeaders.period, ...TARGET_KPI_COLUMNS],
    rows: targetRows,
  };
}

/** The whole sample in memory: sales rows and targets as plain arrays. */
export function generateSales(options: SampleOptions): SalesSample {
  const words = SAMPLE_VOCABULARY[options.lang];
  const rows: RawCell[][] = [];
  const targets = eachSalesRow(options, (row) => rows.push(row));
  return { sales: { sheet: words.salesSheet, headers: SAMPLE_COLUMNS.map((c) => words.headers[c]), rows }, targets };
}

/** Headers of the sales sheet in a language. */
export function salesHeaders(lang: Lang): string[] {
  const words = SAMPLE_VOCABULARY[lang];
  return SAMPLE_COLUMNS.map((c) => words.headers[c]);
}
