/**
 * User-facing texts of the engine in the four product languages: data-note kinds, scorecard
 * statuses, deal statuses, why a KPI has no value, and the SMART check's sentences.
 * Simplified and Traditional Chinese are separate texts.
 */
import type {
  DealStatus,
  Lang,
  LocalizedText,
  MessageParams,
  NoteKind,
  PeriodKind,
  ReasonCode,
  ReviewCode,
  ReviewFinding,
  Role,
  SmartCode,
} from "./types";
import type { RunProblem, RunProblemCode } from "./runPlan";
import { BLANK_ENTITY } from "./aggregate/hierarchy";
import { OTHERS_MEMBER } from "./types";

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
  title_row: {
    en: "A title row above the header (company, report name, dates); it is skipped.",
    vi: "Dòng tiêu đề phía trên dòng tên cột (tên công ty, tên báo cáo, kỳ); dòng này bị bỏ qua.",
    "zh-Hans": "表头上方的标题行（公司、报表名称、日期）；已跳过该行。",
    "zh-Hant": "表頭上方的標題列（公司、報表名稱、日期）；已略過該列。",
  },
  header_row: {
    en: "The column headers were taken from this row, not from the first row of the sheet.",
    vi: "Tên cột được lấy từ dòng này, không phải từ dòng đầu tiên của trang tính.",
    "zh-Hans": "列标题取自此行，而不是工作表的第一行。",
    "zh-Hant": "欄標題取自此列，而非工作表的第一列。",
  },
  total_row: {
    en: "A totals row (its label is a total word such as Total, Tổng cộng or 合计); it is left out so nothing is counted twice.",
    vi: "Dòng tổng cộng (nhãn là từ chỉ tổng như Total, Tổng cộng, 合计); dòng này bị loại để không tính hai lần.",
    "zh-Hans": "合计行（标签为 Total、Tổng cộng、合计 等合计词）；已排除，以免重复计算。",
    "zh-Hant": "合計列（標籤為 Total、Tổng cộng、合計 等合計詞）；已排除，以免重複計算。",
  },
  subtotal_row: {
    en: "A subtotal row (its amounts equal the sum of the rows above it); it is left out so nothing is counted twice.",
    vi: "Dòng cộng nhóm (số tiền bằng tổng các dòng phía trên); dòng này bị loại để không tính hai lần.",
    "zh-Hans": "小计行（金额等于其上方各行之和）；已排除，以免重复计算。",
    "zh-Hant": "小計列（金額等於其上方各列之和）；已排除，以免重複計算。",
  },
  footer_row: {
    en: "A footer row under the data (signature lines such as Prepared by, Người lập biểu, 制表人); it is left out.",
    vi: "Dòng chân báo cáo dưới dữ liệu (chữ ký như Người lập biểu, Kế toán trưởng); dòng này bị loại.",
    "zh-Hans": "数据下方的表尾行（制表人、审核等签字行）；已排除。",
    "zh-Hant": "資料下方的表尾列（製表人、審核等簽名列）；已排除。",
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
  date_month_first: {
    en: "Dates are read day first; this one has no such day, so it was read month first (mm/dd/yyyy). Check the row.",
    vi: "Ngày được đọc theo thứ tự ngày trước; ngày này không tồn tại theo cách đó nên được đọc tháng trước (mm/dd/yyyy). Hãy kiểm tra dòng này.",
    "zh-Hans": "日期按“日在前”读取；此日期按该方式不存在，因此按“月在前”(mm/dd/yyyy) 读取。请检查此行。",
    "zh-Hant": "日期按「日在前」讀取；此日期按該方式不存在，因此按「月在前」(mm/dd/yyyy) 讀取。請檢查此列。",
  },
  kpi_not_available: {
    en: "The data has no column this KPI reads; the KPI is shown as not available and its weight is shared among the other KPIs.",
    vi: "Dữ liệu không có cột mà KPI này cần; KPI được ghi là không có số liệu và trọng số của nó được chia cho các KPI khác.",
    "zh-Hans": "数据中没有该 KPI 所需的列；该 KPI 显示为不可用，其权重按比例分给其他 KPI。",
    "zh-Hant": "資料中沒有該 KPI 所需的欄；該 KPI 顯示為不可用，其權重按比例分給其他 KPI。",
  },
  target_from_history: {
    en: "No target is set; the target is taken from history: the same period last year, or else the mean of the three previous periods.",
    vi: "Chưa có chỉ tiêu; chỉ tiêu được lấy từ lịch sử: cùng kỳ năm trước, nếu không có thì trung bình ba kỳ trước.",
    "zh-Hans": "未设定目标；目标取自历史数据：去年同期，若无则取前三个期间的平均值。",
    "zh-Hant": "未設定目標；目標取自歷史資料：去年同期，若無則取前三個期間的平均值。",
  },
  text_encoding: {
    en: "The text file was read with this encoding and delimiter; if the headers look wrong, run again with --encoding and --delimiter.",
    vi: "Tệp văn bản được đọc với bảng mã và dấu phân cách này; nếu tiêu đề cột hiển thị sai, hãy chạy lại với --encoding và --delimiter.",
    "zh-Hans": "文本文件按此编码和分隔符读取；如果列标题显示不正确，请使用 --encoding 和 --delimiter 重新运行。",
    "zh-Hant": "文字檔按此編碼和分隔符號讀取；如果欄標題顯示不正確，請使用 --encoding 和 --delimiter 重新執行。",
  },
  date_system_1904: {
    en: "The workbook uses the 1904 date system; its dates were converted so they read as in Excel.",
    vi: "Sổ làm việc dùng hệ ngày 1904; các ngày đã được chuyển đổi để đọc giống như trong Excel.",
    "zh-Hans": "此工作簿使用 1904 日期系统；其日期已转换，与 Excel 中显示的一致。",
    "zh-Hant": "此活頁簿使用 1904 日期系統；其日期已轉換，與 Excel 中顯示的一致。",
  },
  formula_without_value: {
    en: "This column has formulas with no saved result (the file was written by a program, never opened in Excel); the template does not read it.",
    vi: "Cột này có công thức chưa có kết quả được lưu (tệp do một chương trình tạo, chưa từng mở bằng Excel); mẫu không đọc cột này.",
    "zh-Hans": "此列含有未保存计算结果的公式（文件由程序生成，从未在 Excel 中打开）；模板不读取此列。",
    "zh-Hant": "此欄含有未儲存計算結果的公式（檔案由程式產生，從未在 Excel 中開啟）；範本不讀取此欄。",
  },
  date_out_of_range: {
    en: "The date is far outside the rest of the data (a typo?); the row is left out.",
    vi: "Ngày này nằm quá xa so với phần còn lại của dữ liệu (gõ nhầm?); dòng này bị bỏ qua.",
    "zh-Hans": "该日期远离其余数据的日期范围（可能输入有误）；已略过该行。",
    "zh-Hant": "該日期遠離其餘資料的日期範圍（可能輸入有誤）；已略過該列。",
  },
  sum_overflow: {
    en: "The amounts are too large to add up (the sum exceeds the largest number a computer can hold); no total is given.",
    vi: "Các số tiền quá lớn để cộng lại (tổng vượt quá số lớn nhất máy tính có thể lưu); không đưa ra tổng.",
    "zh-Hans": "金额过大无法相加（合计超出计算机可表示的最大数）；不给出合计。",
    "zh-Hant": "金額過大無法相加（合計超出電腦可表示的最大數）；不提供合計。",
  },
  text_changed: {
    en: "The text was changed so Excel can open the file: characters Excel cannot store were removed, or it was shortened to 32,767 characters.",
    vi: "Văn bản đã được sửa để Excel mở được tệp: các ký tự Excel không lưu được đã bị xóa, hoặc văn bản bị rút ngắn còn 32.767 ký tự.",
    "zh-Hans": "为使 Excel 能打开文件，文本已被修改：删除了 Excel 无法保存的字符，或截短为 32,767 个字符。",
    "zh-Hant": "為使 Excel 能開啟檔案，文字已被修改：刪除了 Excel 無法儲存的字元，或截短為 32,767 個字元。",
  },
  after_as_of_date: {
    en: "These rows are dated after the as-of date; they are left out so the period is scored as it stood that day.",
    vi: "Các dòng này có ngày sau ngày tính; chúng được bỏ qua để kỳ được chấm điểm đúng như tại ngày đó.",
    "zh-Hans": "这些行的日期晚于截至日期；已略过，以便按该日的情况计算该期间。",
    "zh-Hant": "這些列的日期晚於截至日期；已略過，以便按該日的情況計算該期間。",
  },
  bridge_not_available: {
    en: "No price / volume / mix bridge for net sales and gross profit: it needs a product column and a quantity column, and entities that are not products themselves. The other drivers are still given.",
    vi: "Không có phân tích giá / sản lượng / cơ cấu cho doanh thu thuần và lợi nhuận gộp: cần một cột sản phẩm và một cột số lượng, và đối tượng chấm điểm không phải là chính sản phẩm. Các yếu tố tác động khác vẫn được đưa ra.",
    "zh-Hans":
      "净销售额和毛利没有价格 / 数量 / 结构分解：需要产品列和数量列，且评分对象本身不是产品。其他驱动因素仍照常给出。",
    "zh-Hant":
      "銷售淨額和毛利沒有價格 / 數量 / 結構分解：需要產品欄和數量欄，且評分對象本身不是產品。其他驅動因素仍照常提供。",
  },
  bonus_base_missing: {
    en: "The targets table has no bonus base for this entity (in the column the template names); no bonus amount is given for it, and the region and total bonus sums leave it out.",
    vi: "Bảng chỉ tiêu không có mức thưởng cơ sở cho đối tượng này (ở cột mà mẫu chỉ định); không tính tiền thưởng cho đối tượng này, và tổng thưởng của vùng và toàn bộ không gồm đối tượng này.",
    "zh-Hans": "目标表中没有该对象的奖金基数（模板指定的列）；不计算其奖金金额，区域和总计的奖金合计也不包含它。",
    "zh-Hant": "目標表中沒有該對象的獎金基數（範本指定的欄）；不計算其獎金金額，區域和總計的獎金合計也不包含它。",
  },
  history_trimmed: {
    en: "The history sheet holds the latest periods, from the one named here on: the older rows do not fit in one sheet (1,048,576 rows). The JSON output keeps every period.",
    vi: "Trang lịch sử chỉ chứa các kỳ gần nhất, từ kỳ ghi ở đây trở đi: các dòng cũ hơn không vừa một trang tính (1.048.576 dòng). Kết quả JSON vẫn giữ mọi kỳ.",
    "zh-Hans":
      "历史工作表只包含最近的期间（自此处所列期间起）：更早的行无法放入一个工作表（1,048,576 行）。JSON 输出保留所有期间。",
    "zh-Hant":
      "歷史工作表只包含最近的期間（自此處所列期間起）：更早的列無法放入一個工作表（1,048,576 列）。JSON 輸出保留所有期間。",
  },
  trend_lines_left_out: {
    en: "The KPI charts on the trends sheet draw the total and at most 8 entities of the scored level; these entities are left out of the charts (their values are on the history sheet).",
    vi: "Các biểu đồ KPI trên trang xu hướng vẽ tổng cộng và tối đa 8 đối tượng của cấp được chấm điểm; các đối tượng này không có trong biểu đồ (số liệu của chúng có ở trang lịch sử).",
    "zh-Hans": "趋势工作表上的 KPI 图表绘制合计和评分层级的最多 8 个对象；这些对象未绘入图表（其数值见历史工作表）。",
    "zh-Hant": "趨勢工作表上的 KPI 圖表繪製合計和評分層級的最多 8 個對象；這些對象未繪入圖表（其數值見歷史工作表）。",
  },
  pace_basis_fallback: {
    en: "Pace follows last year's curve of the same period, but these entities have no last year's figures for this KPI: their expected value to date follows the total's curve, or the working days when the total has none either (see each KPI's pace basis).",
    vi: "Tiến độ theo đường lũy kế của cùng kỳ năm trước, nhưng các đối tượng này không có số liệu năm trước cho KPI này: giá trị kỳ vọng đến nay của chúng theo đường của tổng, hoặc theo ngày làm việc khi tổng cũng không có (xem cơ sở tiến độ của từng KPI).",
    "zh-Hans":
      "进度按去年同期的累计曲线计算，但这些对象没有该 KPI 的去年数据：其截至目前应达值按总计的曲线计算；总计也没有时按工作日计算（见各 KPI 的进度基准）。",
    "zh-Hant":
      "進度按去年同期的累計曲線計算，但這些對象沒有該 KPI 的去年資料：其截至目前應達值按總計的曲線計算；總計也沒有時按工作日計算（見各 KPI 的進度基準）。",
  },
};

