/** The pane's current language, as a product Lang, from the i18next instance in context. */
import { useTranslation } from "react-i18next";
import { LANGS, type Lang } from "../../engine/types";

export function useLang(): Lang {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (LANGS as readonly string[]).includes(lang) ? lang : "en";
}
