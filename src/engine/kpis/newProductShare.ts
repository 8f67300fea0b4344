import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, ratioOf } from "./kpiValue";

export const newProductShare: KpiDefinition<"new_product_share"> = {
  id: "new_product_share",
  names: {
    en: "New-product revenue share",
    vi: "Tỷ trọng doanh thu sản phẩm mới",
    "zh-Hans": "新品销售收入占比",
    "zh-Hant": "新品銷售收入佔比",
  },
  definition: {
    en: "Revenue of new products / net sales",
    vi: "Doanh thu sản phẩm mới / doanh thu thuần",
    "zh-Hans": "新品收入 / 销售净额",
    "zh-Hant": "新品收入 / 銷售淨額",
  },
  roles: ["revenue", "new_product"],
  direction: "higher",
  unit: "percent",
  money: true,
  additiveTarget: false,
  targetHeaders: [
    "New product share",
    "Tỷ trọng sản phẩm mới",
    "新品销售收入占比",
    "新品銷售收入佔比",
    "新品占比",
    "新品佔比",
  ],
  drivers: { kind: "ratio", numerator: "newProductRevenue", denominator: "revenue" },
  compute: (view) =>
    ratioOf(
      amountOf(view, "newProductRevenue", "new_product_flags"),
      amountOf(view, "revenue", "net_sales"),
      "net_sales",
    ),
};
