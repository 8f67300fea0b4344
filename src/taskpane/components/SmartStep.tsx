/** Step 4: the SMART check (product.md §6) per KPI: the five checks and, where one fails, what to fix. */
import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { smartDetailText } from "../../engine/messages";
import type { SmartCheckItem, SmartLetter } from "../../engine/types";
import type { KpiCatalogEntry } from "./kpiCatalog";
import { useLang } from "./useLang";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  checks: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
});

export const SMART_LETTERS: SmartLetter[] = ["specific", "measurable", "attainable", "relevant", "timeBound"];

export interface SmartStepProps {
  items: SmartCheckItem[] | null;
  loading: boolean;
  /** False until a source and a template are picked. */
  canCheck: boolean;
  catalog: KpiCatalogEntry[];
  onCheck: () => void;
}

export function SmartStep({ items, loading, canCheck, catalog, onCheck }: SmartStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const namesOf = (id: string) => catalog.find((k) => k.id === id)?.names;
  const nameOf = (id: string) => namesOf(id)?.[lang] ?? id;
  return (
    <div className={styles.step}>
      <Text size={200}>{t("smart.intro")}</Text>
      <div>
        {loading ? (
          <Spinner size="tiny" label={t("smart.checking")} />
        ) : (
          <Button disabled={!canCheck} onClick={onCheck}>
            {t("smart.run")}
          </Button>
        )}
      </div>
      {items && (
        <ul className={styles.list} aria-label={t("smart.results")}>
          {items.map((item) => {
            const failed = SMART_LETTERS.filter((l) => !item.checks[l].ok).length;
            return (
              <li key={item.kpi}>
                <Text weight="semibold">
                  {t("smart.kpiLine", {
                    kpi: nameOf(item.kpi),
                    result: failed === 0 ? t("smart.allPassed") : t("smart.failedCount", { count: failed }),
                  })}
                </Text>
                <ul className={styles.checks}>
                  {SMART_LETTERS.map((letter) => {
                    const check = item.checks[letter];
                    const detail = check.detail ? smartDetailText(check, lang, namesOf) : "";
                    return (
                      <li key={letter}>
                        <span className={check.ok ? styles.ok : styles.fail} aria-hidden>
                          {check.ok ? "✓ " : "✗ "}
                        </span>
                        <Text weight="semibold">{t(`smart.${letter}`)}</Text>
                        <Text>
                          {" "}
                          {detail
                            ? t("smart.checkLine", { status: check.ok ? t("smart.passed") : t("smart.toFix"), detail })
                            : check.ok
                              ? t("smart.passed")
                              : t("smart.toFix")}
                        </Text>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
