import { foldText } from "../values/normalizeText";

/**
 * Margin tiers under their names in the four languages, so a template that says "premium"
 * matches a sheet that says "Cao cấp" or "高端". Labels outside these lists match only
 * themselves (after folding case, width and Vietnamese diacritics).
 */
export const TIER_SYNONYMS: Readonly<Record<"premium" | "standard" | "economy", readonly string[]>> = {
  premium: [
    "premium",
    "high",
    "high-end",
    "high margin",
    "top",
    "cao cấp",
    "cao",
    "hạng sang",
    "高端",
    "高檔",
    "高档",
    "高端产品",
    "高端產品",
    "高毛利",
  ],
  standard: [
    "standard",
    "regular",
    "mid",
    "middle",
    "mid-range",
    "trung cấp",
    "trung bình",
    "phổ biến",
    "tiêu chuẩn",
    "中端",
    "中档",
    "中檔",
    "标准",
    "標準",
  ],
  economy: [
    "economy",
    "low",
    "low-end",
    "budget",
    "value",
    "basic",
    "phổ thông",
    "bình dân",
    "giá rẻ",
    "低端",
    "低档",
    "低檔",
    "经济",
    "經濟",
  ],
};

const CANONICAL = new Map<string, string>();
for (const [tier, names] of Object.entries(TIER_SYNONYMS)) for (const n of names) CANONICAL.set(foldText(n), tier);

/** The comparison key of a tier label: its canonical tier id when it is a known synonym, else the folded label. */
export function tierKey(label: string): string {
  const folded = foldText(label);
  return CANONICAL.get(folded) ?? folded;
}