/** How a KPI's expected value to date was counted (KpiPace.basis, with curveOf "total"): sheet, pane and CLI. */
export const PACE_BASIS_NAMES: Record<"lastYear" | "lastYearTotal" | "workingDays", LocalizedText> = {
  lastYear: {
    en: "Last year's curve",
    vi: "Theo cùng kỳ năm trước",
    "zh-Hans": "按去年同期曲线",
    "zh-Hant": "按去年同期曲線",
  },
  lastYearTotal: {
    en: "Last year's curve (total)",
    vi: "Theo cùng kỳ năm trước (tổng)",
    "zh-Hans": "按去年同期曲线（总计）",
    "zh-Hant": "按去年同期曲線（總計）",
  },
  workingDays: { en: "Working days", vi: "Theo ngày làm việc", "zh-Hans": "按工作日", "zh-Hant": "按工作日" },
};

/** The name of a pace's basis in `lang`, or null for a rate (expected at its target, no basis). */
export function paceBasisName(
  pace: { basis?: "lastYear" | "workingDays"; curveOf?: "total" } | undefined,
  lang: Lang,
): string | null {
  if (!pace?.basis) return null;
  return PACE_BASIS_NAMES[pace.basis === "lastYear" && pace.curveOf === "total" ? "lastYearTotal" : pace.basis][lang];
}

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

