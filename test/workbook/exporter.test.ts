import { NOTE_MESSAGES } from "../../src/engine/messages";
import type { OutputSheet, WorkbookOutput } from "../../src/workbook/contract";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { columnOf } from "./support/columnOf";
import { smallScorecard, kpiInfo } from "./support/scorecardFixture";

function sheet(output: WorkbookOutput, key: OutputSheet["key"]): OutputSheet {
  return output.sheets.find((s) => s.key === key)!;
}
const col = columnOf;

describe("buildWorkbookOutput", () => {
  const output = buildWorkbookOutput(smallScorecard(), "en");

  it("writes the four sheets in order with their English names", () => {
    expect(output.sheets.map((s) => [s.key, s.name])).toEqual([
      ["scorecard", "KPI Scorecard"],
      ["history", "KPI History"],
      ["details", "KPI Margin Mix"],
      ["notes", "KPI Notes"],
      ["trends", "KPI Trends"],
    ]);
    for (const s of output.sheets) {
      // The scorecard and the trends sheet have two header rows (KPI names over their columns).
      expect(s.freezeRows).toBe(s.key === "scorecard" || s.key === "trends" ? 2 : 1);
      for (const r of s.rows) expect(r).toHaveLength(s.columns.length);
    }
  });

  it("scorecard: per KPI actual, target, attainment, status; then weighted score, payout and gates", () => {
    const s = sheet(output, "scorecard");
    expect(s.columns.map((c) => c.header)).toEqual([
      "Entity",
      "Level",
      "Parent",
      "Period",
      "Actual",
      "Target",
      "Attainment",
      "Status",
      "Actual",
      "Target",
      "Attainment",
      "Status",
      "Weighted score",
      "Payout",
      "Gates passed",
      "Failed gates",
    ]);
    // The row above: each KPI's name merged over its four columns.
    expect(s.headerBand).toEqual([
      { text: "Net sales", fromColumn: 4, toColumn: 7 },
      { text: "Collection rate", fromColumn: 8, toColumn: 11 },
    ]);
    expect(s.freezeRows).toBe(2);
    expect(s.rows[0]).toEqual([
      "Bình",
      "Salesperson",
      "North",
      "2026-03",
      1250000,
      1000000,
      1.25,
      "Met",
      null,
      null,
      null,
      "no receivable in period",
      1.2,
      1.5,
      "✓ Passed",
      null,
    ]);
    expect(s.rows[1].slice(-2)).toEqual(["✗ Failed", "Collection rate"]);
    expect(s.rows[3].slice(0, 2)).toEqual(["Total", "Total"]);
  });

  it("number formats follow the KPI's unit: money #,##0, percent 0.0%", () => {
    const s = sheet(output, "scorecard");
    expect(s.columns[col(s, "Net sales · Actual")].numberFormat).toBe("#,##0");
    expect(s.columns[col(s, "Net sales · Attainment")].numberFormat).toBe("0.0%");
    expect(s.columns[col(s, "Collection rate · Actual")].numberFormat).toBe("0.0%");
    expect(s.columns[col(s, "Weighted score")].numberFormat).toBe("0.0%");
    expect(s.columns[col(s, "Entity")].numberFormat).toBe("General");
    for (const c of s.columns) expect(c.width).toBeGreaterThanOrEqual(8);
  });

  it("icon sets on each attainment column at the bands' minimums, a fixed-scale data bar on the score, a fill on failed gates' cells", () => {
    const s = sheet(output, "scorecard");
    const icons = s.rules.filter((r) => r.type === "iconSet");
    expect(icons).toEqual([
      // bands met ≥ 1, at risk ≥ 0.9, missed: thresholds of the 2nd and 3rd icon
      { type: "iconSet", column: col(s, "Net sales · Attainment"), iconSet: "3TrafficLights1", thresholds: [0.9, 1] },
      {
        type: "iconSet",
        column: col(s, "Collection rate · Attainment"),
        iconSet: "3TrafficLights1",
        thresholds: [0.9, 1],
      },
    ]);
    // 0 .. the template's score cap (1.2 by default), the same scale on every row.
    expect(s.rules).toContainEqual({
      type: "dataBar",
      column: col(s, "Weighted score"),
      color: expect.stringMatching(/^#[0-9A-F]{6}$/),
      scale: { min: 0, max: 1.2 },
    });
    // Payout, gates passed and failed gates (N..P), keyed to a failed gate being named in column P.
    const fills = s.rules.filter((r) => r.type === "formulaFill");
    expect(fills).toEqual([
      expect.objectContaining({
        fromColumn: col(s, "Payout"),
        toColumn: col(s, "Failed gates"),
        formula: '=$P3<>""', // the first data row, under the two header rows
      }),
    ]);
    expect(col(s, "Failed gates")).toBe(15);
  });

  it("the data bar's scale ends at the largest KPI cap", () => {
    const kpis = [kpiInfo("net_sales", { cap: 1.5 }), kpiInfo("collection_rate", { cap: 1.1 })];
    const out = buildWorkbookOutput(smallScorecard({ kpis }), "en");
    const bar = sheet(out, "scorecard").rules.find((r) => r.type === "dataBar");
    expect(bar).toEqual(expect.objectContaining({ scale: { min: 0, max: 1.5 } }));
  });

  it("gate outcomes are words with a mark in the sheet's language, never TRUE / FALSE", () => {
    const gates = (lang: "en" | "vi" | "zh-Hans" | "zh-Hant") => {
      const s = sheet(buildWorkbookOutput(smallScorecard(), lang), "scorecard");
      return s.rows.map((r) => r[col(s, s.columns[14].header)]);
    };
    expect(gates("en").slice(0, 2)).toEqual(["✓ Passed", "✗ Failed"]);
    expect(gates("vi").slice(0, 2)).toEqual(["✓ Đạt", "✗ Không đạt"]);
    expect(gates("zh-Hans").slice(0, 2)).toEqual(["✓ 通过", "✗ 未通过"]);
    expect(gates("zh-Hant").slice(0, 2)).toEqual(["✓ 通過", "✗ 未通過"]);
    for (const lang of ["en", "vi", "zh-Hans", "zh-Hant"] as const)
      for (const s of buildWorkbookOutput(smallScorecard(), lang).sheets)
        for (const row of s.rows) for (const v of row) expect(typeof v).not.toBe("boolean");
  });

  it("hierarchy: depth per row (total 0, region 1, salesperson 2), roll-up rows are subtotals, names in column A", () => {
    const s = sheet(output, "scorecard");
    expect(s.outline?.column).toBe(0);
    expect(s.rows.map((r, i) => [r[1], s.outline!.rows[i]])).toEqual(
      s.rows.map((r) => [
        r[1],
        r[1] === "Total"
          ? { depth: 0, subtotal: true }
          : r[1] === "Region"
            ? { depth: 1, subtotal: true }
            : { depth: 2, subtotal: false },
      ]),
    );
    expect(s.outline!.rows.map((o) => o.depth)).toContain(2);
  });

  it("a KPI with five bands gets a five-icon set from its four highest minimums", () => {
    const bands = [1.2, 1, 0.9, 0.8, 0.5, 0].map((min, i) => ({ status: `s${i}`, min, color: "#000000" }));
    const out = buildWorkbookOutput(smallScorecard({ kpis: [kpiInfo("net_sales", { bands })] }), "en");
    const rule = sheet(out, "scorecard").rules.find((r) => r.type === "iconSet");
    expect(rule).toEqual(expect.objectContaining({ iconSet: "5Arrows", thresholds: [0.8, 0.9, 1, 1.2] }));
  });

  it("chart: clustered bars of the weighted score by entity", () => {
    const s = sheet(output, "scorecard");
    expect(s.charts).toEqual([
      {
        type: "barClustered",
        name: "KpiScoreChart",
        title: "Weighted score by Salesperson",
        categoryColumn: 0,
        valueColumn: col(s, "Weighted score"),
        seriesName: "Weighted score",
        valueFormat: "0%",
      },
    ]);
  });

  it("history: long form, one row per entity × period × KPI, as the KpiHistory table", () => {
    const s = sheet(output, "history");
    expect(s.table).toEqual({ name: "KpiHistory", style: expect.any(String) });
    expect(s.rows).toEqual([
      ["Bình", "Salesperson", "2026-03", "Net sales", "net_sales", 1250, 1000, 1.25, "Met", 1],
      ["An", "Salesperson", "2026-03", "Net sales", "net_sales", 850, 1000, 0.85, "Met", 1],
      ["An", "Salesperson", "2026-03", "Collection rate", "collection_rate", null, 1000, null, null, 1],
    ]);
  });

  it("details: the beer example's tiers with shares, attainments and the failed gate", () => {
    const s = sheet(output, "details");
    expect(s.rows).toHaveLength(3);
    expect(s.rows[0]).toEqual([
      "Bình",
      "Salesperson",
      "2026-03",
      "Quantity",
      "premium",
      "At least",
      300,
      2000,
      0.025,
      0.2,
      0.15,
      1.2,
      0.15,
      -1000,
      "✗ Failed",
    ]);
  });

  it("notes: the run (template, version, time), data notes with sheet row / column / value, and the SMART check", () => {
    const s = sheet(output, "notes");
    expect(s.rows).toContainEqual(["Run", "Template", null, null, "sales-rep", null]);
    expect(s.rows).toContainEqual(["Run", "Template version", null, null, "1.0.0", null]);
    expect(s.rows).toContainEqual(["Run", "Generated at", null, null, "2026-04-02T08:00:00.000Z", null]);
    const message = NOTE_MESSAGES.not_a_number.en;
    expect(s.rows).toContainEqual([
      "Data note",
      message,
      12,
      "Revenue",
      "abc",
      message === "not a number" ? null : "not a number",
    ]);
    expect(s.rows).toContainEqual([
      "SMART check",
      "Net sales · Attainable",
      null,
      null,
      "Not met",
      "target 3× the best past month",
    ]);
    expect(s.rows.filter((r) => r[0] === "SMART check")).toHaveLength(5);
  });

  it("speaks Vietnamese and Chinese: sheet names, headers, status words and note messages", () => {
    const vi = buildWorkbookOutput(smallScorecard(), "vi");
    expect(vi.sheets.map((s) => s.name)).toEqual([
      "KPI Bảng điểm",
      "KPI Lịch sử",
      "KPI Cơ cấu biên lợi nhuận",
      "KPI Ghi chú",
      "KPI Xu hướng",
    ]);
    const s = sheet(vi, "scorecard");
    expect(s.columns[4].header).toBe("Thực tế");
    expect(s.headerBand![0]).toEqual({ text: "Doanh thu thuần", fromColumn: 4, toColumn: 7 });
    expect(s.rows[0][7]).toBe("Đạt");
    expect(sheet(vi, "notes").rows.some((r) => r[1] === NOTE_MESSAGES.not_a_number.vi)).toBe(true);
    // The engine names the total row "Total"; the sheet says it in the sheet's language, as entity and as parent.
    expect(s.rows.find((r) => r[1] === "Tổng cộng")![0]).toBe("Tổng cộng");
    expect(s.rows.find((r) => r[0] === "North")![2]).toBe("Tổng cộng");
    expect(s.rows.some((r) => r[0] === "Total" || r[2] === "Total")).toBe(false);
    const hant = buildWorkbookOutput(smallScorecard(), "zh-Hant");
    expect(sheet(hant, "scorecard").columns[0].header).toBe("對象");
    expect(sheet(hant, "scorecard").charts[0].title).toBe("按銷售員加權得分");
  });

  it("never writes NaN or Infinity: they become empty cells", () => {
    const sc = smallScorecard();
    sc.rows[0].score = Number.NaN;
    sc.rows[0].kpis.net_sales!.attainment = Number.POSITIVE_INFINITY;
    const s = sheet(buildWorkbookOutput(sc, "en"), "scorecard");
    expect(s.rows[0][6]).toBeNull();
    expect(s.rows[0][12]).toBeNull();
  });
});
