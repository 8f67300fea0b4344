import type { HistoryRow, KpiId, Scorecard } from "../../src/engine/types";
import type { ChartAnchor, LineChartSpec, OutputSheet } from "../../src/workbook/contract";
import { NOTE_MESSAGES } from "../../src/engine/messages";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { MAX_TREND_ENTITIES } from "../../src/workbook/trendSheet";
import { headerRowCount } from "../../src/workbook/outputSheet";
import { row, smallScorecard } from "./support/scorecardFixture";

const KPIS = ["net_sales", "collection_rate"] as const;

/** The period `back` months before 2026-03. */
function month(back: number): string {
  const d = new Date(Date.UTC(2026, 2 - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

function entry(entity: string, level: string, period: string, kpi: KpiId, actual: number, target: number | null) {
  return {
    entity,
    level,
    period,
    kpi,
    actual,
    target,
    attainment: target ? actual / target : null,
    status: "met",
    score: 1,
  } satisfies HistoryRow;
}

/**
 * The total's history over `months` months ending 2026-03 (asOf): actual = month index, target 10,
 * and salesperson rows "Rep 1" … "Rep n" with actual = 100 × rep + month index.
 */
function trendHistory(months: number, reps = 0, targets = true): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (let i = 0; i < months; i++) {
    const period = month(months - 1 - i);
    for (const kpi of KPIS) {
      rows.push(entry("Total", "total", period, kpi, i, targets ? 10 : null));
      for (let r = 1; r <= reps; r++) rows.push(entry(`Rep ${r}`, "salesperson", period, kpi, 100 * r + i, 10));
      // A region row: not the scored level, never a line.
      rows.push(entry("North", "region", period, kpi, 7, 10));
    }
  }
  // A later period than the one scored: not part of the trend.
  rows.push(entry("Total", "total", "2026-04", "net_sales", 1, 1));
  rows.push(entry("Rep 1", "salesperson", "2026-04", "net_sales", 1, 1));
  return rows;
}

function trends(scorecard: Scorecard, lang: "en" | "vi" | "zh-Hans" | "zh-Hant" = "en"): OutputSheet {
  return buildWorkbookOutput(scorecard, lang).sheets.find((x) => x.key === "trends")!;
}

const lines = (spec: LineChartSpec, s: OutputSheet) =>
  s.columns.slice(spec.firstValueColumn, spec.lastValueColumn + 1).map((c) => c.header);

describe("KPI Trends sheet", () => {
  it("the total's attainment per KPI over the last twelve periods up to the period scored, and the overview chart", () => {
    const s = trends(smallScorecard({ history: trendHistory(15) }));
    expect(s.name).toBe("KPI Trends");
    expect(s.columns.slice(0, 3).map((c) => [c.header, c.numberFormat])).toEqual([
      ["Period", "General"],
      ["Net sales", "0.0%"],
      ["Collection rate", "0.0%"],
    ]);
    expect(s.headerBand?.[0]).toEqual({ text: "Attainment of the total, last 12 periods", fromColumn: 1, toColumn: 2 });
    expect(s.rows).toHaveLength(12);
    expect(s.rows[0].slice(0, 3)).toEqual(["2025-04", 0.3, 0.3]);
    expect(s.rows[11].slice(0, 3)).toEqual(["2026-03", 1.4, 1.4]);
    expect(s.charts[0]).toEqual({
      type: "line",
      name: "KpiTrendChart",
      title: "Attainment of the total, last 12 periods",
      categoryColumn: 0,
      firstValueColumn: 1,
      lastValueColumn: 2,
      dashedColumns: [],
      valueFormat: "0%",
      anchor: expect.any(Object),
    });
  });

  it("one chart per KPI: the total, its target dashed, and each entity of the scored level, in the KPI's number format", () => {
    const s = trends(smallScorecard({ history: trendHistory(15, 3) }));
    const perKpi = s.charts.slice(1) as LineChartSpec[];
    expect(perKpi.map((c) => [c.name, c.title, c.valueFormat])).toEqual([
      ["KpiTrend_net_sales", "Net sales", "#,##0"],
      ["KpiTrend_collection_rate", "Collection rate", "0.0%"],
    ]);
    for (const [k, spec] of perKpi.entries()) {
      expect(lines(spec, s)).toEqual(["Total", "Total target", "Rep 1", "Rep 2", "Rep 3"]);
      expect(spec.dashedColumns).toEqual([spec.firstValueColumn + 1]);
      expect(spec.categoryColumn).toBe(0);
      const format = k === 0 ? "#,##0" : "0.0%";
      for (let c = spec.firstValueColumn; c <= spec.lastValueColumn; c++)
        expect(s.columns[c].numberFormat).toBe(format);
      // The KPI's name over its block of columns.
      expect(s.headerBand).toContainEqual({
        text: spec.title,
        fromColumn: spec.firstValueColumn,
        toColumn: spec.lastValueColumn,
      });
    }
    // Values of the last twelve periods: the total's actual and target, then each rep's actual.
    const net = perKpi[0];
    const at = (r: number) => s.rows[r].slice(net.firstValueColumn, net.lastValueColumn + 1);
    expect(at(0)).toEqual([3, 10, 103, 203, 303]);
    expect(at(11)).toEqual([14, 10, 114, 214, 314]);
  });

  it("more entities than eight: the first eight in scorecard order are drawn, the rest named in a data note", () => {
    const reps = Array.from({ length: 10 }, (_, i) => `Rep ${i + 1}`);
    // The scorecard lists Rep 10 and Rep 9 first: they are drawn, Rep 7 and Rep 8 are left out.
    const order = ["Rep 10", "Rep 9", ...reps.slice(0, 8)];
    const scorecard = smallScorecard({
      history: trendHistory(3, 10),
      rows: order.map((e) => row(e, "salesperson", "North", {})),
    });
    const out = buildWorkbookOutput(scorecard, "en");
    const s = out.sheets.find((x) => x.key === "trends")!;
    const spec = s.charts[1] as LineChartSpec;
    expect(lines(spec, s)).toEqual(["Total", "Total target", ...order.slice(0, 8)]);
    const notes = out.sheets.find((x) => x.key === "notes")!;
    const note = notes.rows.find((r) => r.includes("Rep 7, Rep 8"));
    expect(note).toBeDefined();
    expect(note!.join(" ")).toContain("8 of 10");
    // The note's message (four languages) names the same cap.
    for (const text of Object.values(NOTE_MESSAGES.trend_lines_left_out))
      expect(text).toContain(String(MAX_TREND_ENTITIES));
  });

  it("without targets in the data there is no target line", () => {
    const s = trends(smallScorecard({ history: trendHistory(4, 2, false) }));
    const spec = s.charts[1] as LineChartSpec;
    expect(lines(spec, s)).toEqual(["Total", "Rep 1", "Rep 2"]);
    expect(spec.dashedColumns).toEqual([]);
  });

  it("charts sit in a grid under the data: none covers a data cell or another chart", () => {
    const s = trends(smallScorecard({ history: trendHistory(15, 3) }));
    const anchors = s.charts.map((c) => c.anchor!) as ChartAnchor[];
    expect(anchors).toHaveLength(3);
    const lastDataRow = headerRowCount(s) + s.rows.length - 1; // 0-based
    for (const a of anchors) {
      expect(a.fromRow).toBeGreaterThan(lastDataRow);
      expect(a.toRow - a.fromRow).toBeGreaterThanOrEqual(14);
      expect(a.toColumn).toBeGreaterThan(a.fromColumn);
    }
    const overlap = (a: ChartAnchor, b: ChartAnchor) =>
      a.fromColumn <= b.toColumn && b.fromColumn <= a.toColumn && a.fromRow <= b.toRow && b.fromRow <= a.toRow;
    for (let i = 0; i < anchors.length; i++)
      for (let j = i + 1; j < anchors.length; j++)
        expect([i, j, overlap(anchors[i], anchors[j])]).toEqual([i, j, false]);
    // Two side by side, the third under the first.
    expect(anchors[1].fromRow).toBe(anchors[0].fromRow);
    expect(anchors[2].fromColumn).toBe(anchors[0].fromColumn);
  });

  it("fewer periods than twelve: all of them; titles and headers in the sheet's language", () => {
    const vi = trends(smallScorecard({ history: trendHistory(3, 1) }), "vi");
    expect(vi.name).toBe("KPI Xu hướng");
    expect(vi.rows.map((r) => r[0])).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(vi.charts.map((c) => c.title)).toEqual([
      "Tỷ lệ đạt của tổng cộng, 3 kỳ gần nhất",
      "Doanh thu thuần",
      "Tỷ lệ thu hồi",
    ]);
    expect(lines(vi.charts[1] as LineChartSpec, vi)).toEqual(["Tổng cộng", "Mục tiêu tổng cộng", "Rep 1"]);
    const hans = trends(smallScorecard({ history: trendHistory(3, 1) }), "zh-Hans");
    expect(hans.charts.map((c) => c.title)).toEqual(["合计达成率（最近 3 期）", "销售净额", "回款率"]);
    // Names do not depend on the language.
    expect(hans.charts.map((c) => c.name)).toEqual(vi.charts.map((c) => c.name));
  });
});