/**
 * Column roles as the user knows them: the one table of role and level words, read by the task pane
 * (i18n injects it as `role.*`), the workbook's level labels (workbook/labels.ts) and the messages.
 */
export const ROLE_NAMES: Record<Role, LocalizedText> = {
  date: { en: "Date", vi: "Ngày", "zh-Hans": "日期", "zh-Hant": "日期" },
  order_id: { en: "Order number", vi: "Số đơn hàng", "zh-Hans": "订单号", "zh-Hant": "訂單編號" },
  customer: { en: "Customer", vi: "Khách hàng", "zh-Hans": "客户", "zh-Hant": "客戶" },
  salesperson: { en: "Salesperson", vi: "Nhân viên kinh doanh", "zh-Hans": "销售员", "zh-Hant": "銷售員" },
  region: { en: "Region", vi: "Khu vực", "zh-Hans": "区域", "zh-Hant": "區域" },
  product: { en: "Product", vi: "Sản phẩm", "zh-Hans": "产品", "zh-Hant": "產品" },
  category: { en: "Category", vi: "Nhóm hàng", "zh-Hans": "品类", "zh-Hant": "品類" },
  margin_tier: { en: "Margin tier", vi: "Phân khúc biên lợi nhuận", "zh-Hans": "毛利档次", "zh-Hant": "毛利檔次" },
  new_product: { en: "New product flag", vi: "Đánh dấu sản phẩm mới", "zh-Hans": "新品标记", "zh-Hant": "新品標記" },
  quantity: { en: "Quantity", vi: "Số lượng", "zh-Hans": "数量", "zh-Hant": "數量" },
  unit_price: { en: "Unit price", vi: "Đơn giá", "zh-Hans": "单价", "zh-Hant": "單價" },
  revenue: { en: "Revenue", vi: "Doanh thu", "zh-Hans": "销售额", "zh-Hant": "銷售額" },
  cost: { en: "Cost", vi: "Giá vốn", "zh-Hans": "成本", "zh-Hant": "成本" },
  profit: { en: "Gross profit", vi: "Lợi nhuận gộp", "zh-Hans": "毛利", "zh-Hant": "毛利" },
  receivable: { en: "Receivable", vi: "Phải thu", "zh-Hans": "应收款", "zh-Hant": "應收帳款" },
  collected: { en: "Collected", vi: "Đã thu", "zh-Hans": "回款", "zh-Hant": "回款" },
  bad_debt: { en: "Bad debt", vi: "Nợ xấu", "zh-Hans": "坏账", "zh-Hant": "壞帳" },
  status: { en: "Deal status", vi: "Trạng thái giao dịch", "zh-Hans": "交易状态", "zh-Hant": "交易狀態" },
  expense: { en: "Sales expense", vi: "Chi phí bán hàng", "zh-Hans": "销售费用", "zh-Hant": "銷售費用" },
  satisfaction: {
    en: "Customer satisfaction",
    vi: "Mức độ hài lòng",
    "zh-Hans": "客户满意度",
    "zh-Hant": "客戶滿意度",
  },
  currency: { en: "Currency", vi: "Tiền tệ", "zh-Hans": "币种", "zh-Hant": "幣別" },
};

/** The amounts a KPI sums, as its "no … in period" reason names them. */
export const AMOUNT_NAMES = {
  revenue: { en: "revenue", vi: "doanh thu", "zh-Hans": "销售额", "zh-Hant": "銷售額" },
  quantity: { en: "quantity", vi: "số lượng", "zh-Hans": "数量", "zh-Hant": "數量" },
  collected_amount: { en: "collected amount", vi: "số tiền đã thu", "zh-Hans": "回款金额", "zh-Hant": "回款金額" },
  receivable: { en: "receivable", vi: "khoản phải thu", "zh-Hans": "应收款", "zh-Hant": "應收帳款" },
  bad_debt_amount: { en: "bad-debt amount", vi: "số nợ xấu", "zh-Hans": "坏账金额", "zh-Hant": "壞帳金額" },
  net_sales: { en: "net sales", vi: "doanh thu thuần", "zh-Hans": "销售净额", "zh-Hant": "銷售淨額" },
  new_product_flags: {
    en: "new-product flags",
    vi: "đánh dấu sản phẩm mới",
    "zh-Hans": "新品标记",
    "zh-Hant": "新品標記",
  },
  rows_with_margin_tier: {
    en: "rows with a margin tier",
    vi: "dòng có phân khúc biên lợi nhuận",
    "zh-Hans": "带毛利档次的行",
    "zh-Hant": "帶毛利檔次的列",
  },
  rows_with_revenue_and_cost: {
    en: "rows with both revenue and cost",
    vi: "dòng có cả doanh thu và giá vốn",
    "zh-Hans": "同时有销售额和成本的行",
    "zh-Hant": "同時有銷售額和成本的列",
  },
  expense: { en: "expense", vi: "chi phí", "zh-Hans": "费用", "zh-Hant": "費用" },
  satisfaction_scores: {
    en: "satisfaction scores",
    vi: "điểm hài lòng",
    "zh-Hans": "满意度评分",
    "zh-Hant": "滿意度評分",
  },
} satisfies Record<string, LocalizedText>;
export type AmountName = keyof typeof AMOUNT_NAMES;

export const PERIOD_KIND_NAMES: Record<PeriodKind, LocalizedText> = {
  month: { en: "month", vi: "tháng", "zh-Hans": "月", "zh-Hant": "月" },
  quarter: { en: "quarter", vi: "quý", "zh-Hans": "季度", "zh-Hant": "季度" },
  year: { en: "year", vi: "năm", "zh-Hans": "年", "zh-Hant": "年" },
  week: { en: "week", vi: "tuần", "zh-Hans": "周", "zh-Hant": "週" },
  day: { en: "day", vi: "ngày", "zh-Hans": "日", "zh-Hant": "日" },
};

/**
 * Why a KPI has no value. {name} is filled from the reason's params; role, kpi, amount and periodKind
 * params are codes shown as words (English keeps role and KPI ids, as the JSON does).
 * {name|one|other} picks a word by whether the number is 1 (English plurals).
 */
