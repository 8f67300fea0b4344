/**
 * The Apply step's pace options (issue 13 §2): the as-of date (optional), the working days of the week and
 * what the expected value to date follows. The date goes to the run like the CLI's --as-of-date; the work
 * week and the basis are the template's `pace` settings, so Save and Apply keep them with the template.
 */
import { Field, Input, makeStyles, Select, ToggleButton, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { isWorkWeek } from "../../engine/runPlan";
import type { PaceBasis } from "../../engine/types";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    // A fieldset is as wide as its widest content by default; the long basis names must wrap, not widen the pane.
    minWidth: 0,
  },
  // Flex items are as wide as their content by default: let the fields and the select shrink to the pane.
  field: { minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  days: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  day: { minWidth: "44px" },
});

/** ISO weekday (1 = Monday … 7 = Sunday) → its locale key. */
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const BASES: PaceBasis[] = ["lastYear", "workingDays"];

export interface PaceOptionsProps {
  asOfDate: string;
  /** The engine's refusal of the typed date in the pane's language, or null when it is fine (or empty). */
  asOfDateError: string | null;
  /** Today's date, YYYY-MM-DD, shown as the example. */
  today: string;
  onAsOfDateChange: (text: string) => void;
  workWeek: readonly number[];
  onWorkWeekChange: (days: number[]) => void;
  basis: PaceBasis;
  onBasisChange: (basis: PaceBasis) => void;
  disabled?: boolean;
}

export function PaceOptions(props: PaceOptionsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { workWeek, disabled } = props;
  const toggled = (day: number): number[] =>
    workWeek.includes(day) ? workWeek.filter((d) => d !== day) : [...workWeek, day].sort((a, b) => a - b);

  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{t("apply.paceOptions")}</legend>
      <Field
        label={t("apply.asOfDate")}
        hint={t("apply.asOfDateHint", { today: props.today })}
        validationState={props.asOfDateError ? "error" : "none"}
        validationMessage={props.asOfDateError ?? undefined}
      >
        <Input
          value={props.asOfDate}
          placeholder={props.today}
          disabled={disabled}
          inputMode="numeric"
          onChange={(_, d) => props.onAsOfDateChange(d.value)}
        />
      </Field>
      <Field className={styles.field} label={t("apply.paceBasis")}>
        <Select
          className={styles.field}
          value={props.basis}
          disabled={disabled}
          onChange={(_, d) => props.onBasisChange(d.value as PaceBasis)}
        >
          {BASES.map((basis) => (
            <option key={basis} value={basis}>
              {t(`apply.paceBasisOption.${basis}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("apply.workWeek")} hint={t("apply.workWeekHint")}>
        <div className={styles.days} role="group" aria-label={t("apply.workWeek")}>
          {WEEKDAYS.map((key, i) => {
            const day = i + 1;
            const next = toggled(day);
            return (
              <ToggleButton
                key={key}
                className={styles.day}
                size="small"
                checked={workWeek.includes(day)}
                // The last working day cannot be switched off: the engine's rule for a work week.
                disabled={disabled || !isWorkWeek(next)}
                aria-label={t(`apply.weekday.${key}`)}
                onClick={() => props.onWorkWeekChange(next)}
              >
                {t(`apply.weekdayShort.${key}`)}
              </ToggleButton>
            );
          })}
        </div>
      </Field>
    </fieldset>
  );
}
