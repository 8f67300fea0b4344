/** One table of role and level words (engine ROLE_NAMES): the pane's labels and the workbook's level names read it. */
import { LANGS, ROLES } from "../../src/engine/types";
import { ROLE_NAMES } from "../../src/engine/messages";
import { createI18n } from "../../src/i18n";
import { LEVEL_WORDS } from "../../src/workbook/labels";

test.each(LANGS)("%s: the pane's role labels and the workbook's level names are the engine's role words", (lang) => {
  const i18n = createI18n(lang);
  for (const role of ROLES) expect([role, i18n.t(`role.${role}`)]).toEqual([role, ROLE_NAMES[role][lang]]);
  for (const level of Object.keys(LEVEL_WORDS).filter((l) => l !== "total"))
    expect([level, LEVEL_WORDS[level][lang]]).toEqual([level, ROLE_NAMES[level as keyof typeof ROLE_NAMES][lang]]);
});

test("the words chosen for the salesperson and the margin tier (one spelling everywhere)", () => {
  expect(ROLE_NAMES.salesperson).toMatchObject({
    vi: "Nhân viên kinh doanh",
    "zh-Hans": "销售员",
    "zh-Hant": "銷售員",
  });
  expect(ROLE_NAMES.margin_tier).toMatchObject({ "zh-Hans": "毛利档次", "zh-Hant": "毛利檔次" });
});
