/**
 * Words the exporter writes into the workbook (sheet names, column headers, status words), in the
 * product's four languages. KPI names come from the scorecard itself; note messages from the engine.
 */
import { BLANK_ENTITY, TOTAL_ENTITY } from "../engine/aggregate";
import type { Lang, LocalizedText, PeriodKind, SmartLetter } from "../engine/types";
import { MEMBER_WORDS, ROLE_NAMES } from "../engine/messages";
import type { OutputSheetKey } from "./contract";

/** Sheet names: ≤ 31 characters, none of []:*?/\ (checked by a test). */
export const SHEET_NAMES: Record<OutputSheetKey, LocalizedText> = {
  scorecard: { en: "KPI Scorecard", vi: "KPI Bảng điểm", "zh-Hans": "KPI 计分卡", "zh-Hant": "KPI 計分卡" },
  history: { en: "KPI History", vi: "KPI Lịch sử", "zh-Hans": "KPI 历史", "zh-Hant": "KPI 歷史" },
  details: {
    en: "KPI Margin Mix",
    vi: "KPI Cơ cấu biên lợi nhuận",
    "zh-Hans": "KPI 毛利结构",
    "zh-Hant": "KPI 毛利結構",
  },
  drivers: { en: "KPI Drivers", vi: "KPI Yếu tố tác động", "zh-Hans": "KPI 变动因素", "zh-Hant": "KPI 變動因素" },
  notes: { en: "KPI Notes", vi: "KPI Ghi chú", "zh-Hans": "KPI 说明", "zh-Hant": "KPI 說明" },
  trends: { en: "KPI Trends", vi: "KPI Xu hướng", "zh-Hans": "KPI 趋势", "zh-Hant": "KPI 趨勢" },
};

export type HeaderKey =
  | "entity"
  | "level"
  | "parent"
  | "period"
  | "kpi"
  | "kpiId"
  | "actual"
  | "target"
  | "attainment"
  | "status"
  | "score"
  | "weightedScore"
  | "payout"
  | "bonus"
  | "expectedToDate"
  | "projected"
  | "projectedAttainment"
  | "paceStatus"
  | "paceBasis"
  | "gatesPassed"
  | "failedGates"
  | "gatesNotEvaluated"
  | "basis"
  | "tier"
  | "tierKind"
  | "actualShare"
  | "targetShare"
  | "volumeAttainment"
  | "mixAttainment"
  | "mixEffect"
  | "gatePassed"
  | "section"
  | "item"
  | "sheetRow"
  | "column"
  | "value"
  | "detail"
  | "why"
  | "comparison"
  | "comparedPeriod"
  | "dimension"
  | "member"
  | "contribution"
  | "share"
  | "rateEffect";