export const REASON_MESSAGES: Record<ReasonCode, LocalizedText> = {
  unknown_kpi: {
    en: "unknown KPI {kpi}",
    vi: "KPI không xác định: {kpi}",
    "zh-Hans": "无法识别的 KPI：{kpi}",
    "zh-Hant": "無法識別的 KPI：{kpi}",
  },
  column_not_mapped: {
    en: "no {role} column",
    vi: "không có cột “{role}”",
    "zh-Hans": "没有“{role}”列",
    "zh-Hant": "沒有「{role}」欄",
  },
  mixed_currencies: {
    en: "mixed currencies: {currencies}",
    vi: "lẫn nhiều loại tiền tệ: {currencies}",
    "zh-Hans": "币种混合：{currencies}",
    "zh-Hant": "幣別混合：{currencies}",
  },
  mixed_currencies_in: {
    en: "mixed currencies in {period}: {currencies}",
    vi: "kỳ {period} lẫn nhiều loại tiền tệ: {currencies}",
    "zh-Hans": "{period} 币种混合：{currencies}",
    "zh-Hant": "{period} 幣別混合：{currencies}",
  },
  no_amount_in_period: {
    en: "no {amount} in period",
    vi: "không có {amount} trong kỳ",
    "zh-Hans": "本期没有{amount}",
    "zh-Hant": "本期沒有{amount}",
  },
  no_amount_in: {
    en: "no {amount} in {period}",
    vi: "không có {amount} trong kỳ {period}",
    "zh-Hans": "{period} 没有{amount}",
    "zh-Hant": "{period} 沒有{amount}",
  },
  no_data_for: {
    en: "no data for {period}",
    vi: "không có dữ liệu cho kỳ {period}",
    "zh-Hans": "没有 {period} 的数据",
    "zh-Hant": "沒有 {period} 的資料",
  },
  no_active_customers_in: {
    en: "no active customers in {period}",
    vi: "không có khách hàng hoạt động trong kỳ {period}",
    "zh-Hans": "{period} 没有活跃客户",
    "zh-Hant": "{period} 沒有活躍客戶",
  },
  no_won_or_lost_deals: {
    en: "no won or lost deals in period",
    vi: "không có giao dịch thành công hay thất bại trong kỳ",
    "zh-Hans": "本期没有成交或丢单的交易",
    "zh-Hant": "本期沒有成交或丟單的交易",
  },
  no_closed_deals: {
    en: "no closed deals in period",
    vi: "không có giao dịch đã kết thúc trong kỳ",
    "zh-Hans": "本期没有已结束的交易",
    "zh-Hant": "本期沒有已結束的交易",
  },
  no_orders: {
    en: "no orders in period",
    vi: "không có đơn hàng trong kỳ",
    "zh-Hans": "本期没有订单",
    "zh-Hant": "本期沒有訂單",
  },
  no_sales_plan: {
    en: "no sales plan",
    vi: "chưa có kế hoạch doanh số",
    "zh-Hans": "没有销售计划",
    "zh-Hant": "沒有銷售計劃",
  },
  sales_plan_not_positive: {
    en: "sales plan is not above 0",
    vi: "kế hoạch doanh số không lớn hơn 0",
    "zh-Hans": "销售计划不大于 0",
    "zh-Hant": "銷售計劃不大於 0",
  },
  no_expense_budget: {
    en: "no expense budget",
    vi: "chưa có ngân sách chi phí",
    "zh-Hans": "没有费用预算",
    "zh-Hant": "沒有費用預算",
  },
  expense_budget_not_positive: {
    en: "expense budget is not above 0",
    vi: "ngân sách chi phí không lớn hơn 0",
    "zh-Hans": "费用预算不大于 0",
    "zh-Hant": "費用預算不大於 0",
  },
  period_outside_data: {
    en: "period outside the data",
    vi: "kỳ nằm ngoài phạm vi dữ liệu",
    "zh-Hans": "期间不在数据范围内",
    "zh-Hant": "期間不在資料範圍內",
  },
  no_history_for_new_customers: {
    en: "first period of the data: no earlier history to prove a customer is new",
    vi: "kỳ đầu tiên của dữ liệu: không có lịch sử trước đó để xác định khách hàng mới",
    "zh-Hans": "数据的第一个期间：没有更早的记录可证明客户是新客户",
    "zh-Hant": "資料的第一個期間：沒有更早的紀錄可證明客戶是新客戶",
  },
  no_margin_tiers: {
    en: "the template names no margin tiers",
    vi: "mẫu KPI không nêu phân khúc biên lợi nhuận nào",
    "zh-Hans": "模板未列出任何毛利档次",
    "zh-Hant": "範本未列出任何毛利檔次",
  },
  no_tier_target: {
    en: "no target for tier {tiers}",
    vi: "chưa có chỉ tiêu cho phân khúc {tiers}",
    "zh-Hans": "档次 {tiers} 没有目标",
    "zh-Hant": "等級 {tiers} 沒有目標",
  },
  no_tier_target_above_zero: {
    en: "no tier target above 0",
    vi: "không có chỉ tiêu phân khúc nào lớn hơn 0",
    "zh-Hans": "没有大于 0 的档次目标",
    "zh-Hant": "沒有大於 0 的等級目標",
  },
  no_target: {
    en: "no target for {entity} {period}",
    vi: "chưa có chỉ tiêu cho {entity} kỳ {period}",
    "zh-Hans": "{entity} 在 {period} 没有目标",
    "zh-Hant": "{entity} 在 {period} 沒有目標",
  },
  no_growth_base: {
    en: "no {kpi} for {period} to grow the target from",
    vi: "không có {kpi} kỳ {period} để tính chỉ tiêu tăng trưởng",
    "zh-Hans": "没有 {period} 的{kpi}，无法按增长率计算目标",
    "zh-Hant": "沒有 {period} 的{kpi}，無法按增長率計算目標",
  },
  sum_overflow: {
    en: "the amounts for {kpi} are too large to add up (beyond ±1.8 × 10^308)",
    vi: "các số tiền của {kpi} quá lớn để cộng lại (vượt quá ±1,8 × 10^308)",
    "zh-Hans": "{kpi} 的金额过大，无法相加（超出 ±1.8 × 10^308）",
    "zh-Hant": "{kpi} 的金額過大，無法相加（超出 ±1.8 × 10^308）",
  },
};

