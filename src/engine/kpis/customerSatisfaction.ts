import type { KpiDefinition } from "./kpiDefinition";
import { kpiNumber, notAvailable } from "./kpiValue";

/**
 * Average satisfaction score of the period's rows that carry one, on the sheet's own scale (1–5, 0–10 …).
 * A region's average is over all its rows' scores (Σ score / number of scores), not the mean of its reps'.
 * Blank scores are left out, never read as 0.
 */
export const customerSatisfaction: KpiDefinition<"customer_satisfaction"> = {
  id: "customer_satisfaction",
  names: {
    en: "Customer satisfaction",
    vi: "Mức độ hài lòng của khách hàng",
    "zh-Hans": "客户满意度",
    "zh-Hant": "客戶滿意度",
  },
  definition: {
    en: "Average of the satisfaction scores given in the period",
    vi: "Điểm hài lòng trung bình của các đánh giá trong kỳ",
    "zh-Hans": "本期满意度评分的平均值",
    "zh-Hant": "本期滿意度評分的平均值",
  },
  roles: ["satisfaction"],
  direction: "higher",
  unit: "score",
  money: false,
  additiveTarget: false,
  targetHeaders: [
    "Customer satisfaction",
    "Satisfaction",
    "CSAT",
    "Mức độ hài lòng",
    "Điểm hài lòng",
    "满意度",
    "客户满意度",
    "滿意度",
    "客戶滿意度",
  ],
  compute(view) {
    const scores = view.count("satisfaction");
    if (scores === 0) return notAvailable("no_amount_in_period", { amount: "satisfaction_scores" });
    return kpiNumber(view.sum("satisfaction") / scores);
  },
};
