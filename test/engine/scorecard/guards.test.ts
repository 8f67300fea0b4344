/** Mixed currencies, missing roles and the whole path from a source table (runPlan's scoreTable). */
import { computeScorecard } from "../../../src/engine/scorecard";
import { problemText, requiredRolesFor, scoreTable } from "../../../src/engine";
import type { SourceTable } from "../../../src/engine/types";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

describe("mixed currencies", () => {
  const rows: FixtureRow[] = [
    { date: "2026-01-05", salesperson: "An", region: "North", customer: "C1", currency: "VND", revenue: 1_000_000 },
    { date: "2026-01-06", salesperson: "An", region: "North", customer: "C2", currency: "USD", revenue: 40 },
    { date: "2026-01-06", salesperson: "Binh", region: "South", customer: "C3", currency: "VND", revenue: 500_000 },
  ];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales" }, { kpi: "active_customers" }]),
    now: LATER,
  });
  test("money KPIs of a group with two currencies say so instead of summing", () => {
    expect(rowOf(scorecard, "An").kpis.net_sales).toMatchObject({ actual: null, reason: "mixed currencies: USD, VND" });
    expect(rowOf(scorecard, "North").kpis.net_sales!.actual).toBeNull();
    expect(rowOf(scorecard, "Total").kpis.net_sales!.actual).toBeNull();
    expect(rowOf(scorecard, "Binh").kpis.net_sales!.actual).toBe(500_000);
  });
  test("KPIs that are not money are still computed", () => {
    expect(rowOf(scorecard, "An").kpis.active_customers!.actual).toBe(2);
  });
  test("a data note names the entity and the period", () => {
    const notes = scorecard.notes.filter((n) => n.kind === "mixed_currency").map((n) => n.problem);
    expect(notes).toContain("An (salesperson) 2026-01: mixed currencies (USD, VND); money KPIs are not computed");
    expect(notes).toHaveLength(3); // An, North, Total
  });
});

test("a KPI whose column is not mapped says which role, and the rest of the scorecard is computed", () => {
  const rows: FixtureRow[] = [{ date: "2026-01-05", salesperson: "An", revenue: 10 }];
  const scorecard = computeScorecard({
    data: salesData(rows),
    template: templateWith([{ kpi: "net_sales" }, { kpi: "collection_rate" }]),
    now: LATER,
  });
  const an = rowOf(scorecard, "An");
  expect(an.kpis.collection_rate).toMatchObject({ actual: null, reason: "no collected column" });
  expect(an.kpis.net_sales!.actual).toBe(10);
  const smart = scorecard.smart.find((s) => s.kpi === "collection_rate")!;
  expect(smart.checks.measurable.ok).toBe(false);
});

describe("a KPI whose column is missing (issue 12 §1)", () => {
  const rows: FixtureRow[] = [{ date: "2026-01-05", salesperson: "An", revenue: 10 }];
  const template = templateWith([
    { kpi: "net_sales", weight: 60, target: { type: "fixed", value: 8 } },
    { kpi: "collection_rate", weight: 40, gate: true },
  ]);
  const scorecard = computeScorecard({ data: salesData(rows), template, now: LATER });
  const an = rowOf(scorecard, "An");
  test("is marked not available in the KPI list, with the roles it lacks, and a note", () => {
    expect(scorecard.kpis.map((k) => [k.id, k.available, k.missingRoles])).toEqual([
      ["net_sales", true, undefined],
      ["collection_rate", false, ["collected", "receivable"]],
    ]);
    expect(scorecard.notes.filter((n) => n.kind === "kpi_not_available").map((n) => n.problem)).toEqual([
      "collection_rate is not available: no collected, receivable column; its weight is shared among the KPIs with a value; its gate is not evaluated",
    ]);
  });
  test("its weight goes to the KPIs with a value", () => {
    // net_sales 10 / 8 = 1.25, capped at 1.2; it carries all the weight
    expect(an.score).toBeCloseTo(1.2, 12);
  });
  test("its gate is not evaluated: neither passed nor failed, and the payout is not capped by it", () => {
    expect(an).toMatchObject({ gatesPassed: null, failedGates: [], gatesNotEvaluated: ["collection_rate"] });
    expect(an.payout).toBeCloseTo(1.2, 12); // the curve pays the score; gateCap 0.8 would apply to a failed gate
  });
  test("a gate with its column that misses still fails and caps the payout", () => {
    const failing = computeScorecard({
      data: salesData([{ date: "2026-01-05", salesperson: "An", revenue: 10, receivable: 10, collected: 9 }]),
      template,
      now: LATER,
    });
    expect(rowOf(failing, "An")).toMatchObject({
      gatesPassed: false,
      failedGates: ["collection_rate"],
      gatesNotEvaluated: [],
      payout: 0.8,
    });
  });
});