/** The SMART check's sentences (same placeholder rules as REASON_MESSAGES). */
export const SMART_MESSAGES: Record<SmartCode, LocalizedText> = {
  specific_ok: {
    en: "{kpi} is named and has a definition.",
    vi: "{kpi} có tên và có định nghĩa.",
    "zh-Hans": "{kpi} 已命名并有定义。",
    "zh-Hant": "{kpi} 已命名並有定義。",
  },
  specific_no_definition: {
    en: "{kpi} has no definition: describe how it is calculated.",
    vi: "{kpi} chưa có định nghĩa: hãy mô tả cách tính.",
    "zh-Hans": "{kpi} 没有定义：请说明其计算方法。",
    "zh-Hant": "{kpi} 沒有定義：請說明其計算方法。",
  },
  measurable_ok: {
    en: "Columns mapped and filled ({roles}).",
    vi: "Các cột đã được gán và có dữ liệu ({roles}).",
    "zh-Hans": "所需列已映射且有数据（{roles}）。",
    "zh-Hant": "所需欄位已對應且有資料（{roles}）。",
  },
  measurable_no_columns_needed: {
    en: "Columns mapped and filled (no columns needed).",
    vi: "Không cần cột dữ liệu nào.",
    "zh-Hans": "无需映射任何列。",
    "zh-Hant": "無需對應任何欄位。",
  },
  measurable_unmapped: {
    en: "Map a column for: {roles}.",
    vi: "Hãy gán cột cho: {roles}.",
    "zh-Hans": "请为以下项目映射列：{roles}。",
    "zh-Hant": "請為以下項目對應欄位：{roles}。",
  },
  measurable_no_values: {
    en: "No values in the columns for: {roles}.",
    vi: "Các cột sau không có giá trị: {roles}.",
    "zh-Hans": "以下列没有数值：{roles}。",
    "zh-Hant": "以下欄位沒有數值：{roles}。",
  },
  attainable_ok: {
    en: "Target {target} is within {low} to {high} (past {periods} {periods|period|periods}: {lowest} to {highest}).",
    vi: "Mục tiêu {target} nằm trong khoảng {low} đến {high} ({periods} kỳ trước: từ {lowest} đến {highest}).",
    "zh-Hans": "目标 {target} 在 {low} 至 {high} 之间（过去 {periods} 期：{lowest} 至 {highest}）。",
    "zh-Hant": "目標 {target} 在 {low} 至 {high} 之間（過去 {periods} 期：{lowest} 至 {highest}）。",
  },
  attainable_too_low: {
    en: "Target {target} is below 50% of the lowest past actual (past {periods} {periods|period|periods}: {lowest} to {highest}); raise it to at least {low}.",
    vi: "Mục tiêu {target} thấp hơn 50% mức thực tế thấp nhất trước đây ({periods} kỳ trước: từ {lowest} đến {highest}); hãy nâng lên ít nhất {low}.",
    "zh-Hans":
      "目标 {target} 低于过去最低实际值的 50%（过去 {periods} 期：{lowest} 至 {highest}）；请至少提高到 {low}。",
    "zh-Hant":
      "目標 {target} 低於過去最低實際值的 50%（過去 {periods} 期：{lowest} 至 {highest}）；請至少提高到 {low}。",
  },
  attainable_too_high: {
    en: "Target {target} is above 150% of the highest past actual (past {periods} {periods|period|periods}: {lowest} to {highest}); lower it to at most {high}.",
    vi: "Mục tiêu {target} cao hơn 150% mức thực tế cao nhất trước đây ({periods} kỳ trước: từ {lowest} đến {highest}); hãy hạ xuống tối đa {high}.",
    "zh-Hans":
      "目标 {target} 高于过去最高实际值的 150%（过去 {periods} 期：{lowest} 至 {highest}）；请降低到不超过 {high}。",
    "zh-Hant":
      "目標 {target} 高於過去最高實際值的 150%（過去 {periods} 期：{lowest} 至 {highest}）；請降低到不超過 {high}。",
  },
  attainable_no_target: {
    en: "No target: set one in the template or the targets table.",
    vi: "Chưa có mục tiêu: hãy đặt trong mẫu KPI hoặc bảng chỉ tiêu.",
    "zh-Hans": "没有目标：请在模板或目标表中设定。",
    "zh-Hant": "沒有目標：請在範本或目標表中設定。",
  },
  attainable_no_past: {
    en: "No past periods in the data to compare the target with.",
    vi: "Dữ liệu không có kỳ trước nào để so sánh với mục tiêu.",
    "zh-Hans": "数据中没有过去的期间可与目标比较。",
    "zh-Hant": "資料中沒有過去的期間可與目標比較。",
  },
  relevant_ok: {
    en: "Weight {weight}% of 100%.",
    vi: "Trọng số {weight}% trên tổng 100%.",
    "zh-Hans": "权重 {weight}%（合计 100%）。",
    "zh-Hant": "權重 {weight}%（合計 100%）。",
  },
  relevant_gate: {
    en: "Weight 0%, but it is a gate on the payout.",
    vi: "Trọng số 0%, nhưng đây là điều kiện chặn đối với tiền thưởng.",
    "zh-Hans": "权重为 0%，但它是奖金的门槛。",
    "zh-Hant": "權重為 0%，但它是獎金的門檻。",
  },
  relevant_no_weight: {
    en: "Weight is {weight}: give it a weight or remove it.",
    vi: "Trọng số là {weight}: hãy đặt trọng số hoặc bỏ KPI này.",
    "zh-Hans": "权重为 {weight}：请设定权重或删除该 KPI。",
    "zh-Hant": "權重為 {weight}：請設定權重或刪除該 KPI。",
  },
  relevant_weights_sum: {
    en: "Template weights sum to {sum}, not 100.",
    vi: "Tổng trọng số của mẫu là {sum}, không phải 100.",
    "zh-Hans": "模板权重合计为 {sum}，而不是 100。",
    "zh-Hant": "範本權重合計為 {sum}，而不是 100。",
  },
  time_bound_ok: {
    en: "Measured per {periodKind}.",
    vi: "Đo lường theo {periodKind}.",
    "zh-Hans": "按{periodKind}统计考核。",
    "zh-Hant": "按{periodKind}統計考核。",
  },
  time_bound_no_period: {
    en: "No period: choose month, quarter, year, week or day.",
    vi: "Chưa chọn kỳ: hãy chọn tháng, quý, năm, tuần hoặc ngày.",
    "zh-Hans": "没有期间：请选择月、季度、年、周或日。",
    "zh-Hant": "沒有期間：請選擇月、季度、年、週或日。",
  },
};

/**
 * Why a run gives no scorecard (engine/runPlan.ts): the same refusal in the task pane and on the command
 * line, each in the user's language. {detail} carries an English line from a reader that has no code yet.
 */
