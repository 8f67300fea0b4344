/** The building blocks under the KPIs: period grid, hierarchy, distinct sets per cell. */
import { buildHierarchy, buildPeriodGrid, distinctPerCell, rollUpSets } from "../../../src/engine/aggregate";
import { salesData, serialOf } from "../support/salesFixture";

test("distinctPerCell keeps each key once per cell and skips negative cells and keys", () => {
  // cell 0 gets keys 5, 5, 2 → {5, 2}; cell 1 gets 5 → {5}; cell 2 only an item with key −1 → {}
  const sets = distinctPerCell(Int32Array.from([0, 1, 0, 0, -1, 2]), Int32Array.from([5, 5, 5, 2, 1, -1]), 3, 6);
  const of = (c: number) => Array.from(sets.keys.subarray(sets.start[c], sets.start[c + 1]));
  expect(of(0)).toEqual([5, 2]);
  expect(of(1)).toEqual([5]);
  expect(of(2)).toEqual([]);
  // rolled up into one parent cell: {5, 2}, the shared 5 counted once
  const parent = rollUpSets(sets, Int32Array.from([0, 0, 0]), 1, 6);
  expect(Array.from(parent.keys).sort()).toEqual([2, 5]);
});

test("buildPeriodGrid numbers consecutive periods from the earliest and leaves undated rows out", () => {
  const dates = Float64Array.from([serialOf("2026-03-05"), NaN, serialOf("2025-12-31"), serialOf("2026-01-01")]);
  const grid = buildPeriodGrid(dates, 4, { kind: "month", fiscalYearStartMonth: 1 });
  // Dec 2025 = 0, Jan 2026 = 1, Mar 2026 = 3
  expect(Array.from(grid.rowPeriod)).toEqual([3, -1, 0, 1]);
  expect(grid.nPeriods).toBe(4);
  expect([grid.firstDataPeriod, grid.lastDataPeriod]).toEqual([0, 3]);
});

test("buildPeriodGrid extends the grid to an extra period outside the data", () => {
  const grid = buildPeriodGrid(
    Float64Array.from([serialOf("2026-03-05")]),
    1,
    { kind: "month", fiscalYearStartMonth: 1 },
    [2026 * 12],
  );
  // Jan 2026 (the extra key) = 0, Mar 2026 = 2; the data still covers only period 2
  expect(grid.nPeriods).toBe(3);
  expect(grid.rowPeriod[0]).toBe(2);
  expect(grid.firstDataPeriod).toBe(2);
});

test("buildHierarchy: blank cells form a (blank) entity; a blank roll-up cell is no vote", () => {
  const data = salesData([
    { date: "2026-01-01", salesperson: "An", region: "North" },
    { date: "2026-01-01", salesperson: "An" },
    { date: "2026-01-01", salesperson: "An" },
    { date: "2026-01-01", region: "South" },
  ]);
  const h = buildHierarchy(data, "salesperson", ["region"]);
  expect(h.levels.map((l) => l.level)).toEqual(["salesperson", "region", "total"]);
  const [reps, regions] = h.levels;
  const parentOf = (name: string) => regions.names[reps.parent![reps.names.indexOf(name)]];
  expect(parentOf("An")).toBe("North"); // two blank region cells do not outvote the one North
  expect(parentOf("(blank)")).toBe("South");
  expect(h.notes).toEqual([]);
});
