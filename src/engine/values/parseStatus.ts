/**
 * Reads a deal status in English, Vietnamese, Simplified or Traditional Chinese.
 * Case, Vietnamese diacritics, "-" / "_" and extra spaces do not matter ("Closed-Won" =
 * "closed won", "da chot" = "đã chốt"). Unknown text → "unknown_status".
 */
import type { DealStatus, RawCell } from "../types";
import { BLANK, cellError, type CellRead } from "./cellRead";
import { excelError } from "./excelErrors";
import { foldText } from "./normalizeText";

/** Status words as written in sheets; folded with foldText when the table is built. */
export const DEAL_STATUS_WORDS: Record<Exclude<DealStatus, "unknown">, string[]> = {
  won: ["won", "closed won", "win", "thành công", "chốt", "đã chốt", "thắng", "成交", "赢单", "贏單", "已成交"],
  lost: [
    "lost",
    "closed lost",
    "lose",
    "failed",
    "thất bại",
    "mất",
    "thua",
    "丢单",
    "丟單",
    "输单",
    "輸單",
    "失败",
    "失敗",
  ],
  cancelled: ["cancelled", "canceled", "cancel", "hủy", "huỷ", "đã hủy", "đã huỷ", "取消", "已取消"],
  open: ["open", "pending", "in progress", "đang xử lý", "đang mở", "进行中", "進行中", "跟进中", "跟進中"],
};

function statusKey(text: string): string {
  return foldText(text.replace(/[-_]/g, " "));
}

const BY_WORD: ReadonlyMap<string, CellRead<DealStatus>> = new Map(
  (Object.keys(DEAL_STATUS_WORDS) as Array<keyof typeof DEAL_STATUS_WORDS>).flatMap((status) =>
    DEAL_STATUS_WORDS[status].map((word) => [
      statusKey(word),
      Object.freeze({ kind: "value", value: status }) as CellRead<DealStatus>,
    ]),
  ),
);

export function parseStatus(raw: RawCell): CellRead<DealStatus> {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw !== "string") return cellError("unknown_status", "not a deal status");
  const trimmed = raw.trim();
  if (trimmed === "") return BLANK;
  const error = excelError(trimmed);
  if (error) return cellError("error_value", `Excel error ${error}`);
  return BY_WORD.get(statusKey(trimmed)) ?? cellError("unknown_status", "unknown deal status");
}
