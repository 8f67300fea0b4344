/**
 * Drivers of a change (issue 13 §1), through computeScorecard so the KPI is read as the product reads
 * it. Each expected value shows its arithmetic.
 */
import fc from "fast-check";
import { computeScorecard } from "../../../src/engine/scorecard";
import type { DriverEntry, KpiId, Scorecard } from "../../../src/engine/types";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

const beer: FixtureRow[] = [
  // 2025-02, the same month last year
  {
    date: "2025-02-10",
    salesperson: "An",
    region: "North",
    customer: "Minh Phát",
    product: "Bia tươi",
    category: "Beer",
    revenue: 100,
    cost: 60,
  },
  // 2026-01, the previous month
  {
    date: "2026-01-05",
    salesperson: "An",
    region: "North",
    customer: "Minh Phát",
    product: "Bia tươi",
    category: "Beer",
    revenue: 200,
    cost: 120,
  },
  {
    date: "2026-01-06",
    salesperson: "An",
    region: "North",
    customer: "Hòa Bình",
    product: "Nước ngọt",
    category: "Soft drinks",
    revenue: 100,
    cost: 50,
  },
  {
    date: "2026-01-07",
    salesperson: "An",
    region: "North",
    customer: "Sao Mai",
    product: "Bia lon",
    category: "Beer",
    revenue: 50,
    cost: 40,
  },
  // 2026-02, the scored month
  {
    date: "2026-02-05",
    salesperson: "An",
    region: "North",
    customer: "Minh Phát",
    product: "Bia tươi",
    category: "Beer",
    revenue: 120,
    cost: 60,
  },
  {
    date: "2026-02-06",
    salesperson: "An",
    region: "North",
    customer: "Hòa Bình",
    product: "Nước ngọt",
    category: "Soft drinks",
    revenue: 130,
    cost: 60,
  },
  {
    date: "2026-02-07",
    salesperson: "An",
    region: "North",
    customer: "Kim Long",
    product: "Bia lon",
    category: "Beer",
    revenue: 40,
    cost: 30,
  },
];

function scored(rows: FixtureRow[], kpis: KpiId[], drivers = true): Scorecard {
  return computeScorecard({
    data: salesData(rows),
    template: templateWith(kpis.map((kpi) => ({ kpi }))),
    asOf: "2026-02",
    now: LATER,
    drivers,
  });
}

const pairs = (entries: DriverEntry[] | undefined) => entries?.map((e) => [e.member, e.contribution]);

