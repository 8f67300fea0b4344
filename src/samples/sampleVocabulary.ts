/**
 * The words of a sample workbook in each language: headers the engine's header detection recognises,
 * people, regions, products, customers and labels. Data, not logic.
 */
import type { Lang } from "../engine/types";

/** Columns of the sales sheet, in order. */
export const SAMPLE_COLUMNS = [
  "date",
  "order_id",
  "customer",
  "salesperson",
  "region",
  "product",
  "category",
  "margin_tier",
  "new_product",
  "quantity",
  "unit_price",
  "revenue",
  "cost",
  "receivable",
  "collected",
  "bad_debt",
  "status",
  "expense",
] as const;
export type SampleColumn = (typeof SAMPLE_COLUMNS)[number];

export type TierId = "premium" | "standard" | "economy";
export type SampleStatus = "won" | "lost" | "cancelled" | "open";

export interface SampleVocabulary {
  salesSheet: string;
  targetsSheet: string;
  headers: Record<SampleColumn, string>;
  /** Targets sheet headers for the entity and period columns (KPI columns are named by KPI id). */
  targetHeaders: { salesperson: string; period: string };
  /** Salespeople with the index of their region. */
  salespeople: Array<{ name: string; region: number }>;
  regions: string[];
  /** Product names, one per entry of PRODUCTS (same order). */
  products: string[];
  categories: [string, string, string];
  tiers: Record<TierId, string>;
  statuses: Record<SampleStatus, string>;
  flag: { yes: string; no: string };
  customerFirst: string[];
  customerSecond: string[];
  /** Money per US dollar of the sample's local currency, and how prices are rounded. */
  currencyPerUsd: number;
  priceStep: number;
}

/** Product catalogue: category index, tier, new-product flag, price per unit in USD, gross margin. */
export const PRODUCTS: ReadonlyArray<{
  category: 0 | 1 | 2;
  tier: TierId;
  isNew: boolean;
  priceUsd: number;
  margin: number;
}> = [
  { category: 0, tier: "premium", isNew: true, priceUsd: 42, margin: 0.4 },
  { category: 0, tier: "premium", isNew: false, priceUsd: 36, margin: 0.36 },
  { category: 0, tier: "standard", isNew: false, priceUsd: 22, margin: 0.25 },
  { category: 0, tier: "standard", isNew: false, priceUsd: 24, margin: 0.23 },
  { category: 0, tier: "economy", isNew: false, priceUsd: 12, margin: 0.09 },
  { category: 0, tier: "economy", isNew: false, priceUsd: 13, margin: 0.11 },
  { category: 1, tier: "premium", isNew: true, priceUsd: 30, margin: 0.35 },
  { category: 1, tier: "standard", isNew: false, priceUsd: 18, margin: 0.27 },
  { category: 1, tier: "standard", isNew: true, priceUsd: 19, margin: 0.26 },
  { category: 1, tier: "economy", isNew: false, priceUsd: 10, margin: 0.14 },
  { category: 2, tier: "economy", isNew: false, priceUsd: 6, margin: 0.18 },
  { category: 2, tier: "standard", isNew: false, priceUsd: 9, margin: 0.21 },
];

