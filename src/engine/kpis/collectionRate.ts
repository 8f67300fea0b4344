import type { KpiDefinition } from "./kpiDefinition";
import { amountOf, ratioOf } from "./kpiValue";

export const collectionRate: KpiDefinition<"collection_rate"> = {
  id: "collection_rate",
  names: { en: "Collection rate", vi: "Tỷ lệ thu hồi công nợ", "zh-Hans": "实际回款率", "zh-Hant": "實際回款率" },
  definition: {
    en: "Amount collected / amount receivable in the period",
    vi: "Số tiền đã thu / số tiền phải thu trong kỳ",
    "zh-Hans": "实际回款 / 本期计划应收款",
    "zh-Hant": "實際回款 / 本期計劃應收款",
  },
  roles: ["collected", "receivable"],
  direction: "higher",
  unit: "percent",
  money: true,
  additiveTarget: false,
  targetHeaders: ["Collection rate", "Tỷ lệ thu hồi công nợ", "Tỷ lệ thu tiền", "回款率", "实际回款率", "實際回款率"],
  drivers: { kind: "ratio", numerator: "collected", denominator: "receivable" },
  compute: (view) =>
    ratioOf(amountOf(view, "collected", "collected_amount"), amountOf(view, "receivable", "receivable"), "receivable"),
};