export const PROBLEM_MESSAGES: Record<RunProblemCode, LocalizedText> = {
  missing_role: {
    en: 'sheet "{sheet}": no column for the required {count|role|roles} {roles}; headers seen: {headers} (sheet row {headerRow}). Map a column to {count|it|them}, or choose the header row, and run again.',
    vi: "trang tính “{sheet}”: không có cột cho vai trò bắt buộc {roles}; các tên cột đã thấy: {headers} (dòng {headerRow}). Hãy gán cột cho vai trò này hoặc chọn dòng tiêu đề, rồi chạy lại.",
    "zh-Hans":
      "工作表“{sheet}”：没有必需的列 {roles}；已识别的列标题：{headers}（第 {headerRow} 行）。请为其映射列或选择表头行，然后重新运行。",
    "zh-Hant":
      "工作表「{sheet}」：沒有必需的欄 {roles}；已識別的欄標題：{headers}（第 {headerRow} 列）。請為其對應欄位或選擇表頭列，然後重新執行。",
  },
  bad_mapping: {
    en: "The columns cannot be mapped: {detail}",
    vi: "Không thể gán cột: {detail}",
    "zh-Hans": "无法映射列：{detail}",
    "zh-Hant": "無法對應欄位：{detail}",
  },
  bad_as_of_date: {
    en: "As-of date {asOfDate} is not a date: use YYYY-MM-DD, e.g. 2026-03-15.",
    vi: "Ngày tính “{asOfDate}” không phải là ngày: hãy dùng dạng YYYY-MM-DD, ví dụ 2026-03-15.",
    "zh-Hans": "截至日期“{asOfDate}”不是有效日期：请使用 YYYY-MM-DD，例如 2026-03-15。",
    "zh-Hant": "截至日期「{asOfDate}」不是有效日期：請使用 YYYY-MM-DD，例如 2026-03-15。",
  },
  as_of_date_outside_period: {
    en: "As-of date {asOfDate} lies in {period}, not in the period {asOf}: give one of the two, or a date inside {asOf}.",
    vi: "Ngày tính {asOfDate} thuộc kỳ {period}, không thuộc kỳ {asOf}: hãy chỉ ghi một trong hai, hoặc một ngày trong kỳ {asOf}.",
    "zh-Hans": "截至日期 {asOfDate} 属于 {period}，不在期间 {asOf} 内：请只给出其中之一，或给出 {asOf} 内的日期。",
    "zh-Hant": "截至日期 {asOfDate} 屬於 {period}，不在期間 {asOf} 內：請只提供其中之一，或提供 {asOf} 內的日期。",
  },
  bad_work_week: {
    en: "Work week {workWeek} is not a set of weekdays: give ISO weekday numbers from 1 (Monday) to 7 (Sunday), each once and at least one, e.g. 1,2,3,4,5,6.",
    vi: "Tuần làm việc “{workWeek}” không phải là tập hợp các ngày trong tuần: hãy ghi số thứ theo ISO từ 1 (thứ Hai) đến 7 (Chủ nhật), mỗi ngày một lần và ít nhất một ngày, ví dụ 1,2,3,4,5,6.",
    "zh-Hans":
      "工作周“{workWeek}”不是一组星期几：请给出 ISO 星期编号 1（星期一）到 7（星期日），每个最多一次且至少一个，例如 1,2,3,4,5,6。",
    "zh-Hant":
      "工作週「{workWeek}」不是一組星期幾：請提供 ISO 星期編號 1（星期一）到 7（星期日），每個最多一次且至少一個，例如 1,2,3,4,5,6。",
  },
  bad_as_of: {
    en: "As of {asOf} is not a {periodKind} label: use e.g. 2026-03 (month), 2026-Q1 (quarter), 2026 or FY2026 (year), 2026-W09 (week), 2026-03-05 (day).",
    vi: "Kỳ tính “{asOf}” không phải là nhãn {periodKind}: hãy dùng ví dụ 2026-03 (tháng), 2026-Q1 (quý), 2026 hoặc FY2026 (năm), 2026-W09 (tuần), 2026-03-05 (ngày).",
    "zh-Hans":
      "截至期间“{asOf}”不是有效的{periodKind}标签：请使用如 2026-03（月）、2026-Q1（季度）、2026 或 FY2026（年）、2026-W09（周）、2026-03-05（日）。",
    "zh-Hant":
      "截至期間「{asOf}」不是有效的{periodKind}標籤：請使用如 2026-03（月）、2026-Q1（季度）、2026 或 FY2026（年）、2026-W09（週）、2026-03-05（日）。",
  },
  as_of_outside_data: {
    en: "As of {asOf} cannot be scored: it is more than {years} years from the data ({first} to {last}).",
    vi: "Không thể tính cho kỳ {asOf}: kỳ này cách dữ liệu hơn {years} năm (dữ liệu từ {first} đến {last}).",
    "zh-Hans": "无法计算截至 {asOf} 的记分卡：该期间距数据超过 {years} 年（数据范围 {first} 至 {last}）。",
    "zh-Hant": "無法計算截至 {asOf} 的計分卡：該期間距資料超過 {years} 年（資料範圍 {first} 至 {last}）。",
  },
  as_of_far_from_data: {
    en: "As of {asOf} cannot be scored: it lies {periods} periods ({periodKind}) from the data ({first} to {last}); at most {max} periods may lie between them.",
    vi: "Không thể tính cho kỳ {asOf}: kỳ này cách dữ liệu {periods} kỳ ({periodKind}) (dữ liệu từ {first} đến {last}); tối đa chỉ được {max} kỳ.",
    "zh-Hans":
      "无法计算截至 {asOf} 的记分卡：该期间距数据 {periods} 个期间（{periodKind}）（数据范围 {first} 至 {last}）；最多允许相隔 {max} 个期间。",
    "zh-Hant":
      "無法計算截至 {asOf} 的計分卡：該期間距資料 {periods} 個期間（{periodKind}）（資料範圍 {first} 至 {last}）；最多允許相隔 {max} 個期間。",
  },
  targets_unreadable: {
    en: 'The targets table "{sheet}" cannot be read: {detail} Fix the table, or run without a targets table (targets then come from history).',
    vi: "Không đọc được bảng chỉ tiêu “{sheet}”: {detail} Hãy sửa bảng, hoặc chạy không dùng bảng chỉ tiêu (khi đó chỉ tiêu lấy từ lịch sử).",
    "zh-Hans": "无法读取目标表“{sheet}”：{detail} 请修正该表，或不使用目标表运行（目标将取自历史数据）。",
    "zh-Hant": "無法讀取目標表「{sheet}」：{detail} 請修正該表，或不使用目標表執行（目標將取自歷史資料）。",
  },
  no_rows: {
    en: 'sheet "{sheet}" has a header but no sales rows under it.',
    vi: "trang tính “{sheet}” có dòng tiêu đề nhưng không có dòng dữ liệu bán hàng nào bên dưới.",
    "zh-Hans": "工作表“{sheet}”有表头，但其下没有销售数据行。",
    "zh-Hant": "工作表「{sheet}」有表頭，但其下沒有銷售資料列。",
  },
};

/** The texts of a KPI's "why" (engine/drivers/whyText.ts): "−60: Minh Phát −80, Beer −90". */
export const DRIVER_MESSAGES = {
  /** The change, then its largest contributors. */
  summary: {
    en: "{change}: {drivers}",
    vi: "{change}: {drivers}",
    "zh-Hans": "{change}：{drivers}",
    "zh-Hant": "{change}：{drivers}",
  },
  /** A change of a percentage, in percentage points. */
  points: { en: "{value} pts", vi: "{value} điểm %", "zh-Hans": "{value}个百分点", "zh-Hant": "{value}個百分點" },
  noChange: { en: "no change", vi: "không đổi", "zh-Hans": "无变化", "zh-Hant": "無變化" },
  /** The price / volume / mix bridge of net sales or gross profit (engine/drivers/bridge.ts). */
  bridge: {
    en: "price {price}, volume {volume}, mix {mix}",
    vi: "giá {price}, sản lượng {volume}, cơ cấu {mix}",
    "zh-Hans": "价格 {price}，数量 {volume}，结构 {mix}",
    "zh-Hant": "價格 {price}，數量 {volume}，結構 {mix}",
  },
} satisfies Record<string, LocalizedText>;

/** The bridge's name (the drivers sheet's dimension) and its three effects (its members). */
export const BRIDGE_WORDS = {
  bridge: {
    en: "Price / volume / mix",
    vi: "Giá / sản lượng / cơ cấu",
    "zh-Hans": "价格 / 数量 / 结构",
    "zh-Hant": "價格 / 數量 / 結構",
  },
  price: { en: "Price", vi: "Giá", "zh-Hans": "价格", "zh-Hant": "價格" },
  volume: { en: "Volume", vi: "Sản lượng", "zh-Hans": "数量", "zh-Hant": "數量" },
  mix: { en: "Mix", vi: "Cơ cấu", "zh-Hans": "结构", "zh-Hant": "結構" },
} satisfies Record<string, LocalizedText>;

