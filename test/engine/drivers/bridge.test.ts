/**
 * The price / volume / mix bridge of net sales and gross profit by product (issue 13 §1). Each expected
 * value shows its arithmetic: volume = (Q₁ − Q₀) × P₀, mix = Σ (s₁ − s₀) × Q₁ × p₀ = Σ q₁ p₀ − Q₁ P₀,
 * price = Σ (p₁ − p₀) × q₁.
 */
import fc from "fast-check";
import { priceVolumeMix, type BridgeSide } from "../../../src/engine/drivers/bridge";
import { computeScorecard } from "../../../src/engine/scorecard";
import type { KpiId, PriceVolumeMix, Scorecard } from "../../../src/engine/types";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

function scored(rows: FixtureRow[], kpis: KpiId[] = ["net_sales", "gross_profit"], groupBy?: "product"): Scorecard {
  return computeScorecard({
    data: salesData(rows),
    template: templateWith(
      kpis.map((kpi) => ({ kpi })),
      groupBy ? { groupBy, rollup: [] } : {},
    ),
    asOf: "2026-02",
    now: LATER,
    drivers: true,
  });
}

const side = (products: Array<[quantity: number, amount: number, unpriced?: number]>): BridgeSide => ({
  quantity: products.map(([q]) => q),
  pricedAmount: products.map(([, s]) => s),
  amount: products.map(([, s, u]) => s + (u ?? 0)),
});

function expectBridge(actual: PriceVolumeMix | undefined, expected: PriceVolumeMix): void {
  expect(actual).toBeDefined();
  expect(actual!.price).toBeCloseTo(expected.price, 6);
  expect(actual!.volume).toBeCloseTo(expected.volume, 6);
  expect(actual!.mix).toBeCloseTo(expected.mix, 6);
}

describe("the bridge by hand", () => {
  test("products in both periods", () => {
    // base: A 10 × 10 = 100, B 10 × 20 = 200: Q₀ 20, S₀ 300, P₀ 15
    // now:  A 12 × 11 = 132, B 18 × 20 = 360: Q₁ 30, S₁ 492; change 192
    const b = priceVolumeMix(
      side([
        [12, 132],
        [18, 360],
      ]),
      side([
        [10, 100],
        [10, 200],
      ]),
      2,
    );
    // volume (30 − 20) × 15 = 150; mix 12 × 10 + 18 × 20 − 30 × 15 = 480 − 450 = 30; price (11 − 10) × 12 = 12
    expectBridge(b, { volume: 150, mix: 30, price: 12 });
    expect(b.price + b.volume + b.mix).toBeCloseTo(192, 9);
  });

  test("a new product enters at its own price (all mix), a lost one leaves through volume and mix", () => {
    // base: A 10 × 10 = 100, B 10 × 20 = 200 (lost): Q₀ 20, P₀ 15
    // now: A 20 × 12 = 240, C 5 × 30 = 150 (new): Q₁ 25, S₁ 390; change 90
    const b = priceVolumeMix(
      side([
        [20, 240],
        [0, 0],
        [5, 150],
      ]),
      side([
        [10, 100],
        [10, 200],
        [0, 0],
      ]),
      3,
    );
    // volume (25 − 20) × 15 = 75; mix 20 × 10 + 5 × 30 − 25 × 15 = −25; price (12 − 10) × 20 + (30 − 30) × 5 = 40
    expectBridge(b, { volume: 75, mix: -25, price: 40 });
  });

  test("an amount without a quantity (a rebate) is price; no base quantity at all is all mix", () => {
    // now: A 10 × 10 = 100 plus a rebate of −20 on a row without quantity; base A 10 × 10: change −20
    expectBridge(priceVolumeMix(side([[10, 100, -20]]), side([[10, 100]]), 1), { volume: 0, mix: 0, price: -20 });
    // base: 50 sold without quantities; now 4 × 25 = 100: change 50 = mix 100 + price (0 − 50)
    expectBridge(priceVolumeMix(side([[4, 100]]), side([[0, 0, 50]]), 1), { volume: 0, mix: 100, price: -50 });
  });
});

// The beer company of the source documents (seeds digest, margin mix): a region planned 10,000 cases,
// 2,000 draft, 6,000 regular, 2,000 "Super"; it sold 12,000, 10,500 of them Super at a cut price.
// Per case: draft 300 (cost 180), regular 200 (cost 150), Super 150 (cost 145), cut to 140 now.
const beer = (date: string, product: string, cases: number, price: number, unitCost: number): FixtureRow => ({
  date,
  salesperson: "An",
  region: "North",
  customer: "Đại lý Hà Nội",
  product,
  category: "Beer",
  quantity: cases,
  revenue: cases * price,
  cost: cases * unitCost,
});
const beerRows: FixtureRow[] = [
  beer("2026-01-10", "Bia tươi", 2000, 300, 180),
  beer("2026-01-10", "Bia thường", 6000, 200, 150),
  beer("2026-01-10", "Super", 2000, 150, 145),
  beer("2026-02-10", "Bia tươi", 500, 300, 180),
  beer("2026-02-10", "Bia thường", 1000, 200, 150),
  beer("2026-02-10", "Super", 10500, 140, 145),
];