describe("additive KPIs: the top contributors up and down and one (others) entry", () => {
  const sc = scored(beer, ["net_sales", "active_customers"]);

  test("net sales vs the previous month, by customer, product and category", () => {
    const d = rowOf(sc, "An").kpis.net_sales!.drivers!.vsPrevious!;
    // (120 + 130 + 40) − (200 + 100 + 50) = 290 − 350 = −60
    expect(d.period).toBe("2026-01");
    expect(d.change).toBe(-60);
    // Kim Long 40 − 0; Hòa Bình 130 − 100; Minh Phát 120 − 200; Sao Mai 0 − 50; others −60 − (40 + 30 − 80 − 50) = 0
    expect(pairs(d.by.customer)).toEqual([
      ["Kim Long", 40],
      ["Hòa Bình", 30],
      ["Minh Phát", -80],
      ["Sao Mai", -50],
      ["(others)", 0],
    ]);
    // Nước ngọt +30; Bia tươi 120 − 200; Bia lon 40 − 50
    expect(pairs(d.by.product)).toEqual([
      ["Nước ngọt", 30],
      ["Bia tươi", -80],
      ["Bia lon", -10],
      ["(others)", 0],
    ]);
    // Soft drinks 130 − 100; Beer (120 + 40) − (200 + 50) = −90
    expect(pairs(d.by.category)).toEqual([
      ["Soft drinks", 30],
      ["Beer", -90],
      ["(others)", 0],
    ]);
    // share = contribution / change: −80 / −60
    expect(d.by.customer![2].share).toBeCloseTo(80 / 60, 12);
  });

  test("net sales vs the same month last year", () => {
    const d = rowOf(sc, "An").kpis.net_sales!.drivers!.vsLastYear!;
    // 290 − 100 = 190: Hòa Bình +130, Kim Long +40, Minh Phát 120 − 100 = +20
    expect(d.period).toBe("2025-02");
    expect(d.change).toBe(190);
    expect(pairs(d.by.customer)).toEqual([
      ["Hòa Bình", 130],
      ["Kim Long", 40],
      ["Minh Phát", 20],
      ["(others)", 0],
    ]);
  });

  test("the region and the total are broken down over all their rows", () => {
    expect(pairs(rowOf(sc, "North").kpis.net_sales!.drivers!.vsPrevious!.by.category)).toEqual([
      ["Soft drinks", 30],
      ["Beer", -90],
      ["(others)", 0],
    ]);
  });

  test("active customers: +1 per customer gained, −1 per customer lost, by customer only", () => {
    const d = rowOf(sc, "An").kpis.active_customers!.drivers!.vsPrevious!;
    // {Minh Phát, Hòa Bình, Kim Long} − {Minh Phát, Hòa Bình, Sao Mai}: 3 − 3 = 0
    expect(d.change).toBe(0);
    expect(pairs(d.by.customer)).toEqual([
      ["Kim Long", 1],
      ["Sao Mai", -1],
      ["(others)", 0],
    ]);
    expect(d.by.product).toBeUndefined();
  });

  test("past three each way, the rest is one (others) entry holding the change minus the listed ones", () => {
    const moves = [5, 4, 3, 2, -1, -2, -3, -4];
    const rows: FixtureRow[] = moves.flatMap((move, i) => [
      { date: "2026-01-10", salesperson: "An", customer: `c${i}`, revenue: 10 },
      { date: "2026-02-10", salesperson: "An", customer: `c${i}`, revenue: 10 + move },
    ]);
    const d = rowOf(scored(rows, ["net_sales"]), "An").kpis.net_sales!.drivers!.vsPrevious!;
    // change 5 + 4 + 3 + 2 − 1 − 2 − 3 − 4 = 4; listed 5, 4, 3, −4, −3, −2; others: c3 +2 and c4 −1 = 1
    expect(d.change).toBe(4);
    expect(pairs(d.by.customer)).toEqual([
      ["c0", 5],
      ["c1", 4],
      ["c2", 3],
      ["c7", -4],
      ["c6", -3],
      ["c5", -2],
      ["(others)", 1],
    ]);
  });

  test("no drivers unless asked for, and none against a period before the data begins", () => {
    expect(rowOf(scored(beer, ["net_sales"], false), "An").kpis.net_sales!.drivers).toBeUndefined();
    const firstMonths = beer.filter((r) => r.date! >= "2026-01");
    const drivers = rowOf(scored(firstMonths, ["net_sales"]), "An").kpis.net_sales!.drivers!;
    expect(drivers.vsPrevious).toBeDefined();
    expect(drivers.vsLastYear).toBeUndefined(); // 2025-02 is before the first row
  });
});

test("year periods: last year is the previous period, and both comparisons list the same contributors", () => {
  const sc = computeScorecard({
    data: salesData(beer),
    template: templateWith([{ kpi: "net_sales" }]),
    period: "year",
    asOf: "2026",
    now: LATER,
    drivers: true,
  });
  const drivers = rowOf(sc, "An").kpis.net_sales!.drivers!;
  // 2026: 120 + 130 + 40 + 200 + 100 + 50 = 640; 2025: 100; change 540
  // Minh Phát (120 + 200) − 100 = 220, Hòa Bình 130 + 100 = 230, Sao Mai 50, Kim Long 40
  const expected = [
    ["Hòa Bình", 230],
    ["Minh Phát", 220],
    ["Sao Mai", 50],
    ["(others)", 40],
  ];
  expect(drivers.vsPrevious!.period).toBe("2025");
  expect(drivers.vsLastYear!.period).toBe("2025");
  expect(pairs(drivers.vsPrevious!.by.customer)).toEqual(expected);
  expect(pairs(drivers.vsLastYear!.by.customer)).toEqual(expected);
});

