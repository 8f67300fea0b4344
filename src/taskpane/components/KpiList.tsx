/**
 * The template's KPIs: every KPI of the catalogue with an on/off switch; a KPI that is on shows its
 * weight and can be expanded for target, direction, gate and bands. The running weight total sits on top.
 */
import { useState } from "react";
import { Button, makeStyles, mergeClasses, Switch, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { KpiId, Template, TemplateError, TemplateKpi } from "../../engine/types";
import { formatNumber } from "../../i18n/format";
import { errorFor, weightTotal, weightsComplete } from "../state/selectors";
import { KpiEditor } from "./KpiEditor";
import type { KpiCatalogEntry } from "./kpiCatalog";
import { NumberField } from "./NumberField";
import { useLang } from "./useLang";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  weightLine: {
    display: "flex",
    alignItems: "flex-end",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
  weight: { flexGrow: 1, flexBasis: "160px", maxWidth: "260px" },
  total: { padding: tokens.spacingVerticalXS, borderRadius: tokens.borderRadiusMedium },
  totalOk: { color: tokens.colorPaletteGreenForeground1 },
  totalBad: { color: tokens.colorPaletteRedForeground1 },
  details: { paddingLeft: tokens.spacingHorizontalL },
});

export interface KpiListProps {
  template: Template;
  catalog: KpiCatalogEntry[];
  errors: TemplateError[];
  onToggle: (kpi: KpiId, on: boolean) => void;
  onEdit: (kpi: KpiId, patch: Partial<TemplateKpi>) => void;
}

export function KpiList({ template, catalog, errors, onToggle, onEdit }: KpiListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const [open, setOpen] = useState<KpiId | null>(null);
  const total = weightTotal(template);
  const complete = weightsComplete(template);

  return (
    <div>
      <Text
        role="status"
        aria-live="polite"
        weight="semibold"
        className={mergeClasses(styles.total, complete ? styles.totalOk : styles.totalBad)}
      >
        {complete
          ? t("kpi.weightTotalOk", { total: formatNumber(total, lang) })
          : t("kpi.weightTotalBad", { total: formatNumber(total, lang) })}
      </Text>
      <ul className={styles.list} aria-label={t("kpi.listLabel")}>
        {catalog.map((info) => {
          const index = template.kpis.findIndex((k) => k.kpi === info.id);
          const kpi = index >= 0 ? template.kpis[index] : undefined;
          const name = info.names[lang];
          return (
            <li key={info.id} className={styles.item}>
              <Switch label={name} checked={kpi !== undefined} onChange={(_, d) => onToggle(info.id, d.checked)} />
              {kpi && (
                <div className={styles.weightLine}>
                  <div className={styles.weight}>
                    <NumberField
                      label={t("kpi.weightOf", { kpi: name })}
                      value={kpi.weight}
                      suffix="%"
                      error={errorFor(errors, `kpis[${index}].weight`)}
                      onChange={(v) => onEdit(info.id, { weight: v ?? Number.NaN })}
                    />
                  </div>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-expanded={open === info.id}
                    onClick={() => setOpen(open === info.id ? null : info.id)}
                  >
                    {open === info.id ? t("kpi.hideDetails", { kpi: name }) : t("kpi.showDetails", { kpi: name })}
                  </Button>
                </div>
              )}
              {kpi && open === info.id && (
                <div className={styles.details} role="group" aria-label={name}>
                  <KpiEditor
                    kpi={kpi}
                    info={info}
                    index={index}
                    errors={errors}
                    onChange={(patch) => onEdit(info.id, patch)}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
