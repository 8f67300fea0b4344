import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, notAvailable, kpiNumber } from "./kpiValue";

export const avgOrderValue: KpiDefinition<"avg_order_value"> = {
  id: "avg_order_value",
  names: {
    en: "Average order value",
    vi: "Giá trị đơn hàng trung bình",
    "zh-Hans": "平均订单金额",
    "zh-Hant": "平均訂單金額",
  },
  definition: {
    en: "Net sales / distinct orders",
    vi: "Doanh thu thuần / số đơn hàng khác nhau",
    "zh-Hans": "销售净额 / 不同订单数",
    "zh-Hant": "銷售淨額 / 不同訂單數",
  },
  roles: ["revenue", "order_id"],
  direction: "higher",
  unit: "money",
  money: true,
  additiveTarget: false,
  tracks: { orders: true },
  targetHeaders: [
    "Average order value",
    "AOV",
    "Giá trị đơn hàng trung bình",
    "客单价",
    "客單價",
    "平均订单金额",
    "平均訂單金額",
  ],
  compute(view) {
    const orders = view.distinctOrders();
    if (orders === 0) return notAvailable("no_orders");
    const sales = amountOf(view, "revenue", "revenue");
    return sales.ok ? kpiNumber(sales.value / orders) : sales;
  },
};
