/**
 * Step 5: Apply, its progress (phase and rows) on long runs, then the summary of the scorecard written;
 * an error shows in a MessageBar with what to do next, and the rest of the pane stays usable.
 */
import {
  Button,
  Checkbox,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber, formatPercent } from "../../i18n/format";
import { paceBasisName, reasonText, STATUS_NAMES } from "../../engine/messages";
import type { Outcome } from "../paneActions";
import type { ApplyState } from "../state/paneState";
import { DriversView, type EntityKey } from "./DriversView";
import { ScorecardTable } from "./ScorecardTable";
import { useLang } from "./useLang";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

export interface ApplyStepProps {
  apply: ApplyState;
  /** Why Apply is not possible yet (no source, invalid template...), or null when it is. */
  blockedReason: string | null;
  sourceRules: boolean;
  strict: boolean;
  onStrictChange: (on: boolean) => void;
  onSourceRulesChange: (on: boolean) => void;
  onApply: () => void;
  onShowSheet: (sheet: string) => void;
  /** Selects a scorecard row in its sheet (the table's entity links). */
  onSelectRow: (sheet: string, row: number) => Promise<Outcome<object>>;
  /** More run options, shown above the Apply button (the pace options). */
  options?: ReactNode;
}

export function ApplyStep({
  apply,
  blockedReason,
  sourceRules,
  onSourceRulesChange,
  strict,
  onStrictChange,
  onApply,
  onShowSheet,
  onSelectRow,
  options,
}: ApplyStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const running = apply.status === "running";
  // The entity chosen in the scorecard table; the drivers view shows its drivers.
  const [chosen, setChosen] = useState<EntityKey | null>(null);
  const progress = apply.status === "running" ? apply.progress : null;
  const fraction = progress && progress.rowsTotal > 0 ? Math.min(1, progress.rowsDone / progress.rowsTotal) : undefined;

  return (
    <div className={styles.step}>
      <Checkbox
        label={t("apply.sourceRules")}
        checked={sourceRules}
        disabled={running}
        onChange={(_, d) => onSourceRulesChange(d.checked === true)}
      />
      <Checkbox
        label={t("apply.strict")}
        checked={strict}
        disabled={running}
        onChange={(_, d) => onStrictChange(d.checked === true)}
      />
      {options}
      <div>
        <Button appearance="primary" disabled={running || blockedReason !== null} onClick={onApply}>
          {running ? t("apply.running") : t("apply.button")}
        </Button>
      </div>
      {blockedReason && !running && <Text size={200}>{blockedReason}</Text>}
      {running && (
        <Field
          label={progress ? t(`apply.phase.${progress.phase}`) : t("apply.starting")}
          hint={
            progress && progress.rowsTotal > 0
              ? t("apply.rows", {
                  done: formatNumber(progress.rowsDone, lang),
                  total: formatNumber(progress.rowsTotal, lang),
                }) + (progress.detail ? ` (${progress.detail})` : "")
              : undefined
          }
        >
          <ProgressBar value={fraction} thickness="large" />
        </Field>
      )}
      {progress?.waitingForCellEdit && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("error.cell_edit_waiting")}</MessageBarBody>
        </MessageBar>
      )}
      {apply.status === "error" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("apply.failed")}</MessageBarTitle>
            {apply.message} {t("apply.failedNext")}
          </MessageBarBody>
        </MessageBar>
      )}
      {apply.status === "done" && (
        <section aria-label={t("apply.summary")}>
          <MessageBar intent={apply.summary.failedGates > 0 ? "warning" : "success"} layout="multiline">
            <MessageBarBody>{t("apply.done", { period: apply.summary.period })}</MessageBarBody>
          </MessageBar>
          {(apply.summary.warnings ?? []).map((warning) => (
            <MessageBar key={warning} intent="warning" layout="multiline">
              <MessageBarBody>{warning}</MessageBarBody>
            </MessageBar>
          ))}
          <dl className={styles.summary}>
            <dt className={styles.term}>{t("apply.period")}</dt>
            <dd className={styles.value}>{apply.summary.period}</dd>
            <dt className={styles.term}>{t("apply.entities")}</dt>
            <dd className={styles.value}>{formatNumber(apply.summary.entities, lang)}</dd>
            <dt className={styles.term}>{t("apply.best")}</dt>
            <dd className={styles.value}>
              {apply.summary.best
                ? `${apply.summary.best.entity} (${formatPercent(apply.summary.best.score, lang)})`
                : t("apply.noScore")}
            </dd>
            <dt className={styles.term}>{t("apply.worst")}</dt>
            <dd className={styles.value}>
              {apply.summary.worst
                ? `${apply.summary.worst.entity} (${formatPercent(apply.summary.worst.score, lang)})`
                : t("apply.noScore")}
            </dd>
            <dt className={styles.term}>{t("apply.failedGates")}</dt>
            <dd className={styles.value}>{formatNumber(apply.summary.failedGates, lang)}</dd>
            {apply.summary.bonusTotal !== undefined && (
              <>
                <dt className={styles.term}>{t("apply.bonusTotal")}</dt>
                <dd className={styles.value}>
                  {apply.summary.bonusTotal === null
                    ? t("apply.noBonus")
                    : formatNumber(apply.summary.bonusTotal, lang, 0)}
                </dd>
              </>
            )}
            {apply.summary.pace && (
              <>
                <dt className={styles.term}>
                  {t("apply.pace", {
                    date: apply.summary.pace.asOfDate,
                    elapsed: formatNumber(apply.summary.pace.elapsedWorkingDays, lang),
                    total: formatNumber(apply.summary.pace.periodWorkingDays, lang),
                  })}
                  {apply.summary.pace.lastYearDate &&
                    apply.summary.pace.kpis.some((k) => k.basis === "lastYear") &&
                    `; ${t("apply.lastYearDay", { date: apply.summary.pace.lastYearDate })}`}
                </dt>
                <dd className={styles.value}>
                  {apply.summary.pace.kpis
                    .map(
                      (k) =>
                        `${k.names[lang]}: ${
                          k.projectedAttainment === null
                            ? t("apply.noProjection")
                            : t("apply.paceProjected", { value: formatPercent(k.projectedAttainment, lang) })
                        }${k.status ? ` (${STATUS_NAMES[k.status]?.[lang] ?? k.status})` : ""}${
                          paceBasisName(k, lang) ? ` · ${paceBasisName(k, lang)}` : ""
                        }`,
                    )
                    .join("; ")}
                </dd>
              </>
            )}
            {(apply.summary.notAvailable ?? []).length > 0 && (
              <>
                <dt className={styles.term}>{t("apply.notAvailable")}</dt>
                <dd className={styles.value}>
                  {(apply.summary.notAvailable ?? [])
                    .map(
                      (k) =>
                        `${k.names[lang]}: ${reasonText(k, lang)}${k.gate ? ` (${t("apply.gateNotEvaluated")})` : ""}`,
                    )
                    .join("; ")}
                </dd>
              </>
            )}
            <dt className={styles.term}>{t("apply.rowsUsed")}</dt>
            <dd className={styles.value}>
              {t("apply.rowsOf", {
                used: formatNumber(apply.summary.rowsUsed, lang),
                read: formatNumber(apply.summary.rowsRead, lang),
              })}
            </dd>
            <dt className={styles.term}>{t("apply.notes")}</dt>
            <dd className={styles.value}>
              {formatNumber(apply.summary.notes, lang)}
              {apply.summary.notesSheet && (
                <>
                  {" · "}
                  <Link as="button" onClick={() => onShowSheet(apply.summary.notesSheet as string)}>
                    {t("apply.openNotes")}
                  </Link>
                </>
              )}
            </dd>
          </dl>
          {apply.summary.table && (
            <ScorecardTable
              data={apply.summary.table}
              onSelectRow={onSelectRow}
              onChoose={(row) => setChosen({ entity: row.entity, level: row.level })}
            />
          )}
          {apply.summary.drivers && <DriversView entities={apply.summary.drivers} chosen={chosen} />}
        </section>
      )}
    </div>
  );
}