describe("the beer example: more cases, less money", () => {
  const sc = scored(beerRows);

  test("net sales: volume up, mix and the price cut down", () => {
    const d = rowOf(sc, "An").kpis.net_sales!.drivers!.vsPrevious!;
    // S₀ 600,000 + 1,200,000 + 300,000 = 2,100,000 over 10,000 cases: P₀ 210
    // S₁ 150,000 + 200,000 + 1,470,000 = 1,820,000: change −280,000
    expect(d.change).toBe(-280000);
    // volume (12,000 − 10,000) × 210 = 420,000
    // mix 500 × 300 + 1,000 × 200 + 10,500 × 150 − 12,000 × 210 = 1,925,000 − 2,520,000 = −595,000
    // price (140 − 150) × 10,500 = −105,000
    expectBridge(d.bridge, { volume: 420000, mix: -595000, price: -105000 });
  });

  test("gross profit by unit margin: the mix toward Super costs more than the extra volume brings", () => {
    const d = rowOf(sc, "An").kpis.gross_profit!.drivers!.vsPrevious!;
    // unit margins 120, 50, 5 → now 120, 50, −5; GP₀ 240,000 + 300,000 + 10,000 = 550,000 (M₀ 55 a case)
    // GP₁ 60,000 + 50,000 − 52,500 = 57,500: change −492,500
    expect(d.change).toBe(-492500);
    // volume 2,000 × 55 = 110,000; mix 500 × 120 + 1,000 × 50 + 10,500 × 5 − 12,000 × 55 = −497,500
    // price (−5 − 5) × 10,500 = −105,000
    expectBridge(d.bridge, { volume: 110000, mix: -497500, price: -105000 });
  });

  test("the region and the total have the same bridge (one rep), and no comparison has none", () => {
    expectBridge(rowOf(sc, "North").kpis.net_sales!.drivers!.vsPrevious!.bridge, {
      volume: 420000,
      mix: -595000,
      price: -105000,
    });
    expect(rowOf(sc, "An").kpis.net_sales!.drivers!.vsLastYear).toBeUndefined(); // 2025-02 is before the data
  });
});

describe("no bridge without quantities or products", () => {
  test("no quantity column: drivers without a bridge, and a data note", () => {
    const rows = beerRows.map(({ quantity: _q, ...row }) => row);
    const sc = scored(rows);
    const d = rowOf(sc, "An").kpis.net_sales!.drivers!.vsPrevious!;
    expect(d.by.product).toBeDefined();
    expect(d.bridge).toBeUndefined();
    const note = sc.notes.find((n) => n.kind === "bridge_not_available");
    expect(note?.value).toBe("net_sales, gross_profit");
    expect(note?.problem).toMatch(/no quantity column/);
  });

  test("the entities are the products: no bridge, and a data note", () => {
    const sc = scored(beerRows, ["net_sales"], "product");
    expect(rowOf(sc, "Super").kpis.net_sales!.drivers!.vsPrevious!.bridge).toBeUndefined();
    expect(sc.notes.some((n) => n.kind === "bridge_not_available")).toBe(true);
  });

  test("a template without net sales or gross profit gets no note", () => {
    expect(scored(beerRows, ["sales_volume"]).notes.some((n) => n.kind === "bridge_not_available")).toBe(false);
  });
});

test("property: price + volume + mix = the change of net sales and gross profit, at every level", () => {
  const row = fc.record({
    date: fc.constantFrom("2025-02-10", "2026-01-10", "2026-02-10"),
    salesperson: fc.constantFrom("An", "Binh"),
    region: fc.constantFrom("North", "South"),
    product: fc.option(fc.constantFrom("p1", "p2", "p3", "p4"), { nil: undefined }),
    revenue: fc.option(fc.integer({ min: -50, max: 1000 }), { nil: undefined }),
    cost: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
    quantity: fc.option(fc.integer({ min: -3, max: 30 }), { nil: undefined }),
  });
  let checked = 0;
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
      const sc = scored(rows);
      for (const r of sc.rows) {
        for (const kpi of ["net_sales", "gross_profit"] as const) {
          const drivers = r.kpis[kpi]?.drivers;
          for (const comparison of [drivers?.vsPrevious, drivers?.vsLastYear]) {
            if (!comparison) continue;
            const b = comparison.bridge!;
            checked++;
            const scale = Math.max(
              1,
              Math.abs(b.price),
              Math.abs(b.volume),
              Math.abs(b.mix),
              Math.abs(comparison.change),
            );
            expect(Math.abs(b.price + b.volume + b.mix - comparison.change)).toBeLessThanOrEqual(1e-9 * scale);
          }
        }
      }
    }),
    { numRuns: 80 },
  );
  expect(checked).toBeGreaterThan(100);
});

test("property: with every product priced in both periods, price is Σ (p₁ − p₀) × q₁ and volume (Q₁ − Q₀) × P₀", () => {
  const product = fc.record({
    q0: fc.integer({ min: 1, max: 50 }),
    p0: fc.integer({ min: 1, max: 100 }),
    q1: fc.integer({ min: 1, max: 50 }),
    p1: fc.integer({ min: 1, max: 100 }),
  });
  fc.assert(
    fc.property(fc.array(product, { minLength: 1, maxLength: 6 }), (products) => {
      const b = priceVolumeMix(
        side(products.map((x) => [x.q1, x.q1 * x.p1])),
        side(products.map((x) => [x.q0, x.q0 * x.p0])),
        products.length,
      );
      const Q0 = products.reduce((s, x) => s + x.q0, 0);
      const Q1 = products.reduce((s, x) => s + x.q1, 0);
      const P0 = products.reduce((s, x) => s + x.q0 * x.p0, 0) / Q0;
      const mix = products.reduce((s, x) => s + (x.q1 / Q1 - x.q0 / Q0) * Q1 * x.p0, 0);
      expect(b.price).toBeCloseTo(
        products.reduce((s, x) => s + (x.p1 - x.p0) * x.q1, 0),
        6,
      );
      expect(b.volume).toBeCloseTo((Q1 - Q0) * P0, 6);
      expect(b.mix).toBeCloseTo(mix, 6);
    }),
    { numRuns: 100 },
  );
});
