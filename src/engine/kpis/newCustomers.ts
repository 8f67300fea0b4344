import type { KpiDefinition } from "./kpiDefinition";
import { englishReason } from "../messages";
import { periodLabel } from "../periods";
import { notAvailable, kpiNumber } from "./kpiValue";

/** The reason given for the data's first period, where no customer can be shown to be new. */
export const NO_HISTORY_REASON = englishReason("no_history_for_new_customers");

export const newCustomers: KpiDefinition<"new_customers"> = {
  id: "new_customers",
  names: { en: "New customers", vi: "Khách hàng mới", "zh-Hans": "新开客户数", "zh-Hant": "新開客戶數" },
  definition: {
    en: "Customers whose first transaction in the whole data set falls in the period, counted for the entity of that transaction",
    vi: "Khách hàng có giao dịch đầu tiên (trong toàn bộ dữ liệu) thuộc kỳ này, tính cho người/đơn vị của giao dịch đó",
    "zh-Hans": "在全部数据中首次交易落在本期的客户，计入该笔交易所属的对象",
    "zh-Hant": "在全部資料中首次交易落在本期的客戶，計入該筆交易所屬的對象",
  },
  roles: ["customer"],
  direction: "higher",
  unit: "count",
  money: false,
  additiveTarget: true,
  tracks: { customers: true },
  targetHeaders: [
    "New customers",
    "Khách hàng mới",
    "Số khách hàng mới",
    "新客户数",
    "新客戶數",
    "新开客户数",
    "新開客戶數",
  ],
  dataNotes(agg, spec) {
    const unprovable = agg.newCustomers?.unprovable ?? 0;
    if (unprovable === 0) return [];
    const first = periodLabel(agg.periods.baseKey + agg.periods.firstDataPeriod, spec);
    return [
      {
        kind: "no_history_for_new_customers",
        value: first,
        problem: `${unprovable} customers first appear in ${first}, the first period of the data; with no earlier history they cannot be shown to be new, so new customers for ${first} is not available`,
      },
    ];
  },
  compute(view) {
    if (!view.inData) return notAvailable("period_outside_data");
    if (view.isFirstDataPeriod) return notAvailable("no_history_for_new_customers");
    return kpiNumber(view.newCustomers());
  },
};
