/**
 * Step 4: the SMART check (product.md §6) per KPI: the five checks and, where one fails, what to fix; then
 * SMARTER's review of the targets over the history (issue 13 §4): per KPI the findings that are not
 * "fine", each with its suggested target and reason, in the user's language.
 */
import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { fillMessage, REVIEW_FINDING_NAMES, REVIEW_WORDS, smartDetailText } from "../../engine/messages";
import { BEATEN_MARGIN } from "../../engine/review/reviewRules";
import { reviewItemText } from "../../engine/review/reviewText";
import type { SmartCheckItem, SmartLetter } from "../../engine/types";
import { reviewEntityLabel } from "../../workbook/labels";
import type { ReviewView } from "../state/paneState";
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
  review: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
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
  /** The target review of the last run (SMART check or Apply); null before one. */
  review?: ReviewView | null;
}

export function SmartStep({ items, loading, canCheck, catalog, onCheck, review }: SmartStepProps) {
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
      {review && <TargetReview review={review} catalog={catalog} />}
    </div>
  );
}

/** SMARTER's evaluate and re-evaluate: the targets that look set too low or too high, and what to set instead. */
function TargetReview({ review, catalog }: { review: ReviewView; catalog: KpiCatalogEntry[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const namesOf = (id: string) => catalog.find((k) => k.id === id)?.names;
  return (
    <section className={styles.review} aria-labelledby="target-review-title">
      <Text as="h3" weight="semibold" id="target-review-title">
        {t("review.title")}
      </Text>
      <Text size={200}>
        {review.from === null
          ? fillMessage(REVIEW_WORDS.noPeriods[lang], { next: review.nextPeriod }, lang)
          : t("review.intro", {
              from: review.from,
              to: review.to,
              next: review.nextPeriod,
              over: Math.round(BEATEN_MARGIN * 100),
            })}
        {review.runningPeriod
          ? ` ${fillMessage(REVIEW_WORDS.running[lang], { period: review.runningPeriod }, lang)}`
          : ""}
      </Text>
      {review.kpis.length === 0 ? (
        <Text>{t("review.allFine", { count: review.reviewed })}</Text>
      ) : (
        <ul className={styles.list} aria-label={t("review.results")}>
          {review.kpis.map((kpi) => (
            <li key={kpi.id}>
              <Text weight="semibold">{kpi.names[lang]}</Text>
              <ul className={styles.checks}>
                {kpi.items.map((item) => (
                  <li key={`${item.level}\u0000${item.entity}`}>
                    <Text weight="semibold">
                      {t("review.itemLine", {
                        entity: reviewEntityLabel(item.entity, item.level, review.groupBy, lang),
                        finding: REVIEW_FINDING_NAMES[item.finding][lang],
                      })}
                    </Text>{" "}
                    <Text>{reviewItemText(item, kpi.unit, lang, namesOf)}</Text>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
