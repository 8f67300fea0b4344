/**
 * Step 2: each role with the column it reads, where that came from (detected header and confidence,
 * or the user's choice), two sample values, and which of the template's KPIs a missing role disables.
 */
import { Field, Input, makeStyles, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ROLES, type KpiId, type RawCell, type Role, type RoleDetection } from "../../engine/types";
import { formatExcelDate, formatNumber, formatPercent } from "../../i18n/format";
import type { MappingOverrides, SourcePreview } from "../state/paneState";
import { rolesMissingFor } from "../../engine/roles/rolesMissingFor";
import { effectiveMapping } from "../state/selectors";
import type { KpiCatalogEntry } from "./kpiCatalog";
import { useLang } from "./useLang";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: "none",
  },
  legend: { paddingBottom: tokens.spacingVerticalXS },
});

export interface ColumnsStepProps {
  preview: SourcePreview | null;
  loading: boolean;
  detections: RoleDetection[];
  overrides: MappingOverrides;
  catalog: KpiCatalogEntry[];
  /** The KPIs switched on in the template. */
  templateKpis: KpiId[];
  onMappingChange: (role: Role, column: number | null) => void;
  /** The user picks another header row (1-based sheet row), or null to let the engine find it. */
  onHeaderRowChange?: (row: number | null) => void;
}

/** The first two non-blank values of a column, for the user to recognise it. */
function samplesOf(rows: RawCell[][], column: number): RawCell[] {
  const found: RawCell[] = [];
  for (const row of rows) {
    const v = row[column];
    if (v !== null && v !== undefined && v !== "") found.push(v);
    if (found.length === 2) break;
  }
  return found;
}

export function ColumnsStep(props: ColumnsStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  if (props.loading) return <Spinner size="tiny" label={t("columns.loading")} />;
  const preview = props.preview;
  if (!preview) return <Text>{t("columns.noSource")}</Text>;

  const mapping = effectiveMapping(props.detections, props.overrides);
  const active = props.catalog.filter((k) => props.templateKpis.includes(k.id));
  const needed = ROLES.filter((role) => active.some((k) => k.roles.includes(role)));
  const others = ROLES.filter((role) => !needed.includes(role));
  const headerName = (column: number) => preview.headers[column] || t("columns.unnamed", { n: column + 1 });
  // Dates arrive as Excel serials: show them as dates, not as 46,023.
  const showValue = (v: RawCell, role: Role) =>
    typeof v !== "number" ? String(v) : role === "date" ? formatExcelDate(v, lang) : formatNumber(v, lang);

  const describe = (role: Role): { hint: string; missing: string | undefined } => {
    const column = mapping[role];
    if (column === undefined) {
      // The engine's rule: revenue may come from quantity × unit price, cost from revenue − profit.
      const disabled = active.filter((k) => rolesMissingFor(k.roles, mapping).includes(role)).map((k) => k.names[lang]);
      return {
        hint: disabled.length ? "" : t("columns.notMapped"),
        missing: disabled.length ? t("columns.disables", { kpis: disabled.join(", ") }) : undefined,
      };
    }
    const samples = samplesOf(preview.samples, column).map((v) => showValue(v, role));
    const sampleText = samples.length ? t("columns.samples", { values: samples.join(" · ") }) : t("columns.noSamples");
    const detected = props.detections.find((d) => d.role === role);
    const origin =
      role in props.overrides || !detected
        ? t("columns.chosen")
        : t("columns.detected", { confidence: formatPercent(detected.confidence, lang, 0) });
    return { hint: `${origin} ${sampleText}`, missing: undefined };
  };

  const roleField = (role: Role) => {
    const { hint, missing } = describe(role);
    const column = mapping[role];
    return (
      <Field
        key={role}
        label={t(`role.${role}`)}
        hint={hint || undefined}
        validationState={missing ? "warning" : "none"}
        validationMessage={missing}
      >
        <Select
          value={column === undefined ? "" : String(column)}
          onChange={(_, data) => props.onMappingChange(role, data.value === "" ? null : Number(data.value))}
        >
          <option value="">{t("columns.none")}</option>
          {preview.headers.map((_, i) => (
            <option key={i} value={String(i)}>
              {headerName(i)}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  return (
    <div className={styles.step}>
      <Text size={200}>
        {t("columns.summary", {
          sheet: preview.sheet,
          rows: formatNumber(preview.rowCount, lang),
          columns: preview.headers.length,
        })}
      </Text>
      {preview.layout && (
        <Field
          label={t("columns.headerRow")}
          hint={[
            t(preview.layout.chosenBy === "user" ? "columns.headerRowChosen" : "columns.headerRowFound", {
              row: preview.layout.headerRow,
            }),
            preview.layout.titleRows.length > 0
              ? t("columns.titleRowsSkipped", {
                  rows: preview.layout.titleRows.map((r) => r.row).join(", "),
                })
              : "",
          ]
            .filter(Boolean)
            .join(" ")}
        >
          <Input
            type="number"
            min={1}
            value={String(preview.layout.headerRow)}
            onChange={(_, data) => {
              const row = Number(data.value);
              if (props.onHeaderRowChange && Number.isInteger(row) && row >= 1) props.onHeaderRowChange(row);
            }}
          />
        </Field>
      )}
      {needed.length > 0 && (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>
            <Text weight="semibold">{t("columns.needed")}</Text>
          </legend>
          {needed.map(roleField)}
        </fieldset>
      )}
      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{t("columns.other")}</Text>
        </legend>
        {others.map(roleField)}
      </fieldset>
    </div>
  );
}
