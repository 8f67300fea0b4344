import type { KpiDefinition } from "./kpiDefinition";
import { amountOf } from "./kpiValue";

export const salesVolume: KpiDefinition<"sales_volume"> = {
  id: "sales_volume",
  names: { en: "Sales volume", vi: "Sản lượng bán", "zh-Hans": "销售量", "zh-Hant": "銷售量" },
  definition: {
    en: "Sum of units sold in the period",
    vi: "Tổng số lượng bán trong kỳ",
    "zh-Hans": "期内销售数量合计",
    "zh-Hant": "期內銷售數量合計",
  },
  roles: ["quantity"],
  direction: "higher",
  unit: "units",
  money: false,
  additiveTarget: true,
  targetHeaders: ["Sales volume", "Volume", "Sản lượng", "Số lượng bán", "销售量", "銷售量", "销量", "銷量"],
  drivers: { kind: "sum", measure: "quantity" },
  compute: (view) => amountOf(view, "quantity", "quantity"),
};
