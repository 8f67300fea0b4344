/** The workbook shows why a KPI has no value, and the SMART check's sentences, in the sheet's language. */
import { computeScorecard } from "../../src/engine/scorecard";
import type { OutputSheet, WorkbookOutput } from "../../src/workbook/contract";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { LATER, salesData, templateWith, type FixtureRow } from "../engine/support/salesFixture";
import { smallScorecard } from "./support/scorecardFixture";
import { columnOf } from "./support/columnOf";

function sheet(output: WorkbookOutput, key: OutputSheet["key"]): OutputSheet {
  return output.sheets.find((s) => s.key === key)!;
}
function cellAt(s: OutputSheet, entity: string, header: string) {
  const column = columnOf(s, header);
  const row = s.rows.find((r) => r[0] === entity);
  if (!row) throw new Error(`no row for ${entity}`);
  return row[column];
}

describe("scorecard sheet: the reason a KPI has no value", () => {
  test("Vietnamese, Chinese and English sheets each show the reason in their language", () => {
    const scorecard = smallScorecard(); // Bình's collection rate: no receivable in period
    expect(cellAt(sheet(buildWorkbookOutput(scorecard, "vi"), "scorecard"), "Bình", "Tỷ lệ thu hồi · Trạng thái")).toBe(
      "không có khoản phải thu trong kỳ",
    );
    expect(cellAt(sheet(buildWorkbookOutput(scorecard, "zh-Hans"), "scorecard"), "Bình", "回款率 · 状态")).toBe(
      "本期没有应收款",
    );
    expect(cellAt(sheet(buildWorkbookOutput(scorecard, "en"), "scorecard"), "Bình", "Collection rate · Status")).toBe(
      "no receivable in period",
    );
  });

  test("end to end: an unmapped column is named by its role in Vietnamese, from computeScorecard to the sheet", () => {
    const rows: FixtureRow[] = [
      { date: "2026-01-05", salesperson: "An", region: "North", revenue: 100 },
      { date: "2026-01-06", salesperson: "Binh", region: "North", revenue: 80 },
    ];
    const template = templateWith([
      { kpi: "net_sales", weight: 60 },
      { kpi: "collection_rate", weight: 40 },
    ]);
    const scorecard = computeScorecard({ data: salesData(rows), template, now: LATER });
    const vi = buildWorkbookOutput(scorecard, "vi");
    expect(cellAt(sheet(vi, "scorecard"), "An", "Tỷ lệ thu hồi công nợ · Trạng thái")).toBe("không có cột “Đã thu”");
    expect(cellAt(sheet(vi, "scorecard"), "An", "Doanh thu thuần · Trạng thái")).toBe("Đạt"); // 100 against 1 → met

    // The notes sheet's SMART rows: the detail column in Vietnamese too.
    const notes = sheet(vi, "notes");
    const smartRow = notes.rows.find((r) => r[1] === "Tỷ lệ thu hồi công nợ · Đo lường được")!;
    expect(smartRow.slice(4)).toEqual(["Chưa đạt", "Hãy gán cột cho: Đã thu, Phải thu."]);
    const timeRow = notes.rows.find((r) => r[1] === "Doanh thu thuần · Có thời hạn")!;
    expect(timeRow[5]).toBe("Đo lường theo tháng.");
  });

  test("a SMART detail without a code (older input) is written as its English text", () => {
    const notes = sheet(buildWorkbookOutput(smallScorecard(), "vi"), "notes");
    expect(notes.rows.find((r) => r[1] === "Doanh thu thuần · Khả thi")![5]).toBe("target 3× the best past month");
  });
});
