import type { KpiDefinition } from "./kpiDefinition";
import { notAvailable, kpiNumber } from "./kpiValue";

/** Deals are distinct orders when order ids are mapped, else rows. */
export const conversionRate: KpiDefinition<"conversion_rate"> = {
  id: "conversion_rate",
  names: { en: "Conversion rate", vi: "Tỷ lệ chuyển đổi", "zh-Hans": "成交率", "zh-Hant": "成交率" },
  definition: {
    en: "Won deals / (won + lost) deals",
    vi: "Giao dịch thành công / (thành công + thất bại)",
    "zh-Hans": "赢单数 / (赢单数 + 丢单数)",
    "zh-Hant": "贏單數 / (贏單數 + 丟單數)",
  },
  roles: ["status"],
  optionalRoles: ["order_id"],
  direction: "higher",
  unit: "percent",
  money: false,
  additiveTarget: false,
  tracks: { orders: true },
  targetHeaders: ["Conversion rate", "Tỷ lệ chuyển đổi", "转化率", "轉化率", "成交率"],
  compute(view) {
    const won = view.deals("won");
    const closed = won + view.deals("lost");
    return closed === 0 ? notAvailable("no_won_or_lost_deals") : kpiNumber(won / closed);
  },
};
