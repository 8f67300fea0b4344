/** Encoding and delimiter detection on the short files where chardet alone guesses wrong. */
import iconv from "iconv-lite";
import { encode1258 } from "../fixtures/real-world/files/buildFiles";
import { decodeSample, detectDelimiterIn, detectEncoding } from "../../src/xlsx/textEncoding";

const short = {
  "zh-Hans": "日期,销售员,客户,销售额\r\n2026-01-05,王伟,华联超市,1200\r\n",
  "zh-Hant": "日期,業務員,客戶,銷售額\r\n2026-01-05,陳志明,全聯,1200\r\n",
  vi: "Ngày,Nhân viên kinh doanh,Khách hàng,Doanh thu\r\n05/01/2026,Nguyễn Văn Hải,Tạp hóa Minh Anh,1200\r\n",
};

describe("detectEncoding on a two-line file", () => {
  test.each([
    ["GB18030", iconv.encode(short["zh-Hans"], "gb18030"), "gb18030", short["zh-Hans"]],
    ["Big5", iconv.encode(short["zh-Hant"], "big5"), "big5", short["zh-Hant"]],
    ["Windows-1258 (combining tone marks)", encode1258(short.vi), "windows-1258", short.vi],
    ["UTF-8 without BOM", Buffer.from(short.vi), "utf-8", short.vi],
    ["UTF-16 LE without BOM", iconv.encode(short.vi, "utf-16le"), "utf-16le", short.vi],
  ])("%s", (_name, bytes, encoding, text) => {
    const choice = detectEncoding(bytes, true);
    expect(choice.encoding).toBe(encoding);
    expect(decodeSample(bytes, choice.encoding)).toBe(text.normalize("NFC"));
  });

  test("a BOM decides", () => {
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]), true)).toEqual({
      encoding: "utf-16le",
      reason: "byte order mark",
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]), true)).toEqual({
      encoding: "utf-16be",
      reason: "byte order mark",
    });
  });
});

describe("detectDelimiterIn", () => {
  test.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1,5;2,5;3\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ["a|b|c\n1|2|3\n", "|"],
    ['"x, y";b;c\n"1,2";2;3\n', ";"], // commas in quotes do not count
  ])("%j → %j", (text, delimiter) => {
    expect(detectDelimiterIn(text)).toBe(delimiter);
  });
});
