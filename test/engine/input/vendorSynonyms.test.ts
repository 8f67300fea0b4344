/** Header words of the software users export from (issue 14, item 7): each export's columns map to their roles. */
import { detectColumns } from "../../../src/engine/roles";
import type { Role } from "../../../src/engine/types";

function roles(headers: string[]): Record<string, Role> {
  const table = { sheet: "S", headers, rows: [], firstRow: 2 };
  return Object.fromEntries(detectColumns(table).map((d) => [d.header, d.role]));
}

test.each<[string, Record<string, Role>]>([
  [
    "MISA",
    {
      "Ngày hạch toán": "date",
      "Tên khách hàng": "customer",
      "Nhân viên bán hàng": "salesperson",
      "Doanh số bán": "revenue",
      "Giá vốn hàng bán": "cost",
      "Số đã thu": "collected",
    },
  ],
  [
    "Fast",
    {
      "Ngày ct": "date",
      "Số ct": "order_id",
      "Tên khách": "customer",
      "Tên NVBH": "salesperson",
      "Tên vật tư": "product",
      "Tiền hàng": "revenue",
    },
  ],
  [
    "Kingdee",
    {
      日期: "date",
      单据编号: "order_id",
      客户名称: "customer",
      销售员: "salesperson",
      物料名称: "product",
      销售数量: "quantity",
      价税合计: "revenue",
    },
  ],
  [
    "Yonyou",
    { 单据日期: "date", 客户简称: "customer", 业务员: "salesperson", 存货名称: "product", 无税金额: "revenue" },
  ],
  [
    "Digiwin",
    {
      銷貨日期: "date",
      銷貨單號: "order_id",
      客戶簡稱: "customer",
      業務人員: "salesperson",
      品名: "product",
      未稅金額: "revenue",
      應收帳款: "receivable",
    },
  ],
  [
    "Taiwan/HK",
    { 日期: "date", 業務員: "salesperson", 客戶名稱: "customer", 營業額: "revenue", 呆帳: "bad_debt", 地區: "region" },
  ],
  [
    "SAP Business One",
    {
      "Posting Date": "date",
      "Document Number": "order_id",
      "Customer/Vendor Name": "customer",
      "Sales Employee": "salesperson",
      "Item Description": "product",
      "Row Total": "revenue",
      "Gross Profit": "profit",
    },
  ],
  [
    "QuickBooks",
    {
      Date: "date",
      Num: "order_id",
      Customer: "customer",
      "Product/Service": "product",
      Qty: "quantity",
      "Sales Price": "unit_price",
      Amount: "revenue",
    },
  ],
  [
    "Xero",
    {
      ContactName: "customer",
      InvoiceNumber: "order_id",
      InvoiceDate: "date",
      Quantity: "quantity",
      UnitAmount: "unit_price",
      LineAmount: "revenue",
    },
  ],
  [
    "Odoo",
    {
      "Order Reference": "order_id",
      "Order Date": "date",
      Customer: "customer",
      Salesperson: "salesperson",
      "Untaxed Amount": "revenue",
    },
  ],
  [
    "Salesforce",
    {
      "Opportunity Name": "order_id",
      "Account Name": "customer",
      "Opportunity Owner": "salesperson",
      Amount: "revenue",
      "Close Date": "date",
      Stage: "status",
    },
  ],
  [
    "HubSpot",
    {
      "Deal Name": "order_id",
      "Deal Stage": "status",
      "Close Date": "date",
      Amount: "revenue",
      "Deal owner": "salesperson",
    },
  ],
  [
    "Shopify",
    {
      "Created at": "date",
      "Billing Name": "customer",
      "Lineitem quantity": "quantity",
      "Lineitem price": "unit_price",
      "Lineitem name": "product",
      "Financial Status": "status",
    },
  ],
])("%s export columns map to their roles", (_vendor, expected) => {
  expect(roles(Object.keys(expected))).toEqual(expected);
});
