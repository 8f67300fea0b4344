/**
 * Canonical currency code for a currency cell, so "vnd", "VNĐ" and "₫" are one currency and a
 * mixed-currency check is not fooled by spelling. ¥/￥/元/RMB are read as CNY (the product's
 * users are Vietnamese and Chinese). Unknown text is upper-cased as it is.
 */
const SYMBOLS: Record<string, string> = {
  "₫": "VND",
  Đ: "VND",
  VNĐ: "VND",
  ĐỒNG: "VND",
  DONG: "VND",
  "¥": "CNY",
  "￥": "CNY",
  元: "CNY",
  RMB: "CNY",
  人民币: "CNY",
  人民幣: "CNY",
  $: "USD",
  US$: "USD",
  "€": "EUR",
  "£": "GBP",
};

export function currencyCode(text: string): string {
  const upper = text.trim().toUpperCase();
  return SYMBOLS[upper] ?? upper;
}