export const HEADERS: Record<HeaderKey, LocalizedText> = {
  entity: { en: "Entity", vi: "Đối tượng", "zh-Hans": "对象", "zh-Hant": "對象" },
  level: { en: "Level", vi: "Cấp", "zh-Hans": "层级", "zh-Hant": "層級" },
  parent: { en: "Parent", vi: "Cấp trên", "zh-Hans": "上级", "zh-Hant": "上級" },
  period: { en: "Period", vi: "Kỳ", "zh-Hans": "期间", "zh-Hant": "期間" },
  kpi: { en: "KPI", vi: "KPI", "zh-Hans": "KPI", "zh-Hant": "KPI" },
  kpiId: { en: "KPI id", vi: "Mã KPI", "zh-Hans": "KPI 代码", "zh-Hant": "KPI 代碼" },
  actual: { en: "Actual", vi: "Thực tế", "zh-Hans": "实际", "zh-Hant": "實際" },
  target: { en: "Target", vi: "Mục tiêu", "zh-Hans": "目标", "zh-Hant": "目標" },
  attainment: { en: "Attainment", vi: "Tỷ lệ đạt", "zh-Hans": "达成率", "zh-Hant": "達成率" },
  status: { en: "Status", vi: "Trạng thái", "zh-Hans": "状态", "zh-Hant": "狀態" },
  score: { en: "Score", vi: "Điểm", "zh-Hans": "得分", "zh-Hant": "得分" },
  weightedScore: { en: "Weighted score", vi: "Điểm có trọng số", "zh-Hans": "加权得分", "zh-Hant": "加權得分" },
  payout: { en: "Payout", vi: "Tỷ lệ thưởng", "zh-Hans": "奖金比例", "zh-Hant": "獎金比例" },
  bonus: { en: "Bonus", vi: "Tiền thưởng", "zh-Hans": "奖金金额", "zh-Hant": "獎金金額" },
  expectedToDate: {
    en: "Expected to date",
    vi: "Kỳ vọng đến nay",
    "zh-Hans": "截至目前应达",
    "zh-Hant": "截至目前應達",
  },
  projected: { en: "Projected", vi: "Dự báo cuối kỳ", "zh-Hans": "期末预测", "zh-Hant": "期末預測" },
  projectedAttainment: {
    en: "Projected attainment",
    vi: "Tỷ lệ đạt dự báo",
    "zh-Hans": "预测达成率",
    "zh-Hant": "預測達成率",
  },
  paceStatus: { en: "Pace status", vi: "Trạng thái tiến độ", "zh-Hans": "进度状态", "zh-Hant": "進度狀態" },
  paceBasis: { en: "Pace basis", vi: "Cơ sở tiến độ", "zh-Hans": "进度基准", "zh-Hant": "進度基準" },
  gatesPassed: { en: "Gates passed", vi: "Đạt điều kiện", "zh-Hans": "门槛通过", "zh-Hant": "門檻通過" },
  failedGates: { en: "Failed gates", vi: "Điều kiện không đạt", "zh-Hans": "未通过门槛", "zh-Hant": "未通過門檻" },
  gatesNotEvaluated: {
    en: "Gates not evaluated",
    vi: "Điều kiện chưa đánh giá",
    "zh-Hans": "未评估的门槛",
    "zh-Hant": "未評估的門檻",
  },
  basis: { en: "Basis", vi: "Cơ sở", "zh-Hans": "基准", "zh-Hant": "基準" },
  tier: { en: "Tier", vi: "Phân khúc", "zh-Hans": "档次", "zh-Hant": "檔次" },
  tierKind: { en: "Kind", vi: "Loại", "zh-Hans": "类型", "zh-Hant": "類型" },
  actualShare: { en: "Actual share", vi: "Tỷ trọng thực tế", "zh-Hans": "实际占比", "zh-Hant": "實際佔比" },
  targetShare: { en: "Target share", vi: "Tỷ trọng mục tiêu", "zh-Hans": "目标占比", "zh-Hant": "目標佔比" },
  volumeAttainment: {
    en: "Volume attainment",
    vi: "Tỷ lệ đạt sản lượng",
    "zh-Hans": "总量达成率",
    "zh-Hant": "總量達成率",
  },
  mixAttainment: { en: "Mix attainment", vi: "Tỷ lệ đạt cơ cấu", "zh-Hans": "结构达成率", "zh-Hant": "結構達成率" },
  mixEffect: { en: "Mix effect", vi: "Ảnh hưởng cơ cấu", "zh-Hans": "结构影响", "zh-Hant": "結構影響" },
  gatePassed: { en: "Gate passed", vi: "Đạt điều kiện", "zh-Hans": "门槛通过", "zh-Hant": "門檻通過" },
  section: { en: "Section", vi: "Mục", "zh-Hans": "部分", "zh-Hant": "部分" },
  item: { en: "Item", vi: "Nội dung", "zh-Hans": "项目", "zh-Hant": "項目" },
  sheetRow: { en: "Sheet row", vi: "Dòng", "zh-Hans": "行号", "zh-Hant": "列號" },
  column: { en: "Column", vi: "Cột", "zh-Hans": "列", "zh-Hant": "欄" },
  value: { en: "Value", vi: "Giá trị", "zh-Hans": "值", "zh-Hant": "值" },
  detail: { en: "Detail", vi: "Chi tiết", "zh-Hans": "详情", "zh-Hant": "詳情" },
  why: { en: "Why (vs previous)", vi: "Lý do (so kỳ trước)", "zh-Hans": "原因（较上期）", "zh-Hant": "原因（較上期）" },
  comparison: { en: "Compared with", vi: "So với", "zh-Hans": "比较对象", "zh-Hant": "比較對象" },
  comparedPeriod: { en: "Compared period", vi: "Kỳ so sánh", "zh-Hans": "比较期间", "zh-Hant": "比較期間" },
  dimension: { en: "Dimension", vi: "Chiều phân tích", "zh-Hans": "维度", "zh-Hant": "維度" },
  member: { en: "Member", vi: "Thành phần", "zh-Hans": "成员", "zh-Hant": "成員" },
  contribution: { en: "Contribution", vi: "Đóng góp", "zh-Hans": "贡献", "zh-Hant": "貢獻" },
  share: { en: "Share of change", vi: "Tỷ trọng thay đổi", "zh-Hans": "占变动比例", "zh-Hant": "佔變動比例" },
  rateEffect: { en: "Rate effect", vi: "Ảnh hưởng tỷ lệ", "zh-Hans": "比率影响", "zh-Hant": "比率影響" },
};

