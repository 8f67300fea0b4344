/** Template-wide settings: group-by and roll-up chain, period and fiscal-year (or week) start, gate cap, bonus base. */
import { Field, Input, Select } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import {
  DIMENSION_ROLES,
  PERIOD_KINDS,
  type DimensionRole,
  type PeriodKind,
  type Template,
  type TemplateError,
} from "../../engine/types";
import { formatMonthName, formatWeekdayName } from "../../i18n/format";
import { errorFor } from "../state/selectors";
import { NumberField } from "./NumberField";
import { useEditorStyles } from "./editorStyles";
import { useLang } from "./useLang";

export interface TemplateSettingsProps {
  template: Template;
  errors: TemplateError[];
  onChange: (patch: Partial<Omit<Template, "kpis">>) => void;
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function TemplateSettings({ template, errors, onChange }: TemplateSettingsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useEditorStyles();
  const fieldError = (path: string) => {
    const message = errorFor(errors, path);
    return { validationState: message ? ("error" as const) : ("none" as const), validationMessage: message };
  };
  // The roll-up chain is edited as two levels above the group-by (rep → region → company total).
  const rollupAt = (level: number) => template.rollup[level] ?? "";
  const setRollup = (level: number, value: string) => {
    const chain = [...template.rollup];
    if (value === "") chain.splice(level);
    else chain[level] = value as DimensionRole;
    onChange({ rollup: chain.filter((r, i) => r !== undefined && chain.indexOf(r) === i) });
  };
  const dimensionOptions = (exclude: DimensionRole[]) =>
    DIMENSION_ROLES.filter((r) => !exclude.includes(r)).map((r) => (
      <option key={r} value={r}>
        {t(`role.${r}`)}
      </option>
    ));

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field label={t("settings.groupBy")} {...fieldError("groupBy")}>
          <Select
            value={template.groupBy}
            onChange={(_, d) => {
              const groupBy = d.value as DimensionRole;
              onChange({ groupBy, rollup: template.rollup.filter((r) => r !== groupBy) });
            }}
          >
            {dimensionOptions([])}
          </Select>
        </Field>
        <Field label={t("settings.rollup1")} {...fieldError("rollup[0]")}>
          <Select value={rollupAt(0)} onChange={(_, d) => setRollup(0, d.value)}>
            <option value="">{t("settings.rollupNone")}</option>
            {dimensionOptions([template.groupBy])}
          </Select>
        </Field>
        {template.rollup.length > 0 && (
          <Field label={t("settings.rollup2")} {...fieldError("rollup[1]")}>
            <Select value={rollupAt(1)} onChange={(_, d) => setRollup(1, d.value)}>
              <option value="">{t("settings.rollupNone")}</option>
              {dimensionOptions([template.groupBy, template.rollup[0]])}
            </Select>
          </Field>
        )}
      </div>
      <div className={styles.row}>
        <Field label={t("settings.period")} {...fieldError("period.kind")}>
          <Select
            value={template.period.kind}
            onChange={(_, d) => onChange({ period: { ...template.period, kind: d.value as PeriodKind } })}
          >
            {PERIOD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`settings.${kind}`)}
              </option>
            ))}
          </Select>
        </Field>
        {/* The fiscal year shapes months, quarters and years; the week start only weeks. */}
        {template.period.kind === "week" ? (
          <Field label={t("settings.weekStart")} hint={t("settings.weekStartHint")} {...fieldError("period.weekStart")}>
            <Select
              value={String(template.period.weekStart ?? 1)}
              onChange={(_, d) => onChange({ period: { ...template.period, weekStart: Number(d.value) } })}
            >
              {WEEKDAYS.map((w) => (
                <option key={w} value={String(w)}>
                  {formatWeekdayName(w, lang)}
                </option>
              ))}
            </Select>
          </Field>
        ) : template.period.kind !== "day" ? (
          <Field label={t("settings.fiscalStart")} {...fieldError("period.fiscalYearStartMonth")}>
            <Select
              value={String(template.period.fiscalYearStartMonth)}
              onChange={(_, d) => onChange({ period: { ...template.period, fiscalYearStartMonth: Number(d.value) } })}
            >
              {MONTHS.map((m) => (
                <option key={m} value={String(m)}>
                  {formatMonthName(m, lang)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <NumberField
          label={t("settings.gateCap")}
          hint={t("settings.gateCapHint")}
          value={template.gateCap}
          scale={100}
          suffix="%"
          error={errorFor(errors, "gateCap")}
          onChange={(v) => onChange({ gateCap: v ?? Number.NaN })}
        />
      </div>
      {/* Bonus amount = payout × base (issue 13 §3): one base for everyone, or a targets-table column. */}
      <div className={styles.row}>
        <NumberField
          label={t("settings.bonusBase")}
          hint={t("settings.bonusBaseHint")}
          value={template.bonus && "base" in template.bonus ? template.bonus.base : undefined}
          error={errorFor(errors, "bonus.base") ?? errorFor(errors, "bonus")}
          onChange={(v) => {
            if (v !== undefined) onChange({ bonus: { base: v } });
            else if (template.bonus && "base" in template.bonus) onChange({ bonus: undefined });
          }}
        />
        <Field
          label={t("settings.bonusColumn")}
          hint={t("settings.bonusColumnHint")}
          {...fieldError("bonus.targetsColumn")}
        >
          <Input
            value={template.bonus && "targetsColumn" in template.bonus ? template.bonus.targetsColumn : ""}
            onChange={(_, d) => {
              if (d.value !== "") onChange({ bonus: { targetsColumn: d.value } });
              else if (template.bonus && "targetsColumn" in template.bonus) onChange({ bonus: undefined });
            }}
          />
        </Field>
      </div>
    </div>
  );
}
