import type { KpiDefinition } from "./kpiDefinition";
import { kpiNumber, notAvailable } from "./kpiValue";

/**
 * Share of the period's active customers who bought at least one new product (a row flagged new).
 * Counted per level from distinct customers, so a region's share is never the mean of its reps'.
 * A row with a blank or unreadable flag does not make its customer a new-product buyer.
 */
export const newProductDistribution: KpiDefinition<"new_product_distribution"> = {
  id: "new_product_distribution",
  names: {
    en: "New-product distribution",
    vi: "Độ phủ sản phẩm mới",
    "zh-Hans": "新品铺货率",
    "zh-Hant": "新品鋪貨率",
  },
  definition: {
    en: "Active customers who bought at least one new product / active customers",
    vi: "Số khách hàng hoạt động đã mua ít nhất một sản phẩm mới / số khách hàng hoạt động",
    "zh-Hans": "购买过至少一种新品的活跃客户数 / 活跃客户数",
    "zh-Hant": "購買過至少一種新品的活躍客戶數 / 活躍客戶數",
  },
  roles: ["customer", "new_product"],
  direction: "higher",
  unit: "percent",
  money: false,
  additiveTarget: false,
  targetHeaders: [
    "New product distribution",
    "New-product distribution",
    "Độ phủ sản phẩm mới",
    "Tỷ lệ phủ sản phẩm mới",
    "新品铺货率",
    "新品鋪貨率",
  ],
  tracks: {
    customers: true,
    customersWhere: (data) =>
      data.newProduct ? Uint8Array.from(data.newProduct, (flag) => (flag === 1 ? 1 : 0)) : null,
  },
  compute(view) {
    const active = view.activeCustomers();
    if (active === 0) return notAvailable("no_active_customers_in", { period: view.periodLabel });
    return kpiNumber(view.customersOf("new_product_distribution") / active);
  },
};
