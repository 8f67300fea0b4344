import { cellText, parseFlag, parseStatus } from "../../../src/engine/values";

describe("parseFlag", () => {
  test.each(["yes", "Y", "true", "1", "x", "X", "mới", "Mới", "moi", "new", "新品", "新", "是", "có", "Có"])(
    "%s is yes",
    (raw) => {
      expect(parseFlag(raw)).toEqual({ kind: "value", value: true });
    },
  );
  test.each(["no", "N", "false", "0", "không", "Khong", "否"])("%s is no", (raw) => {
    expect(parseFlag(raw)).toEqual({ kind: "value", value: false });
  });
  test("booleans and 1/0 numbers", () => {
    expect(parseFlag(true)).toEqual({ kind: "value", value: true });
    expect(parseFlag(false)).toEqual({ kind: "value", value: false });
    expect(parseFlag(1)).toEqual({ kind: "value", value: true });
    expect(parseFlag(0)).toEqual({ kind: "value", value: false });
  });
  test("blank stays blank; other values are not flags", () => {
    expect(parseFlag("")).toEqual({ kind: "blank" });
    expect(parseFlag(null)).toEqual({ kind: "blank" });
    expect(parseFlag("maybe")).toMatchObject({ kind: "error", note: "not_a_flag" });
    expect(parseFlag(2)).toMatchObject({ kind: "error", note: "not_a_flag" });
    expect(parseFlag("#N/A")).toMatchObject({ kind: "error", note: "error_value" });
  });
});

describe("parseStatus", () => {
  const cases: Array<[string, string]> = [
    ["won", "won"],
    ["Closed Won", "won"],
    ["closed-won", "won"],
    ["WIN", "won"],
    ["Thành công", "won"],
    ["chốt", "won"],
    ["Đã chốt", "won"],
    ["da chot", "won"],
    ["成交", "won"],
    ["赢单", "won"],
    ["贏單", "won"],
    ["已成交", "won"],
    ["lost", "lost"],
    ["Thất bại", "lost"],
    ["mất", "lost"],
    ["丢单", "lost"],
    ["丟單", "lost"],
    ["输单", "lost"],
    ["輸單", "lost"],
    ["失败", "lost"],
    ["失敗", "lost"],
    ["cancelled", "cancelled"],
    ["Canceled", "cancelled"],
    ["hủy", "cancelled"],
    ["huỷ", "cancelled"],
    ["Đã hủy", "cancelled"],
    ["取消", "cancelled"],
    ["已取消", "cancelled"],
    ["open", "open"],
    ["Pending", "open"],
    ["Đang xử lý", "open"],
    ["đang mở", "open"],
    ["进行中", "open"],
    ["進行中", "open"],
    ["跟进中", "open"],
    ["跟進中", "open"],
  ];
  test.each(cases)("%s → %s", (raw, status) => {
    expect(parseStatus(raw)).toEqual({ kind: "value", value: status });
  });
  test("unknown text, numbers and booleans are unknown_status; blank is blank", () => {
    expect(parseStatus("maybe later")).toMatchObject({ kind: "error", note: "unknown_status" });
    expect(parseStatus(3)).toMatchObject({ kind: "error", note: "unknown_status" });
    expect(parseStatus(true)).toMatchObject({ kind: "error", note: "unknown_status" });
    expect(parseStatus(" ")).toEqual({ kind: "blank" });
  });
});

describe("cellText", () => {
  test("shows the raw value as text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText(1001)).toBe("1001");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(" abc ")).toBe(" abc ");
  });
});
