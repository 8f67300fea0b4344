import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, ratioOf } from "./kpiValue";

export const badDebtRate: KpiDefinition<"bad_debt_rate"> = {
  id: "bad_debt_rate",
  names: { en: "Bad-debt rate", vi: "Tỷ lệ nợ xấu", "zh-Hans": "坏账率", "zh-Hant": "壞賬率" },
  definition: {
    en: "Bad debt written off / net sales",
    vi: "Nợ xấu phải xóa / doanh thu thuần",
    "zh-Hans": "坏账损失 / 销售净额",
    "zh-Hant": "壞賬損失 / 銷售淨額",
  },
  roles: ["bad_debt", "revenue"],
  direction: "lower",
  unit: "percent",
  money: true,
  additiveTarget: false,
  targetHeaders: ["Bad debt rate", "Bad-debt rate", "Tỷ lệ nợ xấu", "坏账率", "壞賬率", "壞帳率"],
  drivers: { kind: "ratio", numerator: "bad_debt", denominator: "revenue" },
  compute: (view) =>
    ratioOf(amountOf(view, "bad_debt", "bad_debt_amount"), amountOf(view, "revenue", "net_sales"), "net_sales"),
};