const en: SampleVocabulary = {
  salesSheet: "Sales",
  targetsSheet: "Targets",
  headers: {
    date: "Date",
    order_id: "Order ID",
    customer: "Customer",
    salesperson: "Salesperson",
    region: "Region",
    product: "Product",
    category: "Category",
    margin_tier: "Margin Tier",
    new_product: "New Product",
    quantity: "Quantity",
    unit_price: "Unit Price",
    revenue: "Revenue",
    cost: "Cost",
    receivable: "Receivable",
    collected: "Collected",
    bad_debt: "Bad Debt",
    status: "Status",
    expense: "Expense",
  },
  targetHeaders: { salesperson: "Salesperson", period: "Period" },
  salespeople: [
    { name: "Alice Johnson", region: 0 },
    { name: "Brian Lee", region: 0 },
    { name: "Carmen Diaz", region: 0 },
    { name: "David Kim", region: 1 },
    { name: "Emma Brown", region: 1 },
    { name: "Farid Khan", region: 2 },
    { name: "Grace Chen", region: 2 },
    { name: "Henry Walker", region: 2 },
  ],
  regions: ["North", "Central", "South"],
  products: [
    "Pure Draft 330ml",
    "Craft IPA 500ml",
    "Lager 330ml",
    "Lager 500ml",
    "Super Beer 330ml",
    "Super Beer 500ml",
    "Cold Brew Tea 330ml",
    "Cola 330ml",
    "Lemon Soda 330ml",
    "Orange Soda 330ml",
    "Spring Water 500ml",
    "Mineral Water 1.5L",
  ],
  categories: ["Beer", "Soft drinks", "Water"],
  tiers: { premium: "Premium", standard: "Standard", economy: "Economy" },
  statuses: { won: "Won", lost: "Lost", cancelled: "Cancelled", open: "Open" },
  flag: { yes: "Yes", no: "No" },
  customerFirst: [
    "Northside",
    "Harbor",
    "Sunrise",
    "Maple",
    "Riverside",
    "Golden",
    "Parkview",
    "Lakeside",
    "Hilltop",
    "Union",
  ],
  customerSecond: ["Mart", "Grocers", "Bistro", "Cafe", "Supermarket", "Deli", "Pub", "Hotel", "Kiosk", "Wholesale"],
  currencyPerUsd: 1,
  priceStep: 0.01,
};

const vi: SampleVocabulary = {
  salesSheet: "Bán hàng",
  targetsSheet: "Chỉ tiêu",
  headers: {
    date: "Ngày",
    order_id: "Số HĐ",
    customer: "Khách hàng",
    salesperson: "NVKD",
    region: "Khu vực",
    product: "Mặt hàng",
    category: "Nhóm hàng",
    margin_tier: "Phân khúc",
    new_product: "Hàng mới",
    quantity: "Số lượng",
    unit_price: "Đơn giá",
    revenue: "Doanh thu",
    cost: "Giá vốn",
    receivable: "Phải thu",
    collected: "Đã thu",
    bad_debt: "Nợ xấu",
    status: "Trạng thái",
    expense: "Chi phí",
  },
  targetHeaders: { salesperson: "NVKD", period: "Kỳ" },
  salespeople: [
    { name: "Nguyễn Văn An", region: 0 },
    { name: "Trần Thị Bình", region: 0 },
    { name: "Lê Hoàng Cường", region: 0 },
    { name: "Phạm Thu Dung", region: 1 },
    { name: "Hoàng Minh Đức", region: 1 },
    { name: "Vũ Thị Hà", region: 2 },
    { name: "Đặng Quốc Huy", region: 2 },
    { name: "Bùi Thanh Lan", region: 2 },
  ],
  regions: ["Miền Bắc", "Miền Trung", "Miền Nam"],
  products: [
    "Bia tươi Pure 330ml",
    "Bia IPA thủ công 500ml",
    "Bia Lager 330ml",
    "Bia Lager 500ml",
    "Bia Super 330ml",
    "Bia Super 500ml",
    "Trà ủ lạnh 330ml",
    "Cola 330ml",
    "Soda chanh 330ml",
    "Soda cam 330ml",
    "Nước suối 500ml",
    "Nước khoáng 1,5L",
  ],
  categories: ["Bia", "Nước ngọt", "Nước uống"],
  tiers: { premium: "Cao cấp", standard: "Trung cấp", economy: "Phổ thông" },
  statuses: { won: "Thành công", lost: "Thất bại", cancelled: "Đã hủy", open: "Đang xử lý" },
  flag: { yes: "Mới", no: "Không" },
  customerFirst: [
    "Tạp hóa",
    "Siêu thị",
    "Nhà hàng",
    "Quán",
    "Đại lý",
    "Cửa hàng",
    "Khách sạn",
    "Quán nhậu",
    "Căng tin",
    "Nhà phân phối",
  ],
  customerSecond: [
    "Minh Anh",
    "Hoa Mai",
    "Phú Quý",
    "Bình An",
    "Thành Công",
    "Hồng Phát",
    "Kim Long",
    "Tân Tiến",
    "Hải Đăng",
    "Sao Việt",
  ],
  currencyPerUsd: 25000,
  priceStep: 1000,
};

