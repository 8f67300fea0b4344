import { detectColumns, resolveMapping, rolesMissingFor, ROLE_SYNONYMS } from "../../../src/engine/roles";
import { ROLES, type ColumnMapping, type RawCell } from "../../../src/engine/types";
import { ENGLISH_HEADERS, SIMPLIFIED_HEADERS, TRADITIONAL_HEADERS, VIETNAMESE_HEADERS, table } from "./fixtures";

function mappingOf(headers: string[], rows: RawCell[][] = []): ColumnMapping {
  const detections = detectColumns(table(headers, rows));
  return resolveMapping(headers, detections).mapping;
}

const FULL_MAPPING: ColumnMapping = {
  date: 0,
  order_id: 1,
  customer: 2,
  salesperson: 3,
  region: 4,
  product: 5,
  category: 6,
  margin_tier: 7,
  new_product: 8,
  quantity: 9,
  unit_price: 10,
  revenue: 11,
  cost: 12,
  receivable: 13,
  collected: 14,
  bad_debt: 15,
  status: 16,
  expense: 17,
  currency: 18,
};

describe("detectColumns from headers", () => {
  test("a full English sales export", () => {
    expect(mappingOf(ENGLISH_HEADERS)).toEqual(FULL_MAPPING);
  });

  test("a Vietnamese export", () => {
    expect(mappingOf(VIETNAMESE_HEADERS)).toEqual({
      date: 0,
      order_id: 1,
      customer: 2,
      salesperson: 3,
      region: 4,
      product: 5,
      margin_tier: 6,
      quantity: 7,
      unit_price: 8,
      revenue: 9,
      cost: 10,
      receivable: 11,
      collected: 12,
      bad_debt: 13,
    });
  });

  test("Vietnamese headers typed without diacritics", () => {
    const plain = [
      "Ngay",
      "So HD",
      "Khach hang",
      "NVKD",
      "Khu vuc",
      "Mat hang",
      "Phan khuc",
      "So luong",
      "Don gia",
      "Doanh thu",
      "Gia von",
      "Phai thu",
      "Da thu",
      "No xau",
    ];
    expect(mappingOf(plain)).toEqual(mappingOf(VIETNAMESE_HEADERS));
  });

  test("a Simplified Chinese export, with units in full-width brackets", () => {
    expect(mappingOf(SIMPLIFIED_HEADERS)).toEqual(FULL_MAPPING);
  });

  test("a Traditional Chinese export", () => {
    expect(mappingOf(TRADITIONAL_HEADERS)).toEqual(FULL_MAPPING);
  });

  test("exact matches score 0.95 and partial matches 0.75", () => {
    const found = detectColumns(table(["Doanh thu (VND)", "Tổng doanh thu tháng"]));
    expect(found).toEqual([
      { role: "revenue", column: 0, header: "Doanh thu (VND)", confidence: 0.95, source: "header" },
    ]);
    const partial = detectColumns(table(["Tổng doanh thu tháng"]));
    expect(partial).toEqual([
      { role: "revenue", column: 0, header: "Tổng doanh thu tháng", confidence: 0.75, source: "header" },
    ]);
  });

  test("the more specific synonym wins, and the better column keeps a contested role", () => {
    // "Giá vốn hàng bán" contains both "giá" (unit price) and "giá vốn" (cost): cost is more specific.
    expect(mappingOf(["Giá vốn hàng bán"])).toEqual({ cost: 0 });
    // English head word last, Vietnamese head word first.
    expect(mappingOf(["Invoice amount"])).toEqual({ revenue: 0 });
    expect(mappingOf(["Ngày thu tiền"])).toEqual({ date: 0 });
    // "Ngày" is exact (0.95), "Ngày thu tiền" partial (0.75): the date role goes to "Ngày" only.
    expect(mappingOf(["Ngày thu tiền", "Ngày", "Doanh thu"])).toEqual({ date: 1, revenue: 2 });
  });

  test("a satisfaction score column in any of the four languages, beside a customer column", () => {
    for (const header of [
      "Satisfaction",
      "CSAT",
      "Customer satisfaction",
      "Mức độ hài lòng",
      "Diem hai long",
      "满意度",
      "客户满意度",
      "滿意度",
      "客戶滿意度",
    ]) {
      expect([header, mappingOf(["Customer", header])]).toEqual([header, { customer: 0, satisfaction: 1 }]);
    }
  });

  test("unknown columns are left alone, numbers alone say nothing", () => {
    const rows = [
      [1200, "a"],
      [3400, "b"],
      [99, "c"],
    ];
    expect(detectColumns(table(["Ghi chú", "备注"], rows))).toEqual([]);
  });

  test("a partial header match contradicted by its values is dropped", () => {
    const words = Array.from({ length: 6 }, (_, i) => [`note ${i}`]);
    expect(detectColumns(table(["Revenue remarks"], words))).toEqual([]);
    const numbers = Array.from({ length: 6 }, (_, i) => [i * 100]);
    expect(mappingOf(["Revenue remarks"], numbers)).toEqual({ revenue: 0 });
  });
});

