/**
 * Header words for each column role, in English, Vietnamese (with diacritics; headers are
 * matched after folding, so "Khach hang" matches too), Simplified and Traditional Chinese.
 * Compare with foldHeader (normaliseHeader.ts), never with raw text.
 */
import type { Role } from "../types";

export const ROLE_SYNONYMS: Record<Role, string[]> = {
  date: [
    "date", "order date", "invoice date", "transaction date", "sales date", "posting date", "document date",
    "ngày", "ngày bán", "ngày hóa đơn", "ngày hoá đơn", "ngày chứng từ", "ngày đặt hàng", "ngày giao dịch", "ngày hđ", "ngày ct",
    "日期", "订单日期", "訂單日期", "开票日期", "開票日期", "销售日期", "銷售日期", "交易日期", "单据日期", "單據日期",
  ],
  order_id: [
    "order", "order id", "order no", "order number", "invoice", "invoice no", "invoice number", "invoice id", "document no",
    "số đơn hàng", "mã đơn", "mã đơn hàng", "số hóa đơn", "số hoá đơn", "số hđ", "mã hđ", "số chứng từ", "số ct",
    "订单号", "訂單號", "订单编号", "訂單編號", "单号", "單號", "发票号", "發票號", "单据号", "單據號",
  ],
  customer: [
    "customer", "client", "customer name", "customer id", "account", "buyer",
    "khách hàng", "tên khách hàng", "mã khách hàng", "tên kh", "mã kh", "kh",
    "客户", "客戶", "客户名称", "客戶名稱", "客户编号", "客戶編號", "客户代码", "客戶代碼",
  ],
  salesperson: [
    "salesperson", "sales rep", "rep", "sales representative", "seller", "account manager", "salesman", "sales person", "owner",
    "nhân viên", "nhân viên kinh doanh", "nhân viên bán hàng", "nvkd", "nvbh", "tên nhân viên",
    "销售员", "銷售員", "业务员", "業務員", "销售代表", "銷售代表", "销售人员", "銷售人員",
  ],
  region: [
    "region", "area", "territory", "zone", "sales region",
    "khu vực", "vùng", "miền", "địa bàn",
    "区域", "區域", "大区", "大區", "地区", "地區", "片区", "片區",
  ],
  product: [
    "product", "item", "sku", "product name", "item name", "product code",
    "sản phẩm", "mặt hàng", "tên hàng", "tên sản phẩm", "mã hàng", "tên mặt hàng",
    "产品", "產品", "商品", "产品名称", "產品名稱", "商品名称", "商品名稱", "品名",
  ],
  category: [
    "category", "product group", "product category", "product line",
    "nhóm hàng", "ngành hàng", "loại", "nhóm sản phẩm", "loại hàng",
    "类别", "類別", "品类", "品類", "产品类别", "產品類別",
  ],
  margin_tier: [
    "tier", "margin tier", "product tier", "price tier", "segment",
    "phân khúc", "dòng sản phẩm", "phân khúc giá",
    "档次", "檔次", "产品档次", "產品檔次", "产品等级", "產品等級",
  ],
  new_product: [
    "new product", "is new", "new", "new item",
    "sản phẩm mới", "hàng mới", "sp mới", "mới",
    "新品", "是否新品", "新产品", "新產品",
  ],
  quantity: [
    "quantity", "qty", "units", "cases", "volume", "pieces",
    "số lượng", "sl", "sản lượng", "số thùng",
    "数量", "數量", "销量", "銷量", "箱数", "箱數", "件数", "件數",
  ],
  unit_price: [
    "unit price", "price", "selling price", "list price",
    "đơn giá", "giá", "giá bán",
    "单价", "單價", "售价", "售價",
  ],
  revenue: [
    "revenue", "net sales", "sales", "amount", "sales amount", "net revenue", "turnover", "total", "line total",
    "doanh thu", "doanh số", "thành tiền", "doanh thu thuần", "tổng tiền", "số tiền",
    "销售额", "銷售額", "销售收入", "銷售收入", "金额", "金額", "营业收入", "營業收入", "销售金额", "銷售金額", "收入",
  ],
  cost: [
    "cost", "cogs", "cost of goods sold", "cost of sales", "total cost",
    "giá vốn", "giá vốn hàng bán", "gvhb", "chi phí giá vốn",
    "成本", "销售成本", "銷售成本", "营业成本", "營業成本",
  ],
  profit: [
    "profit", "gross profit", "margin", "gross margin",
    "lợi nhuận", "lãi gộp", "lợi nhuận gộp", "lãi",
    "毛利", "利润", "利潤", "毛利额", "毛利額",
  ],
  receivable: [
    "receivable", "receivables", "amount due", "accounts receivable", "ar",
    "phải thu", "công nợ phải thu", "công nợ", "số phải thu",
    "应收", "應收", "应收账款", "應收帳款", "應收賬款", "应收金额", "應收金額",
  ],
  collected: [
    "collected", "collections", "cash received", "amount collected", "payment received", "paid",
    "đã thu", "thực thu", "tiền đã thu", "số đã thu", "đã thanh toán",
    "回款", "回款金额", "回款金額", "实收", "實收", "已收款", "实收金额", "實收金額",
  ],
  bad_debt: [
    "bad debt", "write-off", "write off", "written off", "bad debts",
    "nợ xấu", "nợ khó đòi", "xóa nợ", "xoá nợ",
    "坏账", "壞賬", "壞帳", "坏账金额", "壞帳金額", "呆账", "呆帳",
  ],
  status: [
    "status", "deal status", "stage", "order status", "outcome",
    "trạng thái", "tình trạng", "kết quả",
    "状态", "狀態", "订单状态", "訂單狀態", "交易状态", "交易狀態",
  ],
  expense: [
    "expense", "expenses", "sales expense", "selling expense", "cost of selling",
    "chi phí", "chi phí bán hàng", "cpbh",
    "费用", "費用", "销售费用", "銷售費用",
  ],
  currency: [
    "currency", "ccy", "currency code",
    "tiền tệ", "loại tiền", "đơn vị tiền tệ",
    "币种", "幣種", "货币", "貨幣", "币别", "幣別",
  ],
};