const zhHans: SampleVocabulary = {
  salesSheet: "销售",
  targetsSheet: "目标",
  headers: {
    date: "日期",
    order_id: "订单号",
    customer: "客户",
    salesperson: "销售员",
    region: "区域",
    product: "产品",
    category: "品类",
    margin_tier: "产品档次",
    new_product: "新品",
    quantity: "数量",
    unit_price: "单价",
    revenue: "销售额",
    cost: "成本",
    receivable: "应收",
    collected: "回款",
    bad_debt: "坏账",
    status: "状态",
    expense: "费用",
  },
  targetHeaders: { salesperson: "销售员", period: "期间" },
  salespeople: [
    { name: "王伟", region: 0 },
    { name: "李娜", region: 0 },
    { name: "张敏", region: 0 },
    { name: "刘洋", region: 1 },
    { name: "陈静", region: 1 },
    { name: "杨磊", region: 2 },
    { name: "赵丽", region: 2 },
    { name: "黄强", region: 2 },
  ],
  regions: ["华北", "华东", "华南"],
  products: [
    "纯生啤酒 330ml",
    "精酿IPA 500ml",
    "拉格啤酒 330ml",
    "拉格啤酒 500ml",
    "超爽啤酒 330ml",
    "超爽啤酒 500ml",
    "冷泡茶 330ml",
    "可乐 330ml",
    "柠檬汽水 330ml",
    "橙味汽水 330ml",
    "矿泉水 500ml",
    "矿物质水 1.5L",
  ],
  categories: ["啤酒", "饮料", "饮用水"],
  tiers: { premium: "高端", standard: "中端", economy: "低端" },
  statuses: { won: "成交", lost: "丢单", cancelled: "取消", open: "跟进中" },
  flag: { yes: "是", no: "否" },
  customerFirst: ["华联", "永辉", "好又多", "家乐", "百佳", "新华", "联华", "金源", "东方", "天天"],
  customerSecond: ["超市", "便利店", "酒楼", "餐厅", "商行", "批发部", "酒店", "食杂店", "百货", "经销部"],
  currencyPerUsd: 7,
  priceStep: 0.01,
};

const zhHant: SampleVocabulary = {
  salesSheet: "銷售",
  targetsSheet: "目標",
  headers: {
    date: "日期",
    order_id: "訂單號",
    customer: "客戶",
    salesperson: "銷售員",
    region: "區域",
    product: "產品",
    category: "品類",
    margin_tier: "產品檔次",
    new_product: "新品",
    quantity: "數量",
    unit_price: "單價",
    revenue: "銷售額",
    cost: "成本",
    receivable: "應收",
    collected: "回款",
    bad_debt: "壞賬",
    status: "狀態",
    expense: "費用",
  },
  targetHeaders: { salesperson: "銷售員", period: "期間" },
  salespeople: [
    { name: "王偉", region: 0 },
    { name: "李娜", region: 0 },
    { name: "張敏", region: 0 },
    { name: "劉洋", region: 1 },
    { name: "陳靜", region: 1 },
    { name: "楊磊", region: 2 },
    { name: "趙麗", region: 2 },
    { name: "黃強", region: 2 },
  ],
  regions: ["北區", "中區", "南區"],
  products: [
    "純生啤酒 330ml",
    "精釀IPA 500ml",
    "拉格啤酒 330ml",
    "拉格啤酒 500ml",
    "超爽啤酒 330ml",
    "超爽啤酒 500ml",
    "冷泡茶 330ml",
    "可樂 330ml",
    "檸檬汽水 330ml",
    "橙味汽水 330ml",
    "礦泉水 500ml",
    "礦物質水 1.5L",
  ],
  categories: ["啤酒", "飲料", "飲用水"],
  tiers: { premium: "高端", standard: "中端", economy: "低端" },
  statuses: { won: "成交", lost: "丟單", cancelled: "取消", open: "跟進中" },
  flag: { yes: "是", no: "否" },
  customerFirst: ["全聯", "頂好", "大潤發", "家樂", "惠康", "新光", "遠東", "金源", "東方", "天天"],
  customerSecond: ["超市", "便利店", "酒樓", "餐廳", "商行", "批發部", "酒店", "雜貨店", "百貨", "經銷部"],
  currencyPerUsd: 30,
  priceStep: 1,
};

export const SAMPLE_VOCABULARY: Record<Lang, SampleVocabulary> = { en, vi, "zh-Hans": zhHans, "zh-Hant": zhHant };
