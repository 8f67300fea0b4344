/**
 * Golden tests: each bundled sample workbook → scorecard JSON, checked against values computed
 * here by plain arithmetic over the generator's rows (not by the engine).
 * The samples are `sample --rows 2000 --seed 2026 --lang L` (assets/samples/README.md).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LANGS, type Lang, type Scorecard } from "../../src/engine/types";
import { COL, generateSales } from "../../src/samples/generateSales";
import { SAMPLE_COLUMNS, SAMPLE_VOCABULARY } from "../../src/samples/sampleVocabulary";
import { runCli } from "./support/runCli";

const MARCH_2026 = { first: 46082, last: 46112 }; // serials of 2026-03-01 and 2026-03-31
const inMarch = (serial: number) => serial >= MARCH_2026.first && serial <= MARCH_2026.last;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-golden-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Sums {
  revenue: number;
  cost: number;
  receivable: number;
  collected: number;
  newCustomers: number;
  tiers: Record<string, number>;
}

/** Payout curve of sales-rep: 0 below 80%; (0.8 → 0.5), (1.0 → 1.0), (1.2 → 1.5), capped at 1.5; a failed gate caps it at 0.8. */
function payoutOf(score: number, gatesPassed: boolean): number {
  let p =
    score < 0.8 ? 0 : score <= 1 ? 0.5 + ((score - 0.8) / 0.2) * 0.5 : Math.min(1.5, 1 + ((score - 1) / 0.2) * 0.5);
  if (!gatesPassed) p = Math.min(p, 0.8);
  return p;
}

