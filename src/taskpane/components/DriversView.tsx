/**
 * After Apply: what moved each KPI of the entity the user picks (issue 13 §1), against the previous
 * period and the same period last year, in the pane's language (texts from engine/drivers/whyText.ts),
 * with the price / volume / mix bridge under net sales and gross profit.
 */
import { Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { bridgeText, comparisonText } from "../../engine/drivers";
import { entityLabel, LEVEL_WORDS, localWord } from "../../workbook/labels";
import type { EntityDrivers } from "../state/paneState";
import { useLang } from "./useLang";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  kpi: { fontWeight: tokens.fontWeightSemibold },
  bridge: { paddingLeft: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
});

/** A scorecard row by its entity and level (what the pane's table and this view share). */
export interface EntityKey {
  entity: string;
  level: string;
}

export interface DriversViewProps {
  entities: EntityDrivers[];
  /** The entity chosen elsewhere (the scorecard table); the view follows it when it has drivers. */
  chosen?: EntityKey | null;
}

export function DriversView({ entities, chosen = null }: DriversViewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const [picked, setPicked] = useState(0);
  // A choice in the table moves the view to that entity; the view's own list can still change it after.
  const [followed, setFollowed] = useState<EntityKey | null>(null);
  if (chosen !== followed) {
    setFollowed(chosen);
    const index = chosen ? entities.findIndex((e) => e.entity === chosen.entity && e.level === chosen.level) : -1;
    if (index >= 0) setPicked(index);
  }
  const entity = entities[Math.min(picked, entities.length - 1)];
  if (!entity) return null;
  const label = (e: EntityDrivers) =>
    `${entityLabel(e.entity, e.level, lang)} (${localWord(LEVEL_WORDS, e.level, lang)})`;
  return (
    <section aria-label={t("apply.drivers.title")} className={styles.view}>
      <Text weight="semibold">{t("apply.drivers.title")}</Text>
      <Field label={t("apply.drivers.entity")}>
        <Select value={String(picked)} onChange={(_, data) => setPicked(Number(data.value))}>
          {entities.map((e, i) => (
            <option key={`${e.level}:${e.entity}`} value={String(i)}>
              {label(e)}
            </option>
          ))}
        </Select>
      </Field>
      <ul className={styles.list} aria-label={label(entity)}>
        {entity.kpis.map((k) => {
          const comparisons = [k.drivers.vsPrevious, k.drivers.vsLastYear].filter((c) => c !== undefined);
          return (
            <li key={k.names.en}>
              <span className={styles.kpi}>{k.names[lang]}</span>
              {comparisons.length === 0 ? (
                <div>{t("apply.drivers.none")}</div>
              ) : (
                comparisons.map((c) => {
                  const bridge = bridgeText(c, k.unit, lang);
                  return (
                    <div key={c.period}>
                      {t("apply.drivers.versus", { period: c.period, why: comparisonText(c, k.unit, lang) })}
                      {bridge !== null && <div className={styles.bridge}>{bridge}</div>}
                    </div>
                  );
                })
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