describe("ratio KPIs: rate effect and mix effect per contributor", () => {
  test("gross margin % vs the previous month, by customer", () => {
    const d = rowOf(scored(beer, ["gross_margin_pct"]), "An").kpis.gross_margin_pct!.drivers!.vsPrevious!;
    // now: GP 60 + 70 + 10 = 140 over revenue 290; before: 80 + 50 + 10 = 140 over 350
    expect(d.change).toBeCloseTo(140 / 290 - 140 / 350, 12);
    const at = (member: string) => d.by.customer!.find((e) => e.member === member)!;
    // Minh Phát: rate 60/120 − 80/200 = 0.1, weights 200/350 → 120/290: rate effect 0.1 × (200/350 + 120/290)/2
    const minhPhat = at("Minh Phát");
    expect(minhPhat.contribution).toBeCloseTo(60 / 290 - 80 / 350, 12);
    expect(minhPhat.rateEffect).toBeCloseTo((0.1 * (200 / 350 + 120 / 290)) / 2, 12);
    // mix effect (w₁ − w₀) × (r₀ + r₁)/2 = (120/290 − 200/350) × (0.4 + 0.5)/2
    expect(minhPhat.mixEffect).toBeCloseTo((120 / 290 - 200 / 350) * 0.45, 12);
    // Hòa Bình: rate 70/130 − 50/100, weights 100/350 → 130/290
    const hoaBinh = at("Hòa Bình");
    expect(hoaBinh.rateEffect).toBeCloseTo(((70 / 130 - 0.5) * (100 / 350 + 130 / 290)) / 2, 12);
    expect(hoaBinh.mixEffect).toBeCloseTo(((130 / 290 - 100 / 350) * (0.5 + 70 / 130)) / 2, 12);
    // Kim Long is new (no revenue before): all mix, 10/290; Sao Mai left: all mix, −10/350
    expect([at("Kim Long").rateEffect, at("Kim Long").mixEffect]).toEqual([0, 10 / 290]);
    expect([at("Sao Mai").rateEffect, at("Sao Mai").mixEffect]).toEqual([0, -10 / 350]);
    expect(sumOf(d.by.customer!)).toBeCloseTo(d.change, 12);
  });
});

function sumOf(entries: DriverEntry[]): number {
  return entries.reduce((s, e) => s + e.contribution, 0);
}

test("property: the entries of every dimension add up to the change, and rate + mix to each contribution", () => {
  const row = fc.record({
    date: fc.constantFrom("2025-02-10", "2026-01-10", "2026-02-10", "2026-02-20"),
    salesperson: fc.constantFrom("An", "Binh", "Chi"),
    region: fc.constantFrom("North", "South"),
    customer: fc.option(fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"), { nil: undefined }),
    product: fc.constantFrom("p1", "p2", "p3", "p4", "p5"),
    category: fc.constantFrom("k1", "k2"),
    revenue: fc.option(fc.integer({ min: -50, max: 1000 }), { nil: undefined }),
    cost: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
    quantity: fc.integer({ min: 0, max: 30 }),
    collected: fc.integer({ min: 0, max: 500 }),
    receivable: fc.integer({ min: 1, max: 500 }),
  });
  const kpis: KpiId[] = [
    "net_sales",
    "sales_volume",
    "gross_profit",
    "active_customers",
    "gross_margin_pct",
    "collection_rate",
  ];
  let checked = 0;
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
      const sc = scored(rows, kpis);
      for (const r of sc.rows) {
        for (const kpi of kpis) {
          const drivers = r.kpis[kpi]?.drivers;
          for (const comparison of [drivers?.vsPrevious, drivers?.vsLastYear]) {
            if (!comparison) continue;
            for (const entries of Object.values(comparison.by)) {
              checked++;
              const scale = Math.max(1, ...entries.map((e) => Math.abs(e.contribution)));
              expect(Math.abs(sumOf(entries) - comparison.change)).toBeLessThanOrEqual(1e-9 * scale);
              expect(entries[entries.length - 1].member).toBe("(others)");
              expect(entries.length).toBeLessThanOrEqual(7);
              for (const e of entries) {
                if (e.rateEffect === undefined) continue;
                expect(Math.abs(e.rateEffect + e.mixEffect! - e.contribution)).toBeLessThanOrEqual(1e-12 * scale);
              }
            }
          }
        }
      }
    }),
    { numRuns: 60 },
  );
  expect(checked).toBeGreaterThan(100); // the data did reach comparisons
});