describe("scoreTable", () => {
  const table: SourceTable = {
    sheet: "Sales",
    headers: ["Ngày", "Nhân viên", "Vùng", "Khách hàng", "Doanh thu", "Giá vốn"],
    rows: [
      ["2026-01-05", "Trần Thị Bình", "Miền Bắc", "KH1", "1.000.000", 600000],
      ["2026-01-20", "Trần Thị Bình", "Miền Bắc", "KH2", 500000, 250000],
      ["2026-02-03", "Lê Văn An", "Miền Nam", "KH1", "abc", 100],
    ],
    firstRow: 2,
  };
  const template = templateWith([
    { kpi: "net_sales", target: { type: "fixed", value: 1_000_000 } },
    { kpi: "gross_margin_pct" },
    { kpi: "collection_rate" },
  ]);

  test("detects Vietnamese headers, reads the rows and scores them", () => {
    const run = scoreTable(table, template, { asOf: "2026-01", now: LATER });
    // collection rate needs receivable and collected: not available (no refusal), unless strict
    if (!run.ok) throw new Error(`refused: ${problemText(run.problem, "en")}`);
    const { scorecard } = run;
    expect(scorecard.mapping).toMatchObject({ date: "Ngày", revenue: "Doanh thu", salesperson: "Nhân viên" });
    // 1,000,000 + 500,000; margin (400,000 + 250,000) / 1,500,000
    const binh = rowOf(scorecard, "Trần Thị Bình");
    expect(binh.kpis.net_sales!.actual).toBe(1_500_000);
    expect(binh.kpis.gross_margin_pct!.actual).toBeCloseTo(650_000 / 1_500_000, 12);
    expect(binh.parent).toBe("Miền Bắc");
    // the unreadable "abc" is a note with its sheet row and header, not a zero
    expect(scorecard.notes.some((n) => n.row === 4 && n.column === "Doanh thu")).toBe(true);
    expect(binh.kpis.collection_rate).toMatchObject({ actual: null, reasonCode: "column_not_mapped" });
    const strict = scoreTable(table, template, { asOf: "2026-01", now: LATER, strict: true });
    expect(strict.ok).toBe(false);
    // The catalogue's missing_role text, as Apply and `apply` say it.
    const said = strict.ok ? "" : problemText(strict.problem, "en");
    expect(said).toContain('sheet "Sales"');
    expect(said).toMatch(/\breceivable\b/);
    expect(said).toContain('"Doanh thu"');
  });

  test("an as-of that is not a period of the template's kind is refused, naming it", () => {
    const run = scoreTable(table, template, { asOf: "tháng 1", now: LATER });
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.problem.code).toBe("bad_as_of");
    expect(problemText(run.problem, "en")).toContain("tháng 1");
  });

  test("requiredRolesFor lists the date, the group-by role and every KPI role", () => {
    expect(requiredRolesFor(template).sort()).toEqual([
      "collected",
      "cost",
      "date",
      "receivable",
      "revenue",
      "salesperson",
    ]);
  });
});