describe.each(LANGS)("golden: sample workbook in %s", (lang: Lang) => {
  const words = SAMPLE_VOCABULARY[lang];
  const tierOfLabel = new Map(Object.entries(words.tiers).map(([id, label]) => [label, id]));
  const sample = generateSales({ rows: 2000, seed: 2026, lang });
  let scorecard: Scorecard;

  beforeAll(async () => {
    const json = path.join(dir, `${lang}.json`);
    const input = path.join(__dirname, "..", "..", "assets", "samples", `sales-${lang}.xlsx`);
    const run = await runCli(
      "apply",
      input,
      "--targets",
      words.targetsSheet,
      "--as-of",
      "2026-03",
      "--lang",
      lang,
      "--json",
      json,
      "--quiet",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    scorecard = JSON.parse(fs.readFileSync(json, "utf8"));
  });

  /** Per salesperson, March 2026 sums; new customers counted for the rep of their first row in the whole data. */
  function expectedByRep(): Map<string, Sums> {
    const sums = new Map<string, Sums>();
    const sumsOf = (rep: string) => {
      if (!sums.has(rep))
        sums.set(rep, { revenue: 0, cost: 0, receivable: 0, collected: 0, newCustomers: 0, tiers: {} });
      return sums.get(rep)!;
    };
    const seen = new Set<string>();
    for (const r of sample.sales.rows) {
      const rep = r[COL.salesperson] as string;
      const customer = r[COL.customer] as string;
      const first = !seen.has(customer);
      seen.add(customer);
      if (!inMarch(r[COL.date] as number)) continue;
      const s = sumsOf(rep);
      s.revenue += r[COL.revenue] as number;
      s.cost += r[COL.cost] as number;
      s.receivable += r[COL.receivable] as number;
      s.collected += r[COL.collected] as number;
      if (first) s.newCustomers++;
      // The sheet holds the tier in its language (Cao cấp, 高端...); the generator's vocabulary says which tier it is.
      const tier = tierOfLabel.get(r[COL.margin_tier] as string)!;
      s.tiers[tier] = (s.tiers[tier] ?? 0) + (r[COL.revenue] as number);
    }
    return sums;
  }

  test("the detected mapping names the sheet's headers", () => {
    for (const role of SAMPLE_COLUMNS) expect(scorecard.mapping[role]).toBe(words.headers[role]);
    expect([scorecard.template, scorecard.asOf, scorecard.groupBy, scorecard.rowsRead]).toEqual([
      "sales-rep",
      "2026-03",
      "salesperson",
      2000,
    ]);
  });

  test("each salesperson's KPIs, score and payout equal the arithmetic over the generated rows", () => {
    const expected = expectedByRep();
    const reps = scorecard.rows.filter((r) => r.level === "salesperson");
    expect(reps.map((r) => r.entity).sort()).toEqual([...expected.keys()].sort());
    for (const row of reps) {
      const s = expected.get(row.entity)!;
      const plan = sample.targets.rows.find((t) => t[0] === row.entity && t[1] === "2026-03")![2] as number;
      const grossMargin = (s.revenue - s.cost) / s.revenue;
      const collectionRate = s.collected / s.receivable;
      // Margin mix of sales-rep (revenue basis): premium ≥ 20%, standard ≥ 60% (min), economy ≤ 20% (max);
      // tier attainment = actual share / target share (max: target / actual, 120% when nothing sold); mix = the lowest.
      const share = (tier: string) => (s.tiers[tier] ?? 0) / s.revenue;
      const economy = share("economy");
      const mix = Math.min(share("premium") / 0.2, share("standard") / 0.6, economy === 0 ? 1.2 : 0.2 / economy);
      const attainments = {
        net_sales: s.revenue / plan,
        gross_margin_pct: grossMargin / 0.25,
        collection_rate: collectionRate / 0.95,
        new_customers: s.newCustomers / 5,
        margin_mix: mix,
      };
      const k = row.kpis;
      expect(k.net_sales!.actual).toBeCloseTo(s.revenue, 4);
      expect(k.net_sales!.target).toBe(plan);
      expect(k.gross_margin_pct!.actual).toBeCloseTo(grossMargin, 10);
      expect(k.collection_rate!.actual).toBeCloseTo(collectionRate, 10);
      expect(k.new_customers!.actual).toBe(s.newCustomers);
      expect(k.margin_mix!.actual).toBeCloseTo(mix, 10);
      for (const [id, att] of Object.entries(attainments)) {
        const cell = k[id as keyof typeof k]!;
        expect(cell.attainment).toBeCloseTo(att, 10);
        expect(cell.status).toBe(att >= 1 ? "met" : att >= 0.9 ? "at_risk" : "missed"); // default bands
      }
      // Weights 35, 20, 20, 15, 10; scores clamped to [0, 1.2].
      const clamp = (x: number) => Math.max(0, Math.min(1.2, x));
      const score =
        (35 * clamp(attainments.net_sales) +
          20 * clamp(attainments.gross_margin_pct) +
          20 * clamp(attainments.collection_rate) +
          15 * clamp(attainments.new_customers) +
          10 * clamp(mix)) /
        100;
      expect(row.score).toBeCloseTo(score, 10);
      expect(row.gatesPassed).toBe(mix >= 1);
      expect(row.payout).toBeCloseTo(payoutOf(score, mix >= 1), 10);
    }
  });

  test("regions and the total recompute ratios from sums, never averages", () => {
    const expected = expectedByRep();
    for (const region of scorecard.rows.filter((r) => r.level === "region")) {
      const reps = words.salespeople
        .filter((p) => words.regions[p.region] === region.entity)
        .map((p) => expected.get(p.name)!);
      const sum = (f: (s: Sums) => number) => reps.reduce((t, s) => t + f(s), 0);
      expect(region.kpis.net_sales!.actual).toBeCloseTo(
        sum((s) => s.revenue),
        4,
      );
      expect(region.kpis.collection_rate!.actual).toBeCloseTo(sum((s) => s.collected) / sum((s) => s.receivable), 10);
      expect(region.kpis.new_customers!.actual).toBe(sum((s) => s.newCustomers));
    }
    const total = scorecard.rows.find((r) => r.level === "total")!;
    const all = [...expected.values()];
    expect(total.kpis.gross_margin_pct!.actual).toBeCloseTo(
      all.reduce((t, s) => t + s.revenue - s.cost, 0) / all.reduce((t, s) => t + s.revenue, 0),
      10,
    );
  });
});