/** The two comparisons of the drivers (KpiDrivers keys). */
export const COMPARISON_WORDS: Record<string, LocalizedText> = {
  vsPrevious: { en: "Previous period", vi: "Kỳ trước", "zh-Hans": "上期", "zh-Hant": "上期" },
  vsLastYear: { en: "Same period last year", vi: "Cùng kỳ năm trước", "zh-Hans": "去年同期", "zh-Hant": "去年同期" },
};

/** "(others)", the entry gathering the contributors not listed (the engine's words). */
export const OTHERS_WORDS: LocalizedText = MEMBER_WORDS.others;

/** Status words of the default bands come from the engine's catalogue (one place for them). */
export { STATUS_NAMES as STATUS_WORDS } from "../engine/messages";

/** Level names: the dimension roles, in the engine's one table of role words (ROLE_NAMES), and "total". */
export const LEVEL_WORDS: Record<string, LocalizedText> = {
  salesperson: ROLE_NAMES.salesperson,
  region: ROLE_NAMES.region,
  product: ROLE_NAMES.product,
  category: ROLE_NAMES.category,
  customer: ROLE_NAMES.customer,
  margin_tier: ROLE_NAMES.margin_tier,
  total: { en: "Total", vi: "Tổng cộng", "zh-Hans": "合计", "zh-Hant": "合計" },
};

const BLANK_WORDS: LocalizedText = MEMBER_WORDS.blank;

/**
 * An entity's name as the sheet shows it: the engine names the total row "Total" and rows without a
 * value in the group-by column "(blank)", in English; the sheet says them in its language.
 */
export function entityLabel(entity: string, level: string, lang: Lang): string {
  if (level === "total") return LEVEL_WORDS.total[lang];
  return entity === BLANK_ENTITY ? BLANK_WORDS[lang] : entity;
}

/** A parent's name as the sheet shows it (the parent of the top roll-up level is the total). */
export function parentLabel(parent: string | null, lang: Lang): string | null {
  if (parent === TOTAL_ENTITY) return LEVEL_WORDS.total[lang];
  return parent === BLANK_ENTITY ? BLANK_WORDS[lang] : parent;
}

export const SECTION_WORDS: Record<"run" | "dataNote" | "smart", LocalizedText> = {
  run: { en: "Run", vi: "Lần chạy", "zh-Hans": "运行", "zh-Hant": "執行" },
  dataNote: { en: "Data note", vi: "Ghi chú dữ liệu", "zh-Hans": "数据说明", "zh-Hant": "資料說明" },
  smart: { en: "SMART check", vi: "Kiểm tra SMART", "zh-Hans": "SMART 检查", "zh-Hant": "SMART 檢查" },
};

export type RunItem =
  "template" | "templateVersion" | "generatedAt" | "asOf" | "period" | "groupBy" | "rowsRead" | "rowsUsed";