describe("detectColumns from values", () => {
  test("a column of text dates under an unknown header is a date at 0.6", () => {
    const rows = [
      ["15/03/2026", 10],
      ["16/03/2026", 20],
      ["2026-03-17", 30],
    ];
    expect(detectColumns(table(["Col A", "Col B"], rows))).toEqual([
      { role: "date", column: 0, header: "Col A", confidence: 0.6, source: "values" },
    ]);
  });

  test("a column of date serials under an unknown header is a date at 0.5", () => {
    const rows = [
      [46096, 10],
      [46097, 20],
    ];
    expect(detectColumns(table(["X", "Y"], rows))).toEqual([
      { role: "date", column: 0, header: "X", confidence: 0.5, source: "values" },
    ]);
  });

  test("a header date beats a value date", () => {
    const rows = [["15/03/2026", 46096]];
    expect(mappingOf(["Col A", "Ngày bán"], rows)).toEqual({ date: 1 });
  });

  test("statuses, currency codes and yes/no flags under unknown headers", () => {
    const rows = [
      ["won", "VND", "x"],
      ["Thất bại", "USD", ""],
      ["进行中", "vnd", "x"],
    ];
    expect(mappingOf(["A", "B", "C"], rows)).toEqual({ status: 0, currency: 1, new_product: 2 });
  });
});

describe("resolveMapping", () => {
  const headers = VIETNAMESE_HEADERS;
  const detections = detectColumns(table(headers));

  test("overrides by header text (folded) and by column index", () => {
    const { mapping, errors } = resolveMapping(headers, detections, { revenue: "doanh thu", cost: 11 });
    expect(errors).toEqual([]);
    expect(mapping.revenue).toBe(9);
    expect(mapping.cost).toBe(11);
    // column 11 ("Phải thu") was receivable by detection: the user's choice takes it away
    expect(mapping.receivable).toBeUndefined();
  });

  test("null removes a role", () => {
    const { mapping, detections: after } = resolveMapping(headers, detections, { bad_debt: null });
    expect(mapping.bad_debt).toBeUndefined();
    expect(after.some((d) => d.role === "bad_debt")).toBe(false);
  });

  test("two roles the user maps to one column both keep it", () => {
    const { mapping } = resolveMapping(headers, detections, { margin_tier: "Mặt hàng", product: "Mặt hàng" });
    expect(mapping.margin_tier).toBe(5);
    expect(mapping.product).toBe(5);
  });

  test("user detections are marked with source user and confidence 1", () => {
    const { detections: after } = resolveMapping(headers, detections, { status: "Nợ xấu" });
    expect(after.find((d) => d.role === "status")).toEqual({
      role: "status",
      column: 13,
      header: "Nợ xấu",
      confidence: 1,
      source: "user",
    });
  });

  test("an unknown header gives a message naming it and listing the headers seen", () => {
    const { mapping, errors } = resolveMapping(headers, detections, { revenue: "Sales total" });
    expect(mapping.revenue).toBe(9); // the detected column is kept
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"Sales total"');
    expect(errors[0]).toContain('"revenue"');
    expect(errors[0]).toContain('"Ngày", "Số HĐ", "Khách hàng"');
  });

  test("an index out of range is an error", () => {
    const { errors } = resolveMapping(headers, detections, { revenue: 40 });
    expect(errors[0]).toMatch(/Column 41 for role "revenue" does not exist: the table has 14 columns/);
  });
});

describe("rolesMissingFor", () => {
  test("lists required roles the mapping lacks", () => {
    expect(rolesMissingFor(["date", "revenue", "customer"], { date: 0, revenue: 1 })).toEqual(["customer"]);
  });
  test("revenue can come from quantity × unit price, cost from profit", () => {
    expect(rolesMissingFor(["revenue", "cost"], { quantity: 0, unit_price: 1, profit: 2 })).toEqual([]);
    expect(rolesMissingFor(["revenue", "cost"], { quantity: 0 })).toEqual(["revenue", "cost"]);
  });
});

describe("ROLE_SYNONYMS", () => {
  test("every role has synonyms in English, Vietnamese and Chinese", () => {
    for (const role of ROLES) {
      const words = ROLE_SYNONYMS[role];
      expect(words.some((w) => /^[a-z -]+$/i.test(w))).toBe(true);
      expect(words.some((w) => /[à-ỹđ]/i.test(w))).toBe(true);
      expect(words.some((w) => /[\u4e00-\u9fff]/.test(w))).toBe(true);
    }
  });
});
