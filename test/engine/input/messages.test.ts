import { DEAL_STATUS_NAMES, NOTE_MESSAGES, STATUS_NAMES, noteMessage } from "../../../src/engine/messages";
import { DEAL_STATUSES, LANGS, type NoteKind } from "../../../src/engine/types";

const KINDS = Object.keys(NOTE_MESSAGES) as NoteKind[];

describe("messages", () => {
  test("every note kind has a distinct text in each language, Simplified and Traditional differing", () => {
    expect(KINDS.length).toBeGreaterThanOrEqual(17);
    expect(KINDS).toEqual(expect.arrayContaining(["text_encoding", "date_system_1904", "formula_without_value"]));
    for (const kind of KINDS) {
      for (const lang of LANGS) expect(noteMessage(kind, lang).length).toBeGreaterThan(3);
      expect(noteMessage(kind, "zh-Hans")).not.toBe(noteMessage(kind, "zh-Hant"));
      expect(noteMessage(kind, "vi")).not.toBe(noteMessage(kind, "en"));
    }
  });

  test("noteMessage picks the language", () => {
    expect(noteMessage("not_a_number", "en")).toMatch(/not a number/i);
    expect(noteMessage("not_a_number", "vi")).toMatch(/không phải là số/i);
    expect(noteMessage("not_a_number", "zh-Hans")).toContain("数字");
    expect(noteMessage("not_a_number", "zh-Hant")).toContain("數字");
  });

  test("scorecard and deal statuses are named in every language", () => {
    for (const status of ["met", "at_risk", "missed", "no_data"])
      for (const lang of LANGS) expect(STATUS_NAMES[status][lang]).toBeTruthy();
    for (const status of DEAL_STATUSES) for (const lang of LANGS) expect(DEAL_STATUS_NAMES[status][lang]).toBeTruthy();
    expect(STATUS_NAMES.missed.vi).toBe("Không đạt");
  });
});
