/**
 * Issue 11: the KPI Trends sheet's charts written through Office.js on the fake Excel: the overview
 * and one chart per KPI, found again by name on a re-apply (a user's chart stays), all queued in
 * the requests that write the sheets (no round trip per chart).
 */
import type { HistoryRow, KpiId } from "../../src/engine/types";
import type { ChartSpec, LineChartSpec, OutputSheet, WorkbookOutput } from "../../src/workbook/contract";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { smallScorecard } from "../workbook/support/scorecardFixture";
import { fakePort, salesSeed } from "./support/excelPort";

const PERIODS = ["2026-01", "2026-02", "2026-03"];

/** Three months of history: the total with targets, and the two reps of the scorecard. */
function history(kpis: readonly KpiId[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  PERIODS.forEach((period, i) => {
    for (const kpi of kpis)
      for (const [entity, level, actual] of [
        ["Total", "total", 100 + i],
        ["Bình", "salesperson", 60 + i],
        ["An", "salesperson", 40 + i],
      ] as const)
        rows.push({
          entity,
          level,
          period,
          kpi,
          actual,
          target: 100,
          attainment: actual / 100,
          status: "met",
          score: 1,
        });
  });
  return rows;
}

function output(kpis: readonly KpiId[] = ["net_sales", "collection_rate"]): WorkbookOutput {
  const sc = smallScorecard({ history: history(kpis) });
  sc.kpis = sc.kpis.filter((k) => kpis.includes(k.id));
  return buildWorkbookOutput(sc, "en");
}

const trendsOf = (out: WorkbookOutput): OutputSheet => out.sheets.find((s) => s.key === "trends")!;
const cell = (column: number, row: number) => `${String.fromCharCode(65 + column)}${row + 1}`;

describe("KPI Trends charts through Office.js", () => {
  it("the overview and one line chart per KPI, by name: lines named by their headers, periods as categories, the target dashed", async () => {
    const { fake, port } = fakePort(salesSeed());
    const out = output();
    await port.writeOutput(out);
    const charts = fake.charts("KPI Trends");
    expect(charts.map((c) => [c.name, c.type, c.title])).toEqual([
      ["KpiTrendChart", "Line", "Attainment of the total, last 3 periods"],
      ["KpiTrend_net_sales", "Line", "Net sales"],
      ["KpiTrend_collection_rate", "Line", "Collection rate"],
    ]);
    // The overview: the period column and the attainment columns under the header band (row 2).
    expect(charts[0].source).toBe("A2:C5");
    expect(charts[0].series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ["Net sales", "B3:B5", "A3:A5"],
      ["Collection rate", "C3:C5", "A3:A5"],
    ]);
    for (const chart of charts.slice(1)) {
      expect(chart.series.map((s) => s.name)).toEqual(["Total", "Total target", "Bình", "An"]);
      for (const s of chart.series) expect(s.categories).toBe("A3:A5");
      expect(chart.series.map((s) => s.lineStyle ?? "solid")).toEqual(["solid", "Dash", "solid", "solid"]);
      // Each line its own colour, the target grey.
      const colours = chart.series.map((s) => s.color);
      expect(new Set(colours).size).toBe(4);
      expect(colours[1]).toBe("#7F7F7F");
    }
    // Where the exporter put them: a grid under the data.
    const specs = trendsOf(out).charts;
    charts.forEach((c, i) => {
      const a = specs[i].anchor!;
      expect(c.position).toEqual({ start: cell(a.fromColumn, a.fromRow), end: cell(a.toColumn, a.toRow) });
    });
    // The values in the KPI's own number format.
    const net = specs[1] as LineChartSpec;
    expect(fake.numberFormat("KPI Trends", 2, net.firstValueColumn)).toBe("#,##0");
  });

  it("a re-apply replaces our charts (a KPI gone, its chart gone) and never touches a user's chart", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.writeOutput(output());
    fake.addUserChart("KPI Trends", "My sales chart", "D2:D5");
    fake.addUserChart("KPI Scorecard", "Chart 1", "E2:E6");
    const report = await port.writeOutput(output(["net_sales"]));
    expect(report.warnings).toEqual([]);
    expect(fake.charts("KPI Trends").map((c) => c.name)).toEqual([
      "My sales chart",
      "KpiTrendChart",
      "KpiTrend_net_sales",
    ]);
    expect(fake.charts("KPI Trends")[0]).toEqual(expect.objectContaining({ type: "ColumnClustered", source: "D2:D5" }));
    expect(fake.charts("KPI Scorecard").map((c) => c.name)).toEqual(["Chart 1", "KpiScoreChart"]);
    // Once more: still one of each.
    await port.writeOutput(output(["net_sales"]));
    expect(fake.charts("KPI Trends").map((c) => c.name)).toEqual([
      "My sales chart",
      "KpiTrendChart",
      "KpiTrend_net_sales",
    ]);
  });

  it("charts add no round trip: a first apply and a re-apply take as many as with no charts at all", async () => {
    const withoutCharts = (out: WorkbookOutput) => {
      for (const s of out.sheets) s.charts = [] as ChartSpec[];
      return out;
    };
    const syncs = async (make: () => WorkbookOutput) => {
      const { fake, port } = fakePort(salesSeed());
      const first = fake.counters.syncs;
      await port.writeOutput(make());
      const afterFirst = fake.counters.syncs;
      await port.writeOutput(make());
      return [afterFirst - first, fake.counters.syncs - afterFirst];
    };
    const charted = await syncs(() => output());
    expect(trendsOf(output()).charts).toHaveLength(3);
    expect(charted).toEqual(await syncs(() => withoutCharts(output())));
  });

  it("before ExcelApi 1.7 the charts are still written: lines coloured, without dashes or set categories", async () => {
    const { fake, port } = fakePort(salesSeed(), { apiMinor: 6 });
    const report = await port.writeOutput(output());
    expect(report.chartWritten).toBe(true);
    const chart = fake.charts("KPI Trends")[1];
    expect(chart.series.map((s) => [s.name, s.lineStyle, s.categories])).toEqual([
      ["Total", undefined, undefined],
      ["Total target", undefined, undefined],
      ["Bình", undefined, undefined],
      ["An", undefined, undefined],
    ]);
    expect(chart.series[1].color).toBe("#7F7F7F");
  });
});
