/**
 * What the Excel writer warns about when a host lacks a feature, in the four product languages
 * (the pane shows them as they are, in the output's language).
 */
import type { Lang, LocalizedText } from "../engine/types";

export type WriteWarning = "noRules" | "noFreeze" | "freezeRefused" | "replacedSheets" | "noIndent" | "noGroup";

const WRITE_WARNINGS: Record<WriteWarning, LocalizedText> = {
  noRules: {
    en: "This version of Excel has no conditional formatting API (ExcelApi 1.6): the output was written without colour rules.",
    vi: "Phiên bản Excel này không có API định dạng có điều kiện (ExcelApi 1.6): kết quả được ghi mà không có quy tắc tô màu.",
    "zh-Hans": "此版本的 Excel 没有条件格式 API（ExcelApi 1.6）：输出未包含颜色规则。",
    "zh-Hant": "此版本的 Excel 沒有設定格式化的條件 API（ExcelApi 1.6）：輸出未包含色彩規則。",
  },
  noFreeze: {
    en: "This version of Excel cannot freeze panes from an add-in (ExcelApi 1.7): headers are not frozen.",
    vi: "Phiên bản Excel này không cho phần bổ trợ cố định ngăn (ExcelApi 1.7): dòng tiêu đề không được cố định.",
    "zh-Hans": "此版本的 Excel 不允许加载项冻结窗格（ExcelApi 1.7）：标题行未冻结。",
    "zh-Hant": "此版本的 Excel 不允許增益集凍結窗格（ExcelApi 1.7）：標題列未凍結。",
  },
  freezeRefused: {
    en: "Excel refused to freeze the header rows (GeneralException); the output was written without frozen headers.",
    vi: "Excel từ chối cố định các dòng tiêu đề (GeneralException); kết quả được ghi mà không cố định tiêu đề.",
    "zh-Hans": "Excel 拒绝冻结标题行（GeneralException）；输出已写入，但标题行未冻结。",
    "zh-Hant": "Excel 拒絕凍結標題列（GeneralException）；輸出已寫入，但標題列未凍結。",
  },
  noIndent: {
    en: "This version of Excel cannot indent cells (ExcelApi 1.9): names are not indented under their region.",
    vi: "Phiên bản Excel này không thể thụt lề ô (ExcelApi 1.9): tên không được thụt vào dưới vùng của chúng.",
    "zh-Hans": "此版本的 Excel 无法缩进单元格（ExcelApi 1.9）：名称未在其区域下缩进。",
    "zh-Hant": "此版本的 Excel 無法縮排儲存格（ExcelApi 1.9）：名稱未在其區域下縮排。",
  },
  noGroup: {
    en: "This version of Excel cannot group rows (ExcelApi 1.10): regions cannot be collapsed.",
    vi: "Phiên bản Excel này không thể nhóm dòng (ExcelApi 1.10): không thể thu gọn các vùng.",
    "zh-Hans": "此版本的 Excel 无法对行分组（ExcelApi 1.10）：区域无法折叠。",
    "zh-Hant": "此版本的 Excel 無法將列分組（ExcelApi 1.10）：區域無法摺疊。",
  },
  replacedSheets: {
    en: "This version of Excel cannot rewrite sheets in place (ExcelApi 1.13): the output sheets were replaced, so formulas, PivotTables and charts that pointed at them now show #REF!.",
    vi: "Phiên bản Excel này không thể ghi đè trang tính tại chỗ (ExcelApi 1.13): các trang kết quả đã được thay mới, nên công thức, PivotTable và biểu đồ trỏ tới chúng giờ hiện #REF!.",
    "zh-Hans":
      "此版本的 Excel 无法原位改写工作表（ExcelApi 1.13）：输出工作表已被替换，指向它们的公式、数据透视表和图表现在显示 #REF!。",
    "zh-Hant":
      "此版本的 Excel 無法原地改寫工作表（ExcelApi 1.13）：輸出工作表已被取代，指向它們的公式、樞紐分析表和圖表現在顯示 #REF!。",
  },
};

export function writeWarning(key: WriteWarning, lang: Lang): string {
  return WRITE_WARNINGS[key][lang] ?? WRITE_WARNINGS[key].en;
}
