import { TOTAL_KEYS, TOTAL_WORDS, totalWordIn } from "../../../src/engine/layout";

const spellings = (word: string): string[] => [
  word,
  word.toUpperCase(),
  word.normalize("NFD"),
  word.toUpperCase().normalize("NFD"),
  `${word}:`,
  `  ${word[0].toUpperCase()}${word.slice(1)} `,
];

describe("total words", () => {
  test("every total word holds one of the keys the first look tests for", () => {
    for (const word of TOTAL_WORDS) expect([word, TOTAL_KEYS.test(word)]).toEqual([word, true]);
  });

  test.each(TOTAL_WORDS)("%s is found however it is cased or composed", (word) => {
    // A Chinese word may be found by the shorter word inside it (总合计 → 合计): a total either way.
    for (const text of spellings(word)) expect([text, totalWordIn(text) !== null]).toEqual([text, true]);
  });

  test("labels with a total word inside are found; names that only look like one are not", () => {
    expect(totalWordIn("Total North")).toBe("total");
    expect(totalWordIn("TỔNG CỘNG NHÓM A")).toBe("tổng cộng");
    expect(totalWordIn("Alice Total")).toBe("total");
    expect(totalWordIn("小計：北區")).toBe("小計");
    expect(totalWordIn("Tổng công ty Điện lực")).toBeNull();
    expect(totalWordIn("Summit Ltd")).toBeNull();
    expect(totalWordIn("Nguyễn Văn Hùng")).toBeNull();
  });
});
