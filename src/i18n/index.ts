/**
 * i18next setup for the task pane: one instance per pane, the four product languages,
 * resources bundled (no network fetch inside Office).
 */
import i18next, { type i18n as I18n } from "i18next";
import { NUMBER_LOCALES, ROLE_NAMES } from "../engine/messages";
import type { Lang, Role } from "../engine/types";
import en from "./locales/en.json";
import vi from "./locales/vi.json";
import zhHans from "./locales/zh-Hans.json";
import zhHant from "./locales/zh-Hant.json";

export type Messages = typeof en & { role: Record<Role, string> };

/** The locale files, with `role.*` from the engine's one table of role words (ROLE_NAMES). */
export const LOCALE_MESSAGES: Record<Lang, Messages> = {
  en: withRoleWords(en, "en"),
  vi: withRoleWords(vi, "vi"),
  "zh-Hans": withRoleWords(zhHans, "zh-Hans"),
  "zh-Hant": withRoleWords(zhHant, "zh-Hant"),
};

/** Each language named in itself, for the language switch. */
export const LANG_NATIVE_NAMES: Record<Lang, string> = {
  en: "English",
  vi: "Tiếng Việt",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
};

/** BCP 47 tag used for Intl formatting of numbers and dates in each language: the engine's, so the pane and the workbook texts agree. */
export const LANG_LOCALE: Record<Lang, string> = NUMBER_LOCALES;

/**
 * Office.context.displayLanguage ("vi-VN", "zh-TW", ...) to a product language.
 * Chinese script follows the region: Taiwan, Hong Kong and Macau read Traditional.
 */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  const tag = (displayLanguage ?? "").trim().toLowerCase();
  if (tag === "vi" || tag.startsWith("vi-")) return "vi";
  if (tag.startsWith("zh")) {
    if (tag.includes("hant") || /-(tw|hk|mo)\b/.test(tag)) return "zh-Hant";
    return "zh-Hans";
  }
  return "en";
}

/** A ready i18next instance in `lang` with all four languages loaded (switching needs no I/O). */
export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: false,
    resources: {
      en: { translation: LOCALE_MESSAGES.en },
      vi: { translation: LOCALE_MESSAGES.vi },
      "zh-Hans": { translation: LOCALE_MESSAGES["zh-Hans"] },
      "zh-Hant": { translation: LOCALE_MESSAGES["zh-Hant"] },
    },
    initImmediate: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** `role.*` comes from the engine's one table of role words (ROLE_NAMES), not from the locale files. */
function withRoleWords(messages: typeof en, lang: Lang): Messages {
  const role = Object.fromEntries(Object.entries(ROLE_NAMES).map(([r, words]) => [r, words[lang]])) as Record<
    Role,
    string
  >;
  return { ...messages, role };
}
