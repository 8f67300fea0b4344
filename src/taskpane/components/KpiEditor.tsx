/** One KPI of the template: weight, target (fixed, targets table, growth, range), direction, gate, bands, tiers. */
import { Checkbox, Field, Select } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { DEFAULT_BUDGET_BAND } from "../../engine";
import type { Direction, TargetSpec, TemplateError, TemplateKpi } from "../../engine/types";
import { errorFor } from "../state/selectors";
import { BandsEditor, DEFAULT_BANDS } from "./BandsEditor";
import type { KpiCatalogEntry } from "./kpiCatalog";
import { MarginMixEditor } from "./MarginMixEditor";
import { NumberField } from "./NumberField";
import { useEditorStyles } from "./editorStyles";

export interface KpiEditorProps {
  kpi: TemplateKpi;
  info: KpiCatalogEntry;
  /** Position in template.kpis, for error paths ("kpis[2].weight"). */
  index: number;
  errors: TemplateError[];
  onChange: (patch: Partial<TemplateKpi>) => void;
}

/** A sensible starting target when the user switches target type. */
function defaultTarget(type: TargetSpec["type"]): TargetSpec {
  switch (type) {
    case "fixed":
      return { type, value: 1 };
    case "table":
      return { type };
    case "growth":
      return { type, rate: 0.2 }; // the source documents' "+20% over last year"
    case "range":
      return { type, ...DEFAULT_BUDGET_BAND }; // the engine's band for a ratio scored within a range
  }
}

export function KpiEditor({ kpi, info, index, errors, onChange }: KpiEditorProps) {
  const { t } = useTranslation();
  const styles = useEditorStyles();
  const at = `kpis[${index}]`;
  const percent = info.unit === "percent";
  const valueScale = percent ? 100 : 1;
  const valueSuffix = percent ? "%" : undefined;
  const target = kpi.target;
  const err = (p: string) => errorFor(errors, `${at}.${p}`);

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field
          label={t("kpi.targetType")}
          validationState={err("target") ? "error" : "none"}
          validationMessage={err("target")}
        >
          <Select
            value={target.type}
            onChange={(_, d) => onChange({ target: defaultTarget(d.value as TargetSpec["type"]) })}
          >
            <option value="fixed">{t("kpi.targetFixed")}</option>
            <option value="table">{t("kpi.targetTable")}</option>
            <option value="growth">{t("kpi.targetGrowth")}</option>
            <option value="range">{t("kpi.targetRange")}</option>
          </Select>
        </Field>
        {target.type === "fixed" && (
          <NumberField
            label={t("kpi.targetValue")}
            value={target.value}
            scale={valueScale}
            suffix={valueSuffix}
            error={err("target.value")}
            onChange={(v) => onChange({ target: { ...target, value: v ?? Number.NaN } })}
          />
        )}
        {target.type === "table" && (
          <NumberField
            label={t("kpi.targetFallback")}
            value={target.fallback}
            scale={valueScale}
            suffix={valueSuffix}
            hint={t("kpi.targetFallbackHint")}
            error={err("target.fallback")}
            onChange={(v) => {
              const next: TargetSpec = { type: "table" };
              if (target.column !== undefined) next.column = target.column;
              if (v !== undefined) next.fallback = v;
              onChange({ target: next });
            }}
          />
        )}
        {target.type === "growth" && (
          <NumberField
            label={t("kpi.targetGrowthRate")}
            value={target.rate}
            scale={100}
            suffix="%"
            error={err("target.rate")}
            onChange={(v) => onChange({ target: { ...target, rate: v ?? Number.NaN } })}
          />
        )}
        {target.type === "range" && (
          <>
            <NumberField
              label={t("kpi.targetMin")}
              value={target.min}
              scale={valueScale}
              suffix={valueSuffix}
              error={err("target.min")}
              onChange={(v) => onChange({ target: { ...target, min: v ?? Number.NaN } })}
            />
            <NumberField
              label={t("kpi.targetMax")}
              value={target.max}
              scale={valueScale}
              suffix={valueSuffix}
              error={err("target.max")}
              onChange={(v) => onChange({ target: { ...target, max: v ?? Number.NaN } })}
            />
          </>
        )}
      </div>
      <div className={styles.row}>
        <Field
          label={t("kpi.direction")}
          validationState={err("direction") ? "error" : "none"}
          validationMessage={err("direction")}
        >
          <Select
            value={kpi.direction ?? ""}
            onChange={(_, d) => {
              const next = { ...kpi };
              if (d.value === "") delete next.direction;
              else next.direction = d.value as Direction;
              onChange({ direction: next.direction });
            }}
          >
            <option value="">{t("kpi.directionDefault")}</option>
            <option value="higher">{t("kpi.directionHigher")}</option>
            <option value="lower">{t("kpi.directionLower")}</option>
            <option value="band">{t("kpi.directionBand")}</option>
          </Select>
        </Field>
        <Checkbox
          label={t("kpi.gate")}
          checked={kpi.gate === true}
          onChange={(_, d) => onChange({ gate: d.checked === true })}
        />
      </div>
      <Checkbox
        label={t("kpi.ownBands")}
        checked={kpi.bands !== undefined}
        onChange={(_, d) => onChange({ bands: d.checked === true ? DEFAULT_BANDS.map((b) => ({ ...b })) : undefined })}
      />
      {kpi.bands && (
        <BandsEditor
          legend={t("kpi.bandsLegend")}
          bands={kpi.bands}
          path={`${at}.bands`}
          errors={errors}
          onChange={(bands) => onChange({ bands })}
        />
      )}
      {kpi.kpi === "margin_mix" && (
        <MarginMixEditor
          mix={kpi.marginMix ?? { basis: "quantity", tiers: [] }}
          path={`${at}.marginMix`}
          errors={errors}
          onChange={(marginMix) => onChange({ marginMix })}
        />
      )}
    </div>
  );
}