export const RUN_ITEMS: Record<RunItem, LocalizedText> = {
  template: { en: "Template", vi: "Mẫu KPI", "zh-Hans": "模板", "zh-Hant": "範本" },
  templateVersion: { en: "Template version", vi: "Phiên bản mẫu", "zh-Hans": "模板版本", "zh-Hant": "範本版本" },
  generatedAt: { en: "Generated at", vi: "Thời điểm chạy", "zh-Hans": "生成时间", "zh-Hant": "產生時間" },
  asOf: { en: "Period scored", vi: "Kỳ đánh giá", "zh-Hans": "评估期间", "zh-Hant": "評估期間" },
  period: { en: "Period kind", vi: "Loại kỳ", "zh-Hans": "期间类型", "zh-Hant": "期間類型" },
  groupBy: { en: "Grouped by", vi: "Nhóm theo", "zh-Hans": "分组依据", "zh-Hant": "分組依據" },
  rowsRead: { en: "Rows read", vi: "Số dòng đã đọc", "zh-Hans": "读取行数", "zh-Hant": "讀取列數" },
  rowsUsed: { en: "Rows used", vi: "Số dòng đã dùng", "zh-Hans": "使用行数", "zh-Hant": "使用列數" },
};

export const SMART_WORDS: Record<SmartLetter, LocalizedText> = {
  specific: { en: "Specific", vi: "Cụ thể", "zh-Hans": "具体", "zh-Hant": "具體" },
  measurable: { en: "Measurable", vi: "Đo lường được", "zh-Hans": "可衡量", "zh-Hant": "可衡量" },
  attainable: { en: "Attainable", vi: "Khả thi", "zh-Hans": "可实现", "zh-Hant": "可實現" },
  relevant: { en: "Relevant", vi: "Liên quan", "zh-Hans": "相关", "zh-Hant": "相關" },
  timeBound: { en: "Time-bound", vi: "Có thời hạn", "zh-Hans": "有时限", "zh-Hant": "有時限" },
};

export const PASS_WORDS: Record<"ok" | "fail", LocalizedText> = {
  ok: { en: "OK", vi: "Đạt", "zh-Hans": "通过", "zh-Hant": "通過" },
  fail: { en: "Not met", vi: "Chưa đạt", "zh-Hans": "未通过", "zh-Hant": "未通過" },
};

/** A gate's outcome with its mark (the mark reads without colour): passed, failed, not evaluated (null). */
export const GATE_WORDS: Record<"passed" | "failed" | "notEvaluated", LocalizedText> = {
  passed: { en: "✓ Passed", vi: "✓ Đạt", "zh-Hans": "✓ 通过", "zh-Hant": "✓ 通過" },
  failed: { en: "✗ Failed", vi: "✗ Không đạt", "zh-Hans": "✗ 未通过", "zh-Hant": "✗ 未通過" },
  notEvaluated: { en: "– Not evaluated", vi: "– Chưa đánh giá", "zh-Hans": "– 未评估", "zh-Hant": "– 未評估" },
};

/** A gate outcome (true / false / null) as the sheet says it. */
export function gateWord(passed: boolean | null, lang: Lang): string {
  return GATE_WORDS[passed === null ? "notEvaluated" : passed ? "passed" : "failed"][lang];
}

export const BASIS_WORDS: Record<"quantity" | "revenue", LocalizedText> = {
  quantity: { en: "Quantity", vi: "Số lượng", "zh-Hans": "数量", "zh-Hant": "數量" },
  revenue: { en: "Revenue", vi: "Doanh thu", "zh-Hans": "销售额", "zh-Hant": "銷售額" },
};

export const TIER_KIND_WORDS: Record<"min" | "max", LocalizedText> = {
  min: { en: "At least", vi: "Tối thiểu", "zh-Hans": "至少", "zh-Hant": "至少" },
  max: { en: "At most", vi: "Tối đa", "zh-Hans": "至多", "zh-Hant": "至多" },
};

