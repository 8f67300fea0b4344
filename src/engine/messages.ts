/**
 * User-facing texts of the engine in the four product languages: data-note kinds, scorecard
 * statuses and deal statuses. Simplified and Traditional Chinese are separate texts.
 */
import type { DealStatus, Lang, LocalizedText, NoteKind } from "./types";

export const NOTE_MESSAGES: Record<NoteKind, LocalizedText> = {
  not_a_number: {
    en: "Not a number; the cell is treated as blank.",
    vi: "Không phải là số; ô được coi là để trống.",
    "zh-Hans": "不是数字；该单元格按空白处理。",
    "zh-Hant": "不是數字；該儲存格按空白處理。",
  },
  not_a_date: {
    en: "Not a date; the row is skipped.",
    vi: "Không phải là ngày hợp lệ; dòng này bị bỏ qua.",
    "zh-Hans": "不是有效日期；已跳过该行。",
    "zh-Hant": "不是有效日期；已略過該列。",
  },
  error_value: {
    en: "The cell holds an Excel error (such as #N/A or #DIV/0!); it is treated as blank.",
    vi: "Ô chứa lỗi Excel (như #N/A hoặc #DIV/0!); ô được coi là để trống.",
    "zh-Hans": "单元格包含 Excel 错误值（如 #N/A 或 #DIV/0!），按空白处理。",
    "zh-Hant": "儲存格包含 Excel 錯誤值（如 #N/A 或 #DIV/0!），按空白處理。",
  },
  not_a_flag: {
    en: "Not a yes/no value; the new-product flag is treated as unknown.",
    vi: "Không phải giá trị có/không; cờ sản phẩm mới được coi là chưa rõ.",
    "zh-Hans": "不是“是/否”值；新品标记按未知处理。",
    "zh-Hant": "不是「是/否」值；新品標記按未知處理。",
  },
  unknown_status: {
    en: "Unknown deal status; the deal is not counted as won, lost, cancelled or open.",
    vi: "Trạng thái giao dịch không xác định; giao dịch không được tính là thành công, thất bại, đã hủy hay đang mở.",
    "zh-Hans": "无法识别的交易状态；该交易不计入成交、丢单、取消或进行中。",
    "zh-Hant": "無法識別的交易狀態；該交易不計入成交、丟單、取消或進行中。",
  },
  missing_date: {
    en: "The date is blank; the row is skipped.",
    vi: "Ngày để trống; dòng này bị bỏ qua.",
    "zh-Hans": "日期为空；已跳过该行。",
    "zh-Hant": "日期為空；已略過該列。",
  },
  row_skipped: {
    en: "The row is skipped.",
    vi: "Dòng này bị bỏ qua.",
    "zh-Hans": "已跳过该行。",
    "zh-Hant": "已略過該列。",
  },
  mixed_currency: {
    en: "Amounts in different currencies cannot be added; no total is given.",
    vi: "Không thể cộng các số tiền khác loại tiền tệ; không đưa ra tổng.",
    "zh-Hans": "不同币种的金额不能相加；不给出合计。",
    "zh-Hant": "不同幣種的金額不能相加；不提供合計。",
  },
  no_history_for_new_customers: {
    en: "The first period of the data has no earlier history, so its customers cannot be proven new.",
    vi: "Kỳ đầu tiên của dữ liệu không có lịch sử trước đó, nên không thể xác định khách hàng nào là mới.",
    "zh-Hans": "数据的第一个期间没有更早的记录，无法确认其中的客户是否为新客户。",
    "zh-Hant": "資料的第一個期間沒有更早的紀錄，無法確認其中的客戶是否為新客戶。",
  },
  ambiguous_parent: {
    en: "This entity appears under more than one parent in the roll-up; the most frequent parent is used.",
    vi: "Đối tượng này thuộc nhiều cấp trên khác nhau khi tổng hợp; cấp trên xuất hiện nhiều nhất được dùng.",
    "zh-Hans": "该对象在汇总中属于多个上级；采用出现次数最多的上级。",
    "zh-Hant": "該對象在彙總中屬於多個上級；採用出現次數最多的上級。",
  },
  target_unreadable: {
    en: "The target cannot be read; it is ignored.",
    vi: "Không đọc được chỉ tiêu; chỉ tiêu này bị bỏ qua.",
    "zh-Hans": "无法读取目标值；已忽略。",
    "zh-Hant": "無法讀取目標值；已忽略。",
  },
  target_missing: {
    en: "No target is set for this KPI and period.",
    vi: "Chưa có chỉ tiêu cho KPI và kỳ này.",
    "zh-Hans": "该 KPI 在此期间没有设定目标。",
    "zh-Hant": "該 KPI 在此期間沒有設定目標。",
  },
  cost_from_profit: {
    en: "There is no cost column; cost is computed as revenue minus profit.",
    vi: "Không có cột giá vốn; giá vốn được tính bằng doanh thu trừ lợi nhuận.",
    "zh-Hans": "没有成本列；成本按销售额减去毛利计算。",
    "zh-Hant": "沒有成本欄；成本按銷售額減去毛利計算。",
  },
};

export function noteMessage(kind: NoteKind, lang: Lang): string {
  return NOTE_MESSAGES[kind][lang];
}

/** Scorecard statuses of the default bands, plus "no data". */
export const STATUS_NAMES: Record<string, LocalizedText> = {
  met: { en: "Met", vi: "Đạt", "zh-Hans": "达成", "zh-Hant": "達成" },
  at_risk: { en: "At risk", vi: "Có nguy cơ", "zh-Hans": "有风险", "zh-Hant": "有風險" },
  missed: { en: "Missed", vi: "Không đạt", "zh-Hans": "未达成", "zh-Hant": "未達成" },
  no_data: { en: "No data", vi: "Không có dữ liệu", "zh-Hans": "无数据", "zh-Hant": "無資料" },
};

export const DEAL_STATUS_NAMES: Record<DealStatus, LocalizedText> = {
  unknown: { en: "Unknown", vi: "Không xác định", "zh-Hans": "未知", "zh-Hant": "未知" },
  won: { en: "Won", vi: "Thành công", "zh-Hans": "成交", "zh-Hant": "成交" },
  lost: { en: "Lost", vi: "Thất bại", "zh-Hans": "丢单", "zh-Hant": "丟單" },
  cancelled: { en: "Cancelled", vi: "Đã hủy", "zh-Hans": "已取消", "zh-Hant": "已取消" },
  open: { en: "Open", vi: "Đang xử lý", "zh-Hans": "进行中", "zh-Hant": "進行中" },
};
