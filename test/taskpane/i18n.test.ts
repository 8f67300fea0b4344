import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { LANGS, ROLES } from "../../src/engine/types";
import { createI18n, langFromDisplayLanguage, LOCALE_MESSAGES } from "../../src/i18n";
import { formatNumber, formatPercent } from "../../src/i18n/format";

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → value, for every leaf of a locale file. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const root = join(__dirname, "../..");
const codeFiles = [...sourceFiles(join(root, "src/taskpane")), ...sourceFiles(join(root, "src/commands"))];
const en = leaves(LOCALE_MESSAGES.en as unknown as Tree);

/** Keys in t(…) calls: string literals in the first argument (so ternaries count), and `prefix.${…}` templates. */
function keysInCode(): { literal: Set<string>; prefixes: Set<string> } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of codeFiles) {
    const text = readFileSync(file, "utf8");
    for (const call of text.matchAll(/\bt\(([^,)]*)/g)) {
      for (const lit of call[1].matchAll(/"([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)"/g)) literal.add(lit[1]);
      const dynamic = call[1].match(/`([a-zA-Z_.]+)\.\$\{/);
      if (dynamic) prefixes.add(dynamic[1]);
    }
  }
  return { literal, prefixes };
}

describe("locale files", () => {
  test.each(LANGS.filter((l) => l !== "en"))("%s has every English key, none empty, and no extra key", (lang) => {
    const messages = leaves(LOCALE_MESSAGES[lang] as unknown as Tree);
    const missing = [...en.keys()].filter((k) => !messages.has(k));
    const empty = [...messages].filter(([, v]) => v.trim() === "").map(([k]) => k);
    const extra = [...messages.keys()].filter((k) => !en.has(k));
    expect({ missing, empty, extra }).toEqual({ missing: [], empty: [], extra: [] });
  });

  test("English has no empty message", () => {
    expect([...en].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  test.each(LANGS)("%s keeps every {{placeholder}} of the English message", (lang) => {
    const messages = leaves(LOCALE_MESSAGES[lang] as unknown as Tree);
    const wrong = [...en]
      .filter(([key, text]) => {
        const want = (text.match(/\{\{\w+\}\}/g) ?? []).sort().join();
        const got = (messages.get(key)?.match(/\{\{\w+\}\}/g) ?? []).sort().join();
        return want !== got;
      })
      .map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  test("every key used in the task pane code exists", () => {
    const { literal, prefixes } = keysInCode();
    expect(literal.size).toBeGreaterThan(100); // the scan really finds the pane's keys
    expect([...literal].filter((k) => !en.has(k))).toEqual([]);
    const missingPrefixes = [...prefixes].filter((p) => ![...en.keys()].some((k) => k.startsWith(p + ".")));
    expect(missingPrefixes).toEqual([]);
  });

  test("every role has a label (the Columns step builds role.<role> keys)", () => {
    expect(ROLES.filter((r) => !en.has(`role.${r}`))).toEqual([]);
  });

  test("Simplified and Traditional Chinese are different texts, not copies", () => {
    const hans = leaves(LOCALE_MESSAGES["zh-Hans"] as unknown as Tree);
    const hant = leaves(LOCALE_MESSAGES["zh-Hant"] as unknown as Tree);
    const same = [...hans].filter(([k, v]) => /[\u4e00-\u9fff]/.test(v) && hant.get(k) === v).length;
    const chinese = [...hans].filter(([, v]) => /[\u4e00-\u9fff]/.test(v)).length;
    expect(same / chinese).toBeLessThan(0.25);
  });
});

describe("language choice", () => {
  test.each([
    ["vi-VN", "vi"],
    ["vi", "vi"],
    ["zh-CN", "zh-Hans"],
    ["zh-SG", "zh-Hans"],
    ["zh-Hans-CN", "zh-Hans"],
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-MO", "zh-Hant"],
    ["zh-Hant", "zh-Hant"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("display language %p → %s", (display, lang) => {
    expect(langFromDisplayLanguage(display)).toBe(lang);
  });

  test("the i18next instance switches language without loading anything", async () => {
    const i18n = createI18n("en");
    expect(i18n.t("apply.button")).toBe("Apply to workbook");
    await i18n.changeLanguage("zh-Hant");
    expect(i18n.t("apply.button")).toBe("套用到活頁簿");
    expect(i18n.t("apply.rows", { done: "5", total: "9" })).toBe("5 / 9 列");
  });
});

describe("numbers and percentages in the chosen locale", () => {
  test("thousands and decimal separators follow the language", () => {
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumber(1234567.5, "vi")).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "zh-Hans")).toBe("1,234,567.5");
  });

  test("percentages: 0.953 → 95.3% / 95,3%", () => {
    expect(formatPercent(0.953, "en")).toBe("95.3%");
    expect(formatPercent(0.953, "vi")).toBe("95,3%");
  });
});
