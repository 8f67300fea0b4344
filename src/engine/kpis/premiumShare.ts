import { tierKey } from "../roles/tierSynonyms";
import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, ratioOf } from "./kpiValue";

/** Which tiers count as premium comes from TemplateKpi.premiumTiers (default ["premium"]), matched case-insensitively. */
export const DEFAULT_PREMIUM_TIERS = ["premium"];

export const premiumShare: KpiDefinition<"premium_share"> = {
  id: "premium_share",
  names: {
    en: "Premium product share",
    vi: "Tỷ trọng sản phẩm cao cấp",
    "zh-Hans": "高端产品比重",
    "zh-Hant": "高端產品比重",
  },
  definition: {
    en: "Revenue of premium tiers / net sales",
    vi: "Doanh thu nhóm cao cấp / doanh thu thuần",
    "zh-Hans": "高端档产品收入 / 销售净额",
    "zh-Hant": "高端檔產品收入 / 銷售淨額",
  },
  roles: ["revenue", "margin_tier"],
  direction: "higher",
  unit: "percent",
  money: true,
  additiveTarget: false,
  targetHeaders: ["Premium share", "Tỷ trọng hàng cao cấp", "Tỷ trọng cao cấp", "高端产品比重", "高端產品比重"],
  settings: { premiumTiers: DEFAULT_PREMIUM_TIERS },
  // Tier labels compare in any of the four languages: "premium" in a template matches "Cao cấp" or "高端".
  measureOptions(kpi, data) {
    const premium = new Set((kpi.premiumTiers ?? DEFAULT_PREMIUM_TIERS).map(tierKey));
    const labels = data.labels.margin_tier?.values ?? [];
    return { premiumCodes: Uint8Array.from(labels, (label) => (premium.has(tierKey(label)) ? 1 : 0)) };
  },
  drivers: { kind: "ratio", numerator: "premiumRevenue", denominator: "revenue" },
  compute: (view) =>
    ratioOf(
      amountOf(view, "premiumRevenue", "rows_with_margin_tier"),
      amountOf(view, "revenue", "net_sales"),
      "net_sales",
    ),
};
