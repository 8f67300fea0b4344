import { foldText } from "../values/normalizeText";

/**
 * A header reduced to what identifies it: full-width folded, lower case, Vietnamese diacritics
 * removed, units in brackets dropped ("Doanh thu (VND)", "金额（元）", "Qty [cases]"),
 * punctuation turned into spaces. "Số HĐ" → "so hd"; "Write-off" → "write off".
 */
export function foldHeader(header: string): string {
  return foldText(header)
    .replace(/[([{][^)\]}]*[)\]}]/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