/**
 * The names the engine gives in English in its output (JSON keys stay these stable words): a member or
 * entity without a value ("(blank)") and the entry gathering the contributors not listed ("(others)").
 * The why text, the sheets and the pane say them in the user's language through memberName.
 */
export const MEMBER_WORDS = {
  blank: { en: "(blank)", vi: "(trống)", "zh-Hans": "（空白）", "zh-Hant": "（空白）" },
  others: { en: "(others)", vi: "(khác)", "zh-Hans": "（其他）", "zh-Hant": "（其他）" },
} satisfies Record<string, LocalizedText>;

/** A member's name as shown: "(blank)" and "(others)" in the user's language, any other as it is. */
export function memberName(member: string, lang: Lang): string {
  if (member === BLANK_ENTITY) return MEMBER_WORDS.blank[lang];
  if (member === OTHERS_MEMBER) return MEMBER_WORDS.others[lang];
  return member;
}

/** A run problem in the user's language (English names roles by their ids, as the command line does). */
export function problemText(problem: RunProblem, lang: Lang): string {
  return fillMessage(PROBLEM_MESSAGES[problem.code][lang], problem.params, lang);
}

/** A KPI id's names, for the {kpi} placeholder (the catalogue lives above this module, so callers pass it). */
export type KpiNameLookup = (kpi: string) => LocalizedText | undefined;

/** Why a cell has no value, in the user's language; the English reason when the cell has no code. */
export function reasonText(
  cell: { reason?: string; reasonCode?: ReasonCode; reasonParams?: MessageParams },
  lang: Lang,
  kpiNames?: KpiNameLookup,
): string {
  const texts = cell.reasonCode ? REASON_MESSAGES[cell.reasonCode] : undefined;
  if (!texts) return cell.reason ?? "";
  return fillMessage(texts[lang], cell.reasonParams ?? {}, lang, kpiNames);
}

/** A SMART check's sentence in the user's language; the English detail when the check has no code. */
export function smartDetailText(
  check: { detail: string; code?: SmartCode; params?: MessageParams },
  lang: Lang,
  kpiNames?: KpiNameLookup,
): string {
  const texts = check.code ? SMART_MESSAGES[check.code] : undefined;
  if (!texts) return check.detail;
  return fillMessage(texts[lang], check.params ?? {}, lang, kpiNames);
}

/** The English reason for a code: what KpiValue.reason and KpiCell.reason hold. */
export function englishReason(code: ReasonCode, params: MessageParams = {}): string {
  return fillMessage(REASON_MESSAGES[code].en, params, "en");
}

/** The English SMART sentence for a code: what the check's detail holds. */
export function englishSmartDetail(code: SmartCode, params: MessageParams = {}): string {
  return fillMessage(SMART_MESSAGES[code].en, params, "en");
}

const PLACEHOLDER = /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g;

/** The placeholder names a message uses ("{periods|period|periods}" counts as "periods"). */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]))].sort();
}

/** Fills {name} and {name|one|other}; a placeholder without a param stays visible, so a missing one is seen. */
export function fillMessage(text: string, params: MessageParams, lang: Lang, kpiNames?: KpiNameLookup): string {
  return text.replace(PLACEHOLDER, (whole, name: string, one: string | undefined, other: string | undefined) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one !== undefined) return value === 1 ? one : (other ?? "");
    return paramText(name, value, lang, kpiNames);
  });
}

export const NUMBER_LOCALES: Record<Lang, string> = {
  en: "en-US",
  vi: "vi-VN",
  "zh-Hans": "zh-CN",
  "zh-Hant": "zh-TW",
};
const LIST_SEPARATORS: Record<Lang, string> = { en: ", ", vi: ", ", "zh-Hans": "、", "zh-Hant": "、" };

function paramText(name: string, value: string | number, lang: Lang, kpiNames?: KpiNameLookup): string {
  if (typeof value === "number") return paramNumberFormat(lang).format(value);
  if (name === "amount") return wordOf(AMOUNT_NAMES, value, lang);
  if (name === "periodKind") return wordOf(PERIOD_KIND_NAMES, value, lang);
  // English names roles and KPIs by their ids, as the scorecard JSON and the command line do.
  if (lang === "en") return value;
  if (name === "role") return wordOf(ROLE_NAMES, value, lang);
  if (name === "roles") {
    return value
      .split(", ")
      .map((role) => wordOf(ROLE_NAMES, role, lang))
      .join(LIST_SEPARATORS[lang]);
  }
  if (name === "kpi") return kpiNames?.(value)?.[lang] ?? value;
  return value;
}

/**
 * An Intl number format for a language, built once per (language, key): building one costs about a
 * quarter of a millisecond, and the why texts, the review and the pane format thousands of numbers.
 * `key` names the options (callers pass the same options for the same key).
 */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
