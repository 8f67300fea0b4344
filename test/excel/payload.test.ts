import { bytesPerRow, cellJsonBytes, headRows, rowsPerBlock } from "../../src/excel/payload";

const utf8 = (text: string) => Buffer.byteLength(text, "utf8");

describe("payload estimates", () => {
  it("a cell's estimate matches its JSON size (plus the comma)", () => {
    for (const cell of [123, -4567, "abc", "Cửa hàng", "销售额", 'a"b', true, null]) {
      expect(cellJsonBytes(cell)).toBe(utf8(JSON.stringify(cell)) + 1);
    }
    expect(cellJsonBytes(0.1 + 0.2)).toBe(utf8(JSON.stringify(0.1 + 0.2)) + 1);
    expect(cellJsonBytes(false)).toBe(6);
  });
  it("a row's estimate is close to its JSON size", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `Customer ${i}`, "Doanh thu", i * 1.5]);
    const actual = utf8(JSON.stringify(rows)) / rows.length;
    expect(Math.abs(bytesPerRow(rows) - actual) / actual).toBeLessThan(0.05);
  });
  it("blocks stay under the byte budget and Excel's 5 million cells", () => {
    expect(rowsPerBlock(100, 10, 4_000_000)).toBe(40_000);
    // 1 byte per row would allow 4M rows, but 4M × 10 cells passes 4.5M cells
    expect(rowsPerBlock(1, 10, 4_000_000)).toBe(450_000);
    expect(rowsPerBlock(10_000_000, 10, 4_000_000)).toBe(1);
  });
  it("the rows read with the address are the budget at 256 bytes a row, within the sheet", () => {
    expect(headRows(4 * 1024 * 1024)).toBe(16_384); // 4,194,304 / 256
    expect(headRows(2_560)).toBe(10);
    expect(headRows(100)).toBe(1);
    expect(headRows(1e12)).toBe(1_048_576);
  });
});
