import type { KpiDefinition } from "./kpiDefinition";
import { kpiNumber } from "./kpiValue";

export const activeCustomers: KpiDefinition<"active_customers"> = {
  id: "active_customers",
  names: { en: "Active customers", vi: "Khách hàng hoạt động", "zh-Hans": "活跃客户数", "zh-Hant": "活躍客戶數" },
  definition: {
    en: "Distinct customers with a transaction in the period",
    vi: "Số khách hàng khác nhau có giao dịch trong kỳ",
    "zh-Hans": "本期有交易的不同客户数",
    "zh-Hant": "本期有交易的不同客戶數",
  },
  roles: ["customer"],
  direction: "higher",
  unit: "count",
  money: false,
  additiveTarget: true,
  tracks: { customers: true },
  targetHeaders: ["Active customers", "Khách hàng hoạt động", "Số khách hàng hoạt động", "活跃客户数", "活躍客戶數"],
  drivers: { kind: "distinct", role: "customer" },
  compute: (view) => kpiNumber(view.activeCustomers()),
};
