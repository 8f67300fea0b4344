/**
 * Reads the new_product flag. Yes: TRUE, 1, yes, y, true, x, ✓, new, mới, có, 新品, 新, 是.
 * No: FALSE, 0, no, n, false, cũ, không, old, 否, 旧, 舊. Case and Vietnamese diacritics do not
 * matter ("moi" = "mới"). Blank is blank (unknown), never "no". Anything else → "not_a_flag".
 */
import type { RawCell } from "../types";
import { BLANK, cellError, type CellRead } from "./cellRead";
import { excelError } from "./excelErrors";
import { foldText } from "./normalizeText";

const YES = new Set(["yes", "y", "true", "1", "x", "✓", "✔", "new", "moi", "co", "dung", "新品", "新", "是", "有"]);
const NO = new Set([
  "no",
  "n",
  "false",
  "0",
  "old",
  "cu",
  "khong",
  "sai",
  "否",
  "旧",
  "舊",
  "旧品",
  "舊品",
  "无",
  "無",
]);
const TRUE_READ: CellRead<boolean> = Object.freeze({ kind: "value", value: true }) as CellRead<boolean>;
const FALSE_READ: CellRead<boolean> = Object.freeze({ kind: "value", value: false }) as CellRead<boolean>;

export function parseFlag(raw: RawCell): CellRead<boolean> {
  if (typeof raw === "boolean") return raw ? TRUE_READ : FALSE_READ;
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "number") {
    if (raw === 1) return TRUE_READ;
    if (raw === 0) return FALSE_READ;
    return cellError("not_a_flag", "not a yes/no flag");
  }
  const trimmed = raw.trim();
  if (trimmed === "") return BLANK;
  const error = excelError(trimmed);
  if (error) return cellError("error_value", `Excel error ${error}`);
  const key = foldText(trimmed);
  if (YES.has(key)) return TRUE_READ;
  if (NO.has(key)) return FALSE_READ;
  return cellError("not_a_flag", "not a yes/no flag");
}
