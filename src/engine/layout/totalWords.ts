/**
 * Words that mark a totals or subtotal row, and the signature lines of a report's footer, in the
 * four product languages. Vietnamese keeps its diacritics: "Cộng" is a total, "Công ty" is not.
 */

/** Whole-cell total words; a cell equal to one of these (any case, ":" or "*" around) is a total label. */
export const TOTAL_WORDS: readonly string[] = [
  // English (Excel's own "Total" and "Grand Total" in pivot tables and table totals rows)
  "total",
  "totals",
  "grand total",
  "subtotal",
  "sub-total",
  "sub total",
  "sum",
  "overall total",
  "total amount",
  // Vietnamese (MISA, Fast and Bravo reports: "Cộng", "Tổng cộng", "Cộng nhóm")
  "tổng",
  "tổng cộng",
  "tổng số",
  "cộng",
  "cộng nhóm",
  "cộng phát sinh",
  "tổng cộng toàn bộ",
  // Chinese (simplified, traditional)
  "合计",
  "总计",
  "小计",
  "合計",
  "總計",
  "小計",
  "总合计",
  "總合計",
  "共计",
  "共計",
];

/**
 * Words a total label may start with, followed by a space and a name ("Total North", "Tổng cộng
 * nhóm A", "Cộng theo nhân viên") or end with ("Alice Total"). Bare "Tổng" and "Sum" are left out
 * here: "Tổng công ty" is a company and "Summit" a customer.
 */
const TOTAL_PREFIXES = ["grand total", "subtotal", "sub-total", "total", "tổng cộng", "tổng số", "cộng"];
const TOTAL_SUFFIXES = ["grand total", "subtotal", "sub-total", "total", "totals", "tổng cộng"];
/** Chinese total words are whole words inside any label ("张三 小计", "小計：北區", "合 计" with an ideographic space). */
const CJK_TOTALS = /合计|总计|小计|合計|總計|小計|共计|共計/;
/**
 * Every total word, lower-cased, holds one of these, composed or not: "tot" (total...), "sum", "ng"
 * (tổng, cộng: their last letters are plain in NFC and NFD alike), 计 or 計. A label without any of
 * them carries no total word (test/engine/layout/totalWords.test.ts checks the lists against it).
 */
export const TOTAL_KEYS = /tot|sum|ng|计|計/;

/** Signature and approval lines under a report (Vietnamese accounting forms, Chinese reports). */
export const SIGNATURE_WORDS: readonly string[] = [
  "người lập biểu",
  "người lập",
  "kế toán trưởng",
  "giám đốc",
  "thủ trưởng đơn vị",
  "người duyệt",
  "(ký, họ tên)",
  "ký, họ tên",
  "ký tên",
  "prepared by",
  "approved by",
  "checked by",
  "reviewed by",
  "signature",
  "制表人",
  "制表",
  "审核",
  "审核人",
  "财务主管",
  "会计主管",
  "负责人",
  "製表人",
  "製表",
  "審核",
  "審核人",
  "會計主管",
  "財務主管",
  "負責人",
  "签字",
  "簽名",
];

const EXACT = new Set(TOTAL_WORDS.map((w) => w.normalize("NFC")));

/** Lower case, NFC, spaces collapsed, surrounding punctuation (":", "*", "-", brackets) dropped. */
function tidy(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u3000]+/g, " ")
    .replace(/^[\s:：*•\-–—.()（）[\]]+|[\s:：*•\-–—.()（）[\]]+$/g, "");
}

/**
 * The total word a label carries, or null. "Total", "合计", "Tổng cộng:", "Total North",
 * "North Total", "小计：张三" are totals; "Total Care Shampoo" is too (a product so named would be
 * left out, with a note saying why), "Tổng công ty Điện lực" and "Summit Ltd" are not.
 */
export function totalWordIn(text: string): string | null {
  if (text.length === 0 || text.length > 80) return null;
  // Cheap first look, before normalising: a million rows can carry tens of thousands of customer names.
  if (!TOTAL_KEYS.test(text.toLowerCase())) return null;
  const cjk = text.replace(/[\s\u3000]+/g, "");
  const cjkHit = CJK_TOTALS.exec(cjk);
  if (cjkHit) return cjkHit[0];
  const t = tidy(text);
  if (t === "") return null;
  if (EXACT.has(t)) return t;
  for (const p of TOTAL_PREFIXES) if (t.startsWith(p) && /^[\s:：-]/.test(t.slice(p.length))) return p;
  for (const s of TOTAL_SUFFIXES) if (t.endsWith(s) && /[\s:：-]$/.test(t.slice(0, t.length - s.length))) return s;
  return null;
}

/** Whether a text is a footer's signature line ("Người lập biểu", "制表人：", "Kế toán trưởng"). */
export function isSignatureText(text: string): boolean {
  if (text.length === 0 || text.length > 120) return false;
  const t = tidy(text);
  return SIGNATURE_WORDS.some((w) => t === w || t.startsWith(w));
}
