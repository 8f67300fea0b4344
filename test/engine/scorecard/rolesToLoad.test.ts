import { getBuiltinTemplate, rolesToLoad, scoreTable } from "../../../src/engine";
import type { Scorecard, SourceTable, Template } from "../../../src/engine/types";

/** The run every front end makes (runPlan's scoreTable); these sheets are never refused. */
function scored(...args: Parameters<typeof scoreTable>): Scorecard {
  const run = scoreTable(...args);
  if (!run.ok) throw new Error(`refused: ${run.problem.code}`);
  return run.scorecard;
}

/** Two sales in March 2026; the order-id column holds an Excel error and a formula-looking id. */
const table: SourceTable = {
  sheet: "Sales",
  headers: ["Date", "Order ID", "Salesperson", "Region", "Customer", "Revenue", "Cost", "Receivable", "Collected"],
  rows: [
    ["2026-03-02", "#N/A", "An", "North", "C1", 100, 60, 100, 90],
    ["2026-03-05", "SO-2", "An", "North", "C2", 300, 200, 300, 300],
  ],
  firstRow: 2,
};
const salesRep = getBuiltinTemplate("sales-rep")!;
const now = new Date("2026-05-01T00:00:00Z");

describe("only the columns a template uses are read", () => {
  test("sales-rep does not read order ids, so a bad order id makes no note, yet the mapping reports the column", () => {
    expect(rolesToLoad(salesRep).has("order_id")).toBe(false);
    const scorecard = scored(table, salesRep, { now, asOf: "2026-03" });
    expect(scorecard.mapping.order_id).toBe("Order ID");
    expect(scorecard.notes.filter((n) => n.column === "Order ID")).toEqual([]);
    // Collection rate = (90 + 300) / (100 + 300) = 0.975 for An.
    const an = scorecard.rows.find((r) => r.entity === "An")!;
    expect(an.kpis.collection_rate!.actual).toBeCloseTo(0.975, 12);
  });

  test("a template with average order value reads the order ids, and the bad one gets its note", () => {
    const aov: Template = {
      ...salesRep,
      id: "aov",
      kpis: [{ kpi: "avg_order_value", weight: 100, target: { type: "fixed", value: 100 } }],
    };
    expect(rolesToLoad(aov).has("order_id")).toBe(true);
    const scorecard = scored(table, aov, { now, asOf: "2026-03" });
    expect(scorecard.notes).toContainEqual(
      expect.objectContaining({ row: 2, column: "Order ID", kind: "error_value" }),
    );
    // One readable order (SO-2); the #N/A cell is blank: 400 revenue / 1 order.
    const an = scorecard.rows.find((r) => r.entity === "An")!;
    expect(an.kpis.avg_order_value!.actual).toBeCloseTo(400, 12);
  });

  test("roll-up roles and the inputs of derived amounts are read", () => {
    const roles = rolesToLoad(salesRep);
    for (const role of [
      "date",
      "salesperson",
      "region",
      "revenue",
      "cost",
      "profit",
      "quantity",
      "unit_price",
      "currency",
    ] as const)
      expect(roles.has(role)).toBe(true);
  });
});
