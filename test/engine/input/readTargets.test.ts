import { readTargets } from "../../../src/engine/targets/readTargets";
import type { PeriodSpec } from "../../../src/engine/types";
import { table } from "./fixtures";

const month: PeriodSpec = { kind: "month", fiscalYearStartMonth: 1 };
const aprilQuarter: PeriodSpec = { kind: "quarter", fiscalYearStartMonth: 4 };

describe("readTargets, wide form", () => {
  test("KPI ids, localized names and tier columns", () => {
    const t = table(
      [
        "Nhân viên kinh doanh",
        "Tháng",
        "Doanh thu",
        "collection_rate",
        "Tỷ lệ nợ xấu",
        "margin_mix:premium",
        "tier:economy",
        "Ghi chú",
      ],
      [
        ["Trần Thị Bình", "2026-03", "1.000.000.000", "95%", 0.02, 2000, 2000, "tháng cao điểm"],
        ["Lê Văn An", "2026-03", 800000000, "", "", 1500, "", ""],
      ],
      "Targets",
    );
    const { entries, notes, errors } = readTargets(t, month, "salesperson");
    expect(errors).toEqual([]);
    expect(notes).toEqual([]);
    expect(entries).toEqual([
      { entity: "Trần Thị Bình", period: "2026-03", kpi: "net_sales", target: 1e9 },
      { entity: "Trần Thị Bình", period: "2026-03", kpi: "collection_rate", target: 0.95 },
      { entity: "Trần Thị Bình", period: "2026-03", kpi: "bad_debt_rate", target: 0.02 },
      { entity: "Trần Thị Bình", period: "2026-03", kpi: "margin_mix:premium", target: 2000 },
      { entity: "Trần Thị Bình", period: "2026-03", kpi: "margin_mix:economy", target: 2000 },
      { entity: "Lê Văn An", period: "2026-03", kpi: "net_sales", target: 8e8 },
      { entity: "Lê Văn An", period: "2026-03", kpi: "margin_mix:premium", target: 1500 },
    ]);
  });

  test("Chinese headers; no period column means every period", () => {
    const t = table(["区域", "销售额", "回款率"], [["华东", "5,000,000", "90%"]]);
    expect(readTargets(t, month).entries).toEqual([
      { entity: "华东", period: "", kpi: "net_sales", target: 5000000 },
      { entity: "华东", period: "", kpi: "collection_rate", target: 0.9 },
    ]);
    const hant = table(["區域", "銷售額"], [["華南", 100]]);
    expect(readTargets(hant, month).entries).toEqual([{ entity: "華南", period: "", kpi: "net_sales", target: 100 }]);
  });

  test("periods given as dates or serials become the label of their period", () => {
    const t = table(
      ["Region", "Period", "Net sales"],
      [
        ["North", "2026-03-15", 1],
        ["North", 46096, 2], // 2026-03-15
        ["North", "FY2027-Q1", 3],
        ["North", "", 4],
      ],
    );
    expect(readTargets(t, aprilQuarter).entries.map((e) => e.period)).toEqual([
      "FY2026-Q4",
      "FY2026-Q4",
      "FY2027-Q1",
      "",
    ]);
  });

  test("a numeric column with another header is kept under its header", () => {
    const t = table(["Salesperson", "Plan 2026", "Remarks"], [["Bình", 1200, "ok"]]);
    expect(readTargets(t, month).entries).toEqual([{ entity: "Bình", period: "", kpi: "Plan 2026", target: 1200 }]);
  });

  test("unreadable targets and periods are notes with sheet row and header", () => {
    const t = table(
      ["Salesperson", "Month", "Net sales", "Collection rate"],
      [
        ["Bình", "2026-03", "abc", "#N/A"],
        ["An", "March", 100, 0.9],
        ["", "2026-03", 100, 0.9],
      ],
      "Targets",
    );
    const { entries, notes } = readTargets(t, month);
    expect(entries).toEqual([]);
    expect(notes).toEqual([
      { kind: "target_unreadable", row: 2, column: "Net sales", value: "abc", problem: "not a number; target ignored" },
      {
        kind: "target_unreadable",
        row: 2,
        column: "Collection rate",
        value: "#N/A",
        problem: "Excel error #N/A; target ignored",
      },
      {
        kind: "target_unreadable",
        row: 3,
        column: "Month",
        value: "March",
        problem: "not a month period (e.g. 2026-03) or a date; the row is ignored",
      },
      {
        kind: "target_unreadable",
        row: 4,
        column: "Salesperson",
        value: "",
        problem: "no entity on this row; its targets are ignored",
      },
    ]);
  });

  test("a table with no entity column is an error naming the headers seen", () => {
    const { entries, errors } = readTargets(table(["Tháng", "Doanh thu"], [["2026-03", 5]], "Chỉ tiêu"), month);
    expect(entries).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Targets table "Chỉ tiêu" has no entity column');
    expect(errors[0]).toContain('Headers seen: "Tháng", "Doanh thu"');
  });

  test("the requested entity role is preferred", () => {
    const t = table(["Region", "Salesperson", "Net sales"], [["North", "Bình", 10]]);
    expect(readTargets(t, month, "salesperson").entries[0].entity).toBe("Bình");
    expect(readTargets(t, month, "region").entries[0].entity).toBe("North");
  });
});

describe("readTargets, long form", () => {
  test("entity, period, kpi and target columns in Vietnamese", () => {
    const t = table(
      ["Nhân viên", "Kỳ", "Chỉ số", "Mục tiêu"],
      [
        ["Bình", "2026-03", "Doanh thu", "1.000.000"],
        ["Bình", "2026-03", "collection_rate", "95%"],
        ["Bình", "2026-03", "tier:premium", 2000],
        ["Bình", "2026-03", "Khách hàng mới", 5],
        ["Bình", "2026-03", "Doanh thu", "n/a"],
      ],
    );
    const { entries, notes } = readTargets(t, month);
    expect(entries).toEqual([
      { entity: "Bình", period: "2026-03", kpi: "net_sales", target: 1000000 },
      { entity: "Bình", period: "2026-03", kpi: "collection_rate", target: 0.95 },
      { entity: "Bình", period: "2026-03", kpi: "margin_mix:premium", target: 2000 },
      { entity: "Bình", period: "2026-03", kpi: "new_customers", target: 5 },
    ]);
    expect(notes).toEqual([
      { kind: "target_unreadable", row: 6, column: "Mục tiêu", value: "n/a", problem: "not a number; target ignored" },
    ]);
  });

  test("Chinese long form", () => {
    const t = table(["销售员", "期间", "指标", "目标"], [["张伟", "2026-03", "回款率", 0.9]]);
    expect(readTargets(t, month).entries).toEqual([
      { entity: "张伟", period: "2026-03", kpi: "collection_rate", target: 0.9 },
    ]);
  });
});
