import type { RawCell } from "../types";

/** The raw cell as text, for notes: blank → "", booleans as Excel shows them. */
export function cellText(raw: RawCell): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return String(raw);
}