export const PERIOD_WORDS: Record<PeriodKind, LocalizedText> = {
  month: { en: "Month", vi: "Tháng", "zh-Hans": "月", "zh-Hant": "月" },
  quarter: { en: "Quarter", vi: "Quý", "zh-Hans": "季度", "zh-Hant": "季度" },
  year: { en: "Year", vi: "Năm", "zh-Hans": "年", "zh-Hant": "年" },
  week: { en: "Week", vi: "Tuần", "zh-Hans": "周", "zh-Hant": "週" },
  day: { en: "Day", vi: "Ngày", "zh-Hans": "日", "zh-Hant": "日" },
};

const WEEKDAY_WORDS: LocalizedText[] = [
  { en: "Monday", vi: "Thứ Hai", "zh-Hans": "星期一", "zh-Hant": "星期一" },
  { en: "Tuesday", vi: "Thứ Ba", "zh-Hans": "星期二", "zh-Hant": "星期二" },
  { en: "Wednesday", vi: "Thứ Tư", "zh-Hans": "星期三", "zh-Hant": "星期三" },
  { en: "Thursday", vi: "Thứ Năm", "zh-Hans": "星期四", "zh-Hant": "星期四" },
  { en: "Friday", vi: "Thứ Sáu", "zh-Hans": "星期五", "zh-Hant": "星期五" },
  { en: "Saturday", vi: "Thứ Bảy", "zh-Hans": "星期六", "zh-Hant": "星期六" },
  { en: "Sunday", vi: "Chủ Nhật", "zh-Hans": "星期日", "zh-Hant": "星期日" },
];

/** "Month", "Week (starting Sunday)": the period kind as the notes sheet names it. */
export function periodKindText(kind: PeriodKind, weekStart: number | undefined, lang: Lang): string {
  const word = PERIOD_WORDS[kind][lang];
  if (kind !== "week") return word;
  const day = WEEKDAY_WORDS[(weekStart ?? 1) - 1][lang];
  const text: LocalizedText = {
    en: `${word} (starting ${day})`,
    vi: `${word} (bắt đầu ${day})`,
    "zh-Hans": `${word}（${day}开始）`,
    "zh-Hant": `${word}（${day}開始）`,
  };
  return text[lang];
}

/** "Attainment of the total, last 12 periods" */
export function trendTitle(periods: number, lang: Lang): string {
  const titles: LocalizedText = {
    en: `Attainment of the total, last ${periods} periods`,
    vi: `Tỷ lệ đạt của tổng cộng, ${periods} kỳ gần nhất`,
    "zh-Hans": `合计达成率（最近 ${periods} 期）`,
    "zh-Hant": `合計達成率（最近 ${periods} 期）`,
  };
  return titles[lang];
}

/** The total's target, as a line's name on a KPI's trend chart. */
export function totalTargetHeader(lang: Lang): string {
  const titles: LocalizedText = {
    en: "Total target",
    vi: "Mục tiêu tổng cộng",
    "zh-Hans": "合计目标",
    "zh-Hant": "合計目標",
  };
  return titles[lang];
}

/** "Weighted score by Salesperson" */
export function chartTitle(level: string, lang: Lang): string {
  const by: LocalizedText = { en: "by", vi: "theo", "zh-Hans": "按", "zh-Hant": "按" };
  const score = HEADERS.weightedScore[lang];
  const levelWord = localWord(LEVEL_WORDS, level, lang);
  return lang === "zh-Hans" || lang === "zh-Hant"
    ? `${by[lang]}${levelWord}${score}`
    : `${score} ${by[lang]} ${levelWord}`;
}

/** A word from a table, or the key itself when the table does not know it (a template's own id). */
export function localWord(table: Record<string, LocalizedText>, key: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key][lang] : key;
}

/** A reviewed entity as the notes sheet and the command line name it: a roll-up row says its level ("North (Region)"). */
export function reviewEntityLabel(entity: string, level: string, groupBy: string, lang: Lang): string {
  const name = entityLabel(entity, level, lang);
  return level === groupBy || level === "total" ? name : `${name} (${localWord(LEVEL_WORDS, level, lang)})`;
}
