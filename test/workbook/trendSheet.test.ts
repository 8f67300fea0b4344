import type { HistoryRow } from "../../src/engine/types";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { smallScorecard } from "./support/scorecardFixture";

/** The total's history over `months` months ending 2026-03 (asOf), attainment = month index / 10. */
function totalHistory(months: number): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (let i = 0; i < months; i++) {
    const d = new Date(Date.UTC(2026, 2 - (months - 1 - i), 1));
    const period = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    for (const kpi of ["net_sales", "collection_rate"] as const)
      rows.push({
        entity: "Total",
        level: "total",
        period,
        kpi,
        actual: i,
        target: 10,
        attainment: i / 10,
        status: "met",
        score: i / 10,
      });
  }
  // A later period than the one scored and a salesperson row: neither is part of the trend.
  rows.push({
    entity: "Total",
    level: "total",
    period: "2026-04",
    kpi: "net_sales",
    actual: 1,
    target: 1,
    attainment: 9,
    status: "met",
    score: 1,
  });
  rows.push({
    entity: "An",
    level: "salesperson",
    period: "2026-03",
    kpi: "net_sales",
    actual: 1,
    target: 1,
    attainment: 7,
    status: "met",
    score: 1,
  });
  return rows;
}

describe("KPI Trends sheet", () => {
  it("the total's attainment per KPI over the last twelve periods up to the period scored, one column per KPI", () => {
    const out = buildWorkbookOutput(smallScorecard({ history: totalHistory(15) }), "en");
    const s = out.sheets.find((x) => x.key === "trends")!;
    expect(s.name).toBe("KPI Trends");
    expect(s.columns.map((c) => [c.header, c.numberFormat])).toEqual([
      ["Period", "General"],
      ["Net sales", "0.0%"],
      ["Collection rate", "0.0%"],
    ]);
    expect(s.rows).toHaveLength(12);
    expect(s.rows[0]).toEqual(["2025-04", 0.3, 0.3]);
    expect(s.rows[11]).toEqual(["2026-03", 1.4, 1.4]);
    expect(s.chart).toEqual({
      type: "line",
      title: "Attainment of the total, last 12 periods",
      categoryColumn: 0,
      firstValueColumn: 1,
      valueFormat: "0%",
    });
  });

  it("fewer periods than twelve: all of them, and the title says how many, in the sheet's language", () => {
    const out = buildWorkbookOutput(smallScorecard({ history: totalHistory(3) }), "vi");
    const s = out.sheets.find((x) => x.key === "trends")!;
    expect(s.name).toBe("KPI Xu hướng");
    expect(s.rows.map((r) => r[0])).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(s.chart?.title).toBe("Tỷ lệ đạt của tổng cộng, 3 kỳ gần nhất");
  });
});
