/**
 * Header matching against ROLE_SYNONYMS. A header that equals a synonym (after foldHeader) is an
 * exact match; one that contains a synonym (as whole words, or as a substring for Chinese) is a
 * partial match. The more specific hit wins: the synonym with more words (Chinese: characters),
 * then the head word's position
 * (the end of an English or Chinese header, "Invoice amount" → amount; the start of a
 * Vietnamese one, "Ngày thu tiền" → ngày).
 */
import { ROLES, type Role } from "../types";
import { hasCjk } from "../values/normalizeText";
import { foldHeader } from "./foldHeader";
import { ROLE_SYNONYMS } from "./roleSynonyms";

export const EXACT_CONFIDENCE = 0.95;
export const PARTIAL_CONFIDENCE = 0.75;

export interface HeaderMatch {
  role: Role;
  confidence: number;
  /** Orders hits of equal confidence: larger is more specific. */
  specificity: number;
}

interface Synonym {
  role: Role;
  folded: string;
  cjk: boolean;
  /** Words in the synonym; characters for Chinese. */
  size: number;
}

const SYNONYMS: Synonym[] = ROLES.flatMap((role) =>
  ROLE_SYNONYMS[role].map((word) => {
    const folded = foldHeader(word);
    const cjk = hasCjk(word);
    return { role, folded, cjk, size: cjk ? folded.length : folded.split(" ").length };
  }),
);
const EXACT: ReadonlyMap<string, Role> = new Map(
  // First role listed wins if two roles ever shared a synonym.
  [...SYNONYMS].reverse().map((s) => [s.folded, s.role]),
);

/** Vietnamese letters with diacritics: the header is Vietnamese, whose head word comes first. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

export function matchHeader(header: string): HeaderMatch | null {
  const folded = foldHeader(header);
  if (folded === "") return null;
  const exact = EXACT.get(folded);
  if (exact) return { role: exact, confidence: EXACT_CONFIDENCE, specificity: 100_000 };
  const headFirst = VIETNAMESE.test(header);
  const padded = ` ${folded} `;
  let best: HeaderMatch | null = null;
  for (const s of SYNONYMS) {
    const at = s.cjk ? folded.lastIndexOf(s.folded) : padded.lastIndexOf(` ${s.folded} `);
    if (at < 0) continue;
    const position = headFirst ? folded.length - at : at;
    const specificity = s.size * 1000 + position;
    if (!best || specificity > best.specificity) best = { role: s.role, confidence: PARTIAL_CONFIDENCE, specificity };
  }
  return best;
}
