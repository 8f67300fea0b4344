import { KPI_IDS } from "../../../src/engine/kpis";
/** Invariants over generated data (fast-check): never throw, roll-ups from sums, weights normalised. */
import fc from "fast-check";
import { computeScorecard } from "../../../src/engine/scorecard";
import {
  DEAL_STATUSES,
  type DealStatus,
  type DimensionRole,
  type PeriodKind,
  type TemplateKpi,
} from "../../../src/engine/types";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const anyNumber = fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }), fc.constant(0));
const isoDate = fc
  .record({
    y: fc.integer({ min: 2024, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const label = (prefix: string, n: number) => fc.integer({ min: 0, max: n }).map((i) => `${prefix}${i}`);

const anyRow: fc.Arbitrary<FixtureRow> = fc.record(
  {
    date: isoDate,
    salesperson: label("rep", 4),
    region: label("region", 2),
    customer: label("c", 6),
    order_id: label("o", 8),
    margin_tier: fc.constantFrom("premium", "standard", "economy", "Other"),
    currency: fc.constantFrom("VND", "USD"),
    status: fc.constantFrom(...(DEAL_STATUSES as readonly DealStatus[])),
    new_product: fc.boolean(),
    revenue: anyNumber,
    quantity: anyNumber,
    cost: anyNumber,
    collected: anyNumber,
    receivable: anyNumber,
    bad_debt: anyNumber,
    expense: anyNumber,
  },
  { requiredKeys: [] },
);

const everyKpi = (targets: TemplateKpi["target"][]): Array<Partial<TemplateKpi> & Pick<TemplateKpi, "kpi">> =>
  KPI_IDS.map((kpi, i) => ({
    kpi,
    gate: i % 5 === 0,
    target: targets[i % targets.length],
    marginMix:
      kpi === "margin_mix"
        ? {
            basis: i % 2 === 0 ? "quantity" : "revenue",
            tiers: [
              { tier: "premium", target: 10, targetKind: "amount", kind: "min" },
              { tier: "economy", target: 0.5, targetKind: "share", kind: "max" },
            ],
          }
        : undefined,
  }));

const targetSpec: fc.Arbitrary<TemplateKpi["target"]> = fc.oneof(
  fc.record({ type: fc.constant("fixed" as const), value: anyNumber }),
  fc.record({ type: fc.constant("table" as const), fallback: maybe(anyNumber) }),
  fc.record({ type: fc.constant("growth" as const), rate: fc.double({ min: -1, max: 2, noNaN: true }) }),
  fc.record({ type: fc.constant("range" as const), min: anyNumber, max: anyNumber }),
);

test("no data of any shape or content makes computeScorecard throw", () => {
  fc.assert(
    fc.property(
      fc.array(anyRow, { maxLength: 40 }),
      fc.array(targetSpec, { minLength: 1, maxLength: 4 }),
      fc.constantFrom<PeriodKind>("month", "quarter", "year"),
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom<DimensionRole>("salesperson", "region", "customer", "margin_tier"),
      fc.array(
        fc.record({
          entity: label("rep", 4),
          period: fc.constantFrom("", "2026-01", "2025-Q2"),
          kpi: fc.constantFrom(...KPI_IDS, "margin_mix:premium"),
          target: anyNumber,
        }),
        { maxLength: 5 },
      ),
      (rows, targets, period, fiscalYearStartMonth, groupBy, table) => {
        const template = templateWith(everyKpi(targets), { period: { kind: period, fiscalYearStartMonth } });
        const scorecard = computeScorecard({ data: salesData(rows), template, targets: table, groupBy, now: LATER });
        expect(scorecard.rows.length).toBeGreaterThanOrEqual(1); // the total is always there
        expect(scorecard.rows[scorecard.rows.length - 1].level).toBe("total");
      },
    ),
    { numRuns: 150 },
  );
});

describe("a region's figures come from its rows, not from its reps' figures", () => {
  // Every rep belongs to one region (rep i → region i mod 2), so the region's rows are known.
  const repRow = fc
    .record({
      rep: fc.integer({ min: 0, max: 4 }),
      date: fc.constantFrom("2026-01-10", "2026-02-10"),
      customer: label("c", 5),
      collected: maybe(fc.integer({ min: 0, max: 500 })),
      receivable: maybe(fc.integer({ min: 0, max: 500 })),
    })
    .map(({ rep, ...r }): FixtureRow => ({ ...r, salesperson: `rep${rep}`, region: `region${rep % 2}` }));

  test("collection rate = Σ collected / Σ receivable and active customers = distinct customers, per region and in total", () => {
    fc.assert(
      fc.property(fc.array(repRow, { minLength: 1, maxLength: 40 }), (rows) => {
        const scorecard = computeScorecard({
          data: salesData(rows, ["collected", "receivable", "customer"]),
          template: templateWith([{ kpi: "collection_rate" }, { kpi: "active_customers" }]),
          now: LATER,
        });
        for (const h of scorecard.history) {
          if (h.level === "salesperson") continue;
          const mine = rows.filter(
            (r) => r.date!.startsWith(h.period) && (h.level === "total" || r.region === h.entity),
          );
          if (h.kpi === "active_customers") {
            expect(h.actual).toBe(new Set(mine.map((r) => r.customer)).size);
            continue;
          }
          const collected = mine.filter((r) => r.collected !== undefined);
          const receivable = mine.filter((r) => r.receivable !== undefined);
          const sumReceivable = receivable.reduce((s, r) => s + r.receivable!, 0);
          if (collected.length === 0 || receivable.length === 0 || sumReceivable === 0) expect(h.actual).toBeNull();
          else expect(h.actual).toBeCloseTo(collected.reduce((s, r) => s + r.collected!, 0) / sumReceivable, 12);
        }
      }),
      { numRuns: 100 },
    );
  });
});

test("weights normalise: scaling every weight leaves every weighted score unchanged", () => {
  const row = fc.record({
    date: fc.constantFrom("2026-01-10", "2026-02-10"),
    salesperson: label("rep", 3),
    revenue: fc.integer({ min: 0, max: 1000 }),
    cost: fc.integer({ min: 0, max: 1000 }),
    collected: fc.integer({ min: 0, max: 1000 }),
    receivable: fc.integer({ min: 1, max: 1000 }),
  });
  fc.assert(
    fc.property(
      fc.array(row, { minLength: 1, maxLength: 20 }),
      fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
      fc.double({ min: 0.01, max: 1000, noNaN: true }),
      (rows, weights, factor) => {
        const kpis = (scale: number): Array<Partial<TemplateKpi> & Pick<TemplateKpi, "kpi">> => [
          { kpi: "net_sales", weight: weights[0] * scale, target: { type: "fixed", value: 500 } },
          { kpi: "gross_margin_pct", weight: weights[1] * scale, target: { type: "fixed", value: 0.3 } },
          { kpi: "collection_rate", weight: weights[2] * scale, target: { type: "fixed", value: 0.9 } },
        ];
        const base = computeScorecard({
          data: salesData(rows),
          template: templateWith(kpis(1), { rollup: [] }),
          now: LATER,
        });
        const scaled = computeScorecard({
          data: salesData(rows),
          template: templateWith(kpis(factor), { rollup: [] }),
          now: LATER,
        });
        base.rows.forEach((r, i) => {
          if (r.score === null) expect(scaled.rows[i].score).toBeNull();
          else expect(scaled.rows[i].score).toBeCloseTo(r.score, 9);
        });
      },
    ),
    { numRuns: 100 },
  );
});
