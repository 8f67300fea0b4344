import type { KpiDefinition } from "./kpiDefinition";
import { notAvailable, kpiNumber } from "./kpiValue";

export const customerRetention: KpiDefinition<"customer_retention"> = {
  id: "customer_retention",
  names: {
    en: "Customer retention",
    vi: "Tỷ lệ giữ chân khách hàng",
    "zh-Hans": "客户留存率",
    "zh-Hant": "客戶留存率",
  },
  definition: {
    en: "Share of the previous period's active customers who are active again in this period",
    vi: "Tỷ lệ khách hàng hoạt động kỳ trước tiếp tục giao dịch trong kỳ này",
    "zh-Hans": "上期活跃客户中本期再次交易的比例",
    "zh-Hant": "上期活躍客戶中本期再次交易的比例",
  },
  roles: ["customer"],
  direction: "higher",
  unit: "percent",
  money: false,
  additiveTarget: false,
  tracks: { customers: true },
  targetHeaders: ["Customer retention", "Retention", "Tỷ lệ giữ chân khách hàng", "客户留存率", "客戶留存率"],
  compute(view) {
    const previous = view.previous();
    if (!previous.inData) return notAvailable("no_data_for", { period: previous.periodLabel });
    const before = previous.activeCustomers();
    if (before === 0) return notAvailable("no_active_customers_in", { period: previous.periodLabel });
    return kpiNumber(view.retainedFrom(previous) / before);
  },
};
