import { fullAddress, parseAddress, rectAddress, rectContains } from "../../src/excel/a1";

describe("A1 addresses", () => {
  it("builds addresses, quoting sheet names that need it", () => {
    expect(rectAddress({ row: 0, column: 0, rowCount: 1, columnCount: 1 })).toBe("A1");
    // column 27 is AB; rows 2..1,048,576
    expect(rectAddress({ row: 1, column: 27, rowCount: 1048575, columnCount: 1 })).toBe("AB2:AB1048576");
    expect(fullAddress("KPI Bảng điểm", { row: 0, column: 0, rowCount: 2, columnCount: 3 })).toBe(
      "'KPI Bảng điểm'!A1:C2",
    );
    expect(fullAddress("O'Neil", { row: 0, column: 0, rowCount: 1, columnCount: 1 })).toBe("'O''Neil'!A1");
    expect(fullAddress("Data", { row: 4, column: 1, rowCount: 1, columnCount: 1 })).toBe("Data!B5");
  });
  it("parses what Excel returns in Range.address", () => {
    expect(parseAddress("'O''Neil'!$B$2:$XFD$1048576")).toEqual({
      sheet: "O'Neil",
      rect: { row: 1, column: 1, rowCount: 1048575, columnCount: 16383 },
    });
    expect(parseAddress("Data!C3")).toEqual({
      sheet: "Data",
      rect: { row: 2, column: 2, rowCount: 1, columnCount: 1 },
    });
    expect(parseAddress("not an address")).toBeNull();
  });
  it("round-trips any rectangle", () => {
    for (const rect of [
      { row: 0, column: 701, rowCount: 3, columnCount: 2 },
      { row: 99, column: 25, rowCount: 1, columnCount: 30 },
    ]) {
      expect(parseAddress(fullAddress("S 1", rect))).toEqual({ sheet: "S 1", rect });
    }
    expect(
      rectContains(
        { row: 0, column: 0, rowCount: 4, columnCount: 6 },
        { row: 3, column: 5, rowCount: 1, columnCount: 1 },
      ),
    ).toBe(true);
    expect(
      rectContains(
        { row: 0, column: 0, rowCount: 4, columnCount: 6 },
        { row: 4, column: 0, rowCount: 1, columnCount: 1 },
      ),
    ).toBe(false);
  });
});
