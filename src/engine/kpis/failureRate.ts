import type { KpiDefinition } from "./kpiDefinition";
import { notAvailable, kpiNumber } from "./kpiValue";

/** Deals are distinct orders when order ids are mapped, else rows. Lower is better: set a ceiling. */
export const failureRate: KpiDefinition<"failure_rate"> = {
  id: "failure_rate",
  names: { en: "Failure rate", vi: "Tỉ lệ thất bại", "zh-Hans": "失败率", "zh-Hant": "失敗率" },
  definition: {
    en: "(Lost + cancelled) deals / all closed deals (won, lost, cancelled)",
    vi: "(Thất bại + hủy) / tổng số giao dịch đã kết thúc (thành công, thất bại, hủy)",
    "zh-Hans": "(丢单 + 取消) / 全部已结束交易（赢单、丢单、取消）",
    "zh-Hant": "(丟單 + 取消) / 全部已結束交易（贏單、丟單、取消）",
  },
  roles: ["status"],
  optionalRoles: ["order_id"],
  direction: "lower",
  unit: "percent",
  money: false,
  additiveTarget: false,
  tracks: { orders: true },
  targetHeaders: ["Failure rate", "Tỷ lệ thất bại", "失败率", "失敗率"],
  compute(view) {
    const failed = view.deals("lost") + view.deals("cancelled");
    const closed = failed + view.deals("won");
    return closed === 0 ? notAvailable("no_closed_deals") : kpiNumber(failed / closed);
  },
};
