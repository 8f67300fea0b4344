/** Fixture builders for the task pane tests: small, readable, overridable. */
import type { RoleDetection, Template } from "../../src/engine/types";
import type { KpiCatalogEntry } from "../../src/taskpane/components/kpiCatalog";
import type { SourcePreview } from "../../src/taskpane/state/paneState";

/** Two KPIs, 60 + 40 = 100 % of weight. */
export function buildTemplate(overrides: Partial<Template> = {}): Template {
  return {
    schemaVersion: 1,
    id: "test-rep",
    version: "1.0.0",
    names: { en: "Test rep", vi: "Nhân viên thử", "zh-Hans": "测试销售", "zh-Hant": "測試業務" },
    groupBy: "salesperson",
    rollup: ["region"],
    period: { kind: "month", fiscalYearStartMonth: 1 },
    kpis: [
      { kpi: "net_sales", weight: 60, target: { type: "table" } },
      { kpi: "collection_rate", weight: 40, target: { type: "fixed", value: 0.95 } },
    ],
    gateCap: 0.8,
    payout: {
      points: [
        { attainment: 0.8, payout: 0.5 },
        { attainment: 1, payout: 1 },
      ],
      threshold: 0.8,
    },
    ...overrides,
  };
}

const names = (en: string, vi: string, hans: string, hant: string) => ({ en, vi, "zh-Hans": hans, "zh-Hant": hant });

export const CATALOG: KpiCatalogEntry[] = [
  {
    id: "net_sales",
    names: names("Net sales", "Doanh thu thuần", "销售净额", "銷售淨額"),
    roles: ["date", "revenue"],
    unit: "money",
  },
  {
    id: "collection_rate",
    names: names("Collection rate", "Tỷ lệ thu hồi nợ", "回款率", "回款率"),
    roles: ["date", "receivable", "collected"],
    unit: "percent",
  },
  {
    id: "gross_margin_pct",
    names: names("Gross margin %", "Biên lợi nhuận gộp", "毛利率", "毛利率"),
    roles: ["date", "revenue", "cost"],
    unit: "percent",
  },
];

/** Headers of a Vietnamese sales sheet and three rows. */
export function buildPreview(): SourcePreview {
  return {
    sheet: "Bán hàng",
    headers: ["Ngày", "Nhân viên", "Doanh thu", "Phải thu", "Đã thu", "Ghi chú"],
    samples: [
      [46023, "An", 1200000, 1000000, 900000, ""],
      [46024, "Bình", 3400000.5, 2000000, 2000000, "x"],
      [46025, "An", 500000, 500000, 0, ""],
    ],
    rowCount: 250,
  };
}

export function buildDetections(): RoleDetection[] {
  return [
    { role: "date", column: 0, header: "Ngày", confidence: 0.98, source: "header" },
    { role: "salesperson", column: 1, header: "Nhân viên", confidence: 0.9, source: "header" },
    { role: "revenue", column: 2, header: "Doanh thu", confidence: 0.95, source: "header" },
    { role: "receivable", column: 3, header: "Phải thu", confidence: 0.85, source: "header" },
  ];
}
