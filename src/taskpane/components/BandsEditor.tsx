/** Status bands: ordered attainment thresholds, each a status id, its lowest attainment and a colour. */
import { Button, Field, Input } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { StatusBand, TemplateError } from "../../engine/types";
import { errorFor } from "../state/selectors";
import { NumberField } from "./NumberField";
import { useControlStyles, useEditorStyles } from "./editorStyles";

/** The engine's default bands (product.md §5), not a copy: the editor shows what a run uses. */
export { DEFAULT_BANDS } from "../../engine/scoring/defaultBands";

export interface BandsEditorProps {
  legend: string;
  bands: StatusBand[];
  /** Path prefix of these bands in the template, e.g. "bands" or "kpis[1].bands". */
  path: string;
  errors: TemplateError[];
  onChange: (bands: StatusBand[]) => void;
}

export function BandsEditor({ legend, bands, path, errors, onChange }: BandsEditorProps) {
  const { t } = useTranslation();
  const styles = useEditorStyles();
  const control = useControlStyles();
  const edit = (index: number, patch: Partial<StatusBand>) =>
    onChange(bands.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      {bands.map((band, i) => (
        <div key={i} className={styles.row} role="group" aria-label={t("bands.band", { n: i + 1 })}>
          <Field
            label={t("bands.status")}
            validationState={errorFor(errors, `${path}[${i}].status`) ? "error" : "none"}
            validationMessage={errorFor(errors, `${path}[${i}].status`)}
          >
            <Input
              className={control.root}
              input={{ className: control.input }}
              value={band.status}
              onChange={(_, d) => edit(i, { status: d.value })}
            />
          </Field>
          <NumberField
            label={t("bands.min")}
            value={band.min}
            scale={100}
            suffix="%"
            error={errorFor(errors, `${path}[${i}].min`)}
            onChange={(v) => edit(i, { min: v ?? Number.NaN })}
          />
          <Field
            label={t("bands.color")}
            validationState={errorFor(errors, `${path}[${i}].color`) ? "error" : "none"}
            validationMessage={errorFor(errors, `${path}[${i}].color`)}
          >
            <Input
              className={control.root}
              input={{ className: control.input }}
              value={band.color}
              contentBefore={
                <span aria-hidden style={{ background: band.color, width: 12, height: 12, display: "inline-block" }} />
              }
              onChange={(_, d) => edit(i, { color: d.value })}
            />
          </Field>
          <Button
            aria-label={t("bands.remove", { n: i + 1 })}
            disabled={bands.length <= 1}
            onClick={() => onChange(bands.filter((_, j) => j !== i))}
          >
            {t("common.remove")}
          </Button>
        </div>
      ))}
      <div>
        <Button onClick={() => onChange([...bands, { status: "", min: 0, color: "#797775" }])}>{t("bands.add")}</Button>
      </div>
    </fieldset>
  );
}
