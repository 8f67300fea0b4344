/**
 * A quick-start template of every KPI the columns support (issue 12). It is validated like any
 * template, so this module pulls in the validator; the ranking lives in templateSupport.ts so that
 * the task pane's first paint does not need the validator.
 */
import { KPI_REGISTRY, rolesOfKpi } from "./kpis";
import { rolesMissingFor } from "./roles";
import { validateTemplate } from "./templates";
import { DIMENSION_ROLES } from "./types";
import type { ColumnMapping, DimensionRole, Template, TemplateKpi } from "./types";

export const QUICK_START_ID = "quick-start";

/**
 * Every catalogue KPI the columns support, equal weights, each target from the targets table or else from
 * history (same period last year, otherwise the mean of the three previous periods). Left out: KPIs that
 * need settings or a plan the data cannot give (margin mix tiers, plan and budget amounts).
 * Grouped by salesperson when there is one, else by the first dimension present; null when the data has
 * no date, no dimension or no KPI it supports.
 */
export function quickStartTemplate(mapping: ColumnMapping, groupBy?: DimensionRole): Template | null {
  const by = groupBy ?? DIMENSION_ROLES.find((role) => mapping[role] !== undefined);
  if (!by || rolesMissingFor(["date", by], mapping).length > 0) return null;
  const ids = KPI_REGISTRY.filter(
    (def) =>
      !def.needsSettings && rolesMissingFor(rolesOfKpi(def, { kpi: def.id } as TemplateKpi), mapping).length === 0,
  ).map((def) => def.id);
  if (ids.length === 0) return null;
  // Equal weights in hundredths that add up to exactly 100.
  const hundredths = Math.floor(10000 / ids.length);
  const kpis = ids.map((kpi, i) => ({
    kpi,
    weight: (i === 0 ? 10000 - hundredths * (ids.length - 1) : hundredths) / 100,
    target: { type: "table" as const },
  }));
  const rollup = by !== "region" && mapping.region !== undefined ? ["region"] : [];
  const result = validateTemplate({
    schemaVersion: 1,
    id: QUICK_START_ID,
    names: {
      en: "Quick start (from your columns)",
      vi: "Bắt đầu nhanh (theo các cột của bạn)",
      "zh-Hans": "快速开始（按现有列）",
      "zh-Hant": "快速開始（依現有欄位）",
    },
    description: {
      en: "Every KPI your columns support, with equal weights; targets from the targets table, or else from history (same period last year, otherwise the mean of the three previous periods).",
      vi: "Mọi KPI mà các cột của bạn cho phép, trọng số bằng nhau; chỉ tiêu lấy từ bảng chỉ tiêu, nếu không có thì từ lịch sử (cùng kỳ năm trước, nếu không thì trung bình ba kỳ trước).",
      "zh-Hans":
        "现有列支持的所有 KPI，权重相同；目标取自目标表，若无则取自历史数据（去年同期，否则取前三个期间的平均值）。",
      "zh-Hant":
        "現有欄位支援的所有 KPI，權重相同；目標取自目標表，若無則取自歷史資料（去年同期，否則取前三個期間的平均值）。",
    },
    groupBy: by,
    rollup,
    kpis,
  });
  if (!result.ok) throw new Error(`quick-start template invalid: ${JSON.stringify(result.errors)}`);
  return result.template;
}
