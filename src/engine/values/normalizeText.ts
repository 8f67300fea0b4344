/**
 * Text folding shared by the readers: full-width forms to ASCII (NFKC), lower case, Vietnamese
 * diacritics removed (đ → d) so "Khách hàng" and "Khach hang" compare equal, runs of spaces
 * collapsed. Chinese characters are left as they are (Simplified and Traditional stay distinct).
 */
export function foldText(text: string): string {
  return stripDiacritics(text.normalize("NFKC").toLowerCase())
    .replace(/[\s\u00a0\u3000]+/g, " ")
    .trim();
}

/** Removes combining marks (after NFD) and maps đ/Đ to d. */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .normalize("NFC");
}

/** True when `text` has a CJK ideograph (such text is matched by substring, not by words). */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}
