/** Pane title and the language switch. */
import { makeStyles, Select, Field, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { LANGS, type Lang } from "../../engine/types";
import { LANG_NATIVE_NAMES } from "../../i18n";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  language: { minWidth: "120px" },
});

export interface HeaderProps {
  lang: Lang;
  onLanguageChange: (lang: Lang) => void;
}

export function Header({ lang, onLanguageChange }: HeaderProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold">
        {t("app.title")}
      </Text>
      <Field label={t("app.language")} size="small" className={styles.language}>
        <Select size="small" value={lang} onChange={(_, data) => onLanguageChange(data.value as Lang)}>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANG_NATIVE_NAMES[l]}
            </option>
          ))}
        </Select>
      </Field>
    </header>
  );
}
