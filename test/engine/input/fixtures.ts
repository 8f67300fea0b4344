import type { RawCell, SourceTable } from "../../../src/engine/types";

/** A source table whose header is on sheet row 1, so rows[0] is sheet row 2. */
export function table(headers: string[], rows: RawCell[][] = [], sheet = "Sales"): SourceTable {
  return { sheet, headers, rows, firstRow: 2 };
}

export const ENGLISH_HEADERS = ["Order date", "Invoice no", "Customer", "Sales rep", "Region", "Product", "Category", "Tier", "New product", "Qty", "Unit price", "Net sales", "COGS", "Receivable", "Collected", "Bad debt", "Status", "Sales expense", "Currency"];
export const VIETNAMESE_HEADERS = ["Ngày", "Số HĐ", "Khách hàng", "NVKD", "Khu vực", "Mặt hàng", "Phân khúc", "Số lượng", "Đơn giá", "Doanh thu", "Giá vốn", "Phải thu", "Đã thu", "Nợ xấu"];
export const SIMPLIFIED_HEADERS = ["订单日期", "订单号", "客户名称", "销售员", "大区", "产品", "品类", "产品档次", "是否新品", "数量", "单价", "销售额（元）", "销售成本", "应收账款", "回款金额", "坏账", "状态", "销售费用", "币种"];
export const TRADITIONAL_HEADERS = ["訂單日期", "訂單號", "客戶名稱", "業務員", "區域", "產品", "類別", "產品檔次", "是否新品", "數量", "單價", "銷售額（元）", "銷售成本", "應收帳款", "回款金額", "壞帳", "狀態", "銷售費用", "幣種"];