export function numberFormat(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${key}`;
  let format = NUMBER_FORMATS.get(id);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[lang], options);
    NUMBER_FORMATS.set(id, format);
  }
  return format;
}
const paramNumberFormat = (lang: Lang) => numberFormat(lang, "param", { maximumFractionDigits: 4 });

function wordOf(table: Record<string, LocalizedText>, key: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key][lang] : key;
}

/**
 * The target review's sentences (engine/review; issue 13 §4). {value}, {lastYearActual} are amounts in the
 * KPI's unit, {best}, {median} attainments and {growth} the template's growth rate: review/reviewText.ts
 * formats them for the language before filling.
 */
export const REVIEW_MESSAGES: Record<ReviewCode, LocalizedText> = {
  review_too_low: {
    en: "Beaten by more than {over}% in {beaten} of {periods} periods: the target looks set too low.",
    vi: "Vượt chỉ tiêu hơn {over}% trong {beaten}/{periods} kỳ: chỉ tiêu có vẻ đặt quá thấp.",
    "zh-Hans": "{periods} 个期间中有 {beaten} 个超出目标 {over}% 以上：目标似乎定得过低。",
    "zh-Hant": "{periods} 個期間中有 {beaten} 個超出目標 {over}% 以上：目標似乎訂得過低。",
  },
  review_too_high: {
    en: "Never met in {periods} periods (best attainment {best}): the target looks set too high.",
    vi: "Chưa đạt trong cả {periods} kỳ (mức đạt cao nhất {best}): chỉ tiêu có vẻ đặt quá cao.",
    "zh-Hans": "{periods} 个期间均未达成（最高达成率 {best}）：目标似乎定得过高。",
    "zh-Hant": "{periods} 個期間均未達成（最高達成率 {best}）：目標似乎訂得過高。",
  },
  review_fine: {
    en: "Met in {met} of {periods} periods (median attainment {median}).",
    vi: "Đạt trong {met}/{periods} kỳ (mức đạt trung vị {median}).",
    "zh-Hans": "{periods} 个期间中达成 {met} 个（达成率中位数 {median}）。",
    "zh-Hant": "{periods} 個期間中達成 {met} 個（達成率中位數 {median}）。",
  },
  review_too_few: {
    en: "Only {periods} {periods|period|periods} with a target: too few to judge (at least {min}).",
    vi: "Chỉ có {periods} kỳ có chỉ tiêu: quá ít để đánh giá (cần ít nhất {min}).",
    "zh-Hans": "仅有 {periods} 个期间有目标：不足以判断（至少需要 {min} 个）。",
    "zh-Hant": "僅有 {periods} 個期間有目標：不足以判斷（至少需要 {min} 個）。",
  },
  review_not_counted: {
    en: "Not counted: {withoutTarget} {withoutTarget|period|periods} without a target, {withoutActual} without an actual.",
    vi: "Không tính: {withoutTarget} kỳ không có chỉ tiêu, {withoutActual} kỳ không có số thực hiện.",
    "zh-Hans": "未计入：{withoutTarget} 个期间没有目标，{withoutActual} 个期间没有实际值。",
    "zh-Hant": "未計入：{withoutTarget} 個期間沒有目標，{withoutActual} 個期間沒有實際值。",
  },
  suggest_percentile: {
    en: "Suggested target for {period}: {value}, the {percentile}th percentile of the actuals of the last {count} {count|period|periods} ({from} to {to}).",
    vi: "Chỉ tiêu đề xuất cho {period}: {value}, phân vị thứ {percentile} của số thực hiện {count} kỳ gần nhất ({from} đến {to}).",
    "zh-Hans":
      "{period} 的建议目标：{value}，即最近 {count} 个期间（{from} 至 {to}）实际值的第 {percentile} 百分位数。",
    "zh-Hant":
      "{period} 的建議目標：{value}，即最近 {count} 個期間（{from} 至 {to}）實際值的第 {percentile} 百分位數。",
  },
  suggest_growth: {
    en: "Suggested target for {period}: {value}, last year's actual in {lastYearPeriod} ({lastYearActual}) with the template's growth of {growth}.",
    vi: "Chỉ tiêu đề xuất cho {period}: {value}, số thực hiện cùng kỳ năm trước {lastYearPeriod} ({lastYearActual}) cộng mức tăng trưởng {growth} của mẫu.",
    "zh-Hans":
      "{period} 的建议目标：{value}，即去年同期 {lastYearPeriod} 的实际值（{lastYearActual}）按模板增长率 {growth} 计算。",
    "zh-Hant":
      "{period} 的建議目標：{value}，即去年同期 {lastYearPeriod} 的實際值（{lastYearActual}）按範本成長率 {growth} 計算。",
  },
  suggest_none_band: {
    en: "No single target suggested: {kpi} is scored against a band.",
    vi: "Không đề xuất một chỉ tiêu đơn lẻ: {kpi} được chấm theo một khoảng.",
    "zh-Hans": "不建议单一目标：{kpi} 按区间评分。",
    "zh-Hant": "不建議單一目標：{kpi} 按區間評分。",
  },
  suggest_none_reference: {
    en: "No single target suggested: {kpi} is scored against 100% of a plan or of tier targets; review those amounts in the targets table.",
    vi: "Không đề xuất một chỉ tiêu đơn lẻ: {kpi} được chấm theo 100% của kế hoạch hoặc của chỉ tiêu từng nhóm biên lợi nhuận; hãy xem lại các số này trong bảng chỉ tiêu.",
    "zh-Hans": "不建议单一目标：{kpi} 按计划或各毛利层级目标的 100% 评分；请在目标表中复核这些数额。",
    "zh-Hant": "不建議單一目標：{kpi} 按計劃或各毛利層級目標的 100% 評分；請在目標表中複核這些數額。",
  },
  suggest_none_few: {
    en: "No target suggested: only {count} of the last {window} periods have an actual (at least {min}).",
    vi: "Không đề xuất chỉ tiêu: chỉ {count} trong {window} kỳ gần nhất có số thực hiện (cần ít nhất {min}).",
    "zh-Hans": "无法建议目标：最近 {window} 个期间中仅 {count} 个有实际值（至少需要 {min} 个）。",
    "zh-Hant": "無法建議目標：最近 {window} 個期間中僅 {count} 個有實際值（至少需要 {min} 個）。",
  },
};

/** A review finding's name, as the notes sheet, the command line and the pane show it. */
export const REVIEW_FINDING_NAMES: Record<ReviewFinding, LocalizedText> = {
  too_low: { en: "Set too low", vi: "Đặt quá thấp", "zh-Hans": "定得过低", "zh-Hant": "訂得過低" },
  too_high: { en: "Set too high", vi: "Đặt quá cao", "zh-Hans": "定得过高", "zh-Hant": "訂得過高" },
  fine: { en: "Fine", vi: "Phù hợp", "zh-Hans": "合理", "zh-Hant": "合理" },
  too_few_periods: { en: "Too few periods", vi: "Quá ít kỳ", "zh-Hans": "期间过少", "zh-Hant": "期間過少" },
};

/** The review's headings: the notes sheet's block and the command line's table. */
export const REVIEW_WORDS = {
  title: { en: "Target review", vi: "Rà soát chỉ tiêu", "zh-Hans": "目标复核", "zh-Hant": "目標複核" },
  reviewed: {
    en: "Periods reviewed",
    vi: "Các kỳ đã rà soát",
    "zh-Hans": "复核的期间",
    "zh-Hant": "複核的期間",
  },
  range: {
    en: "{from} to {to}; suggestions for {next}",
    vi: "{from} đến {to}; đề xuất cho {next}",
    "zh-Hans": "{from} 至 {to}；建议用于 {next}",
    "zh-Hant": "{from} 至 {to}；建議用於 {next}",
  },
  noPeriods: {
    en: "No complete period to review; suggestions for {next}",
    vi: "Không có kỳ hoàn chỉnh nào để rà soát; đề xuất cho {next}",
    "zh-Hans": "没有可复核的完整期间；建议用于 {next}",
    "zh-Hant": "沒有可複核的完整期間；建議用於 {next}",
  },
  running: {
    en: "The running period {period} is not reviewed (it is not over).",
    vi: "Kỳ đang diễn ra {period} không được rà soát (chưa kết thúc).",
    "zh-Hans": "进行中的期间 {period} 未复核（尚未结束）。",
    "zh-Hant": "進行中的期間 {period} 未複核（尚未結束）。",
  },
  periods: { en: "Periods", vi: "Số kỳ", "zh-Hans": "期间数", "zh-Hant": "期間數" },
  met: { en: "Met", vi: "Đạt", "zh-Hans": "达成", "zh-Hant": "達成" },
  spread: {
    en: "Attainment min · median · max",
    vi: "Mức đạt thấp nhất · trung vị · cao nhất",
    "zh-Hans": "达成率 最低 · 中位数 · 最高",
    "zh-Hant": "達成率 最低 · 中位數 · 最高",
  },
  iqr: { en: "IQR", vi: "Khoảng tứ phân vị", "zh-Hans": "四分位距", "zh-Hant": "四分位距" },
  finding: { en: "Finding", vi: "Nhận định", "zh-Hans": "结论", "zh-Hant": "結論" },
  suggested: { en: "Suggested", vi: "Đề xuất", "zh-Hans": "建议目标", "zh-Hant": "建議目標" },
} satisfies Record<string, LocalizedText>;
