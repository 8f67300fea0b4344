/** The payout curve: (attainment → payout) points, the threshold below which nothing is paid, and a cap. */
import { Button } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { PayoutCurve, TemplateError } from "../../engine/types";
import { errorFor } from "../state/selectors";
import { NumberField } from "./NumberField";
import { useEditorStyles } from "./editorStyles";

export interface PayoutEditorProps {
  payout: PayoutCurve;
  errors: TemplateError[];
  onChange: (payout: PayoutCurve) => void;
}

export function PayoutEditor({ payout, errors, onChange }: PayoutEditorProps) {
  const { t } = useTranslation();
  const styles = useEditorStyles();
  const editPoint = (index: number, patch: Partial<PayoutCurve["points"][number]>) =>
    onChange({ ...payout, points: payout.points.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  const last = payout.points[payout.points.length - 1];
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{t("payout.legend")}</legend>
      <div className={styles.row}>
        <NumberField
          label={t("payout.threshold")}
          value={payout.threshold}
          scale={100}
          suffix="%"
          error={errorFor(errors, "payout.threshold")}
          onChange={(v) => onChange({ ...payout, threshold: v ?? 0 })}
        />
        <NumberField
          label={t("payout.cap")}
          value={payout.cap}
          scale={100}
          suffix="%"
          hint={t("payout.capHint")}
          error={errorFor(errors, "payout.cap")}
          onChange={(v) => {
            const next = { ...payout };
            if (v === undefined) delete next.cap;
            else next.cap = v;
            onChange(next);
          }}
        />
      </div>
      {payout.points.map((point, i) => (
        <div key={i} className={styles.row} role="group" aria-label={t("payout.point", { n: i + 1 })}>
          <NumberField
            label={t("payout.attainment")}
            value={point.attainment}
            scale={100}
            suffix="%"
            error={errorFor(errors, `payout.points[${i}].attainment`)}
            onChange={(v) => editPoint(i, { attainment: v ?? Number.NaN })}
          />
          <NumberField
            label={t("payout.payout")}
            value={point.payout}
            scale={100}
            suffix="%"
            error={errorFor(errors, `payout.points[${i}].payout`)}
            onChange={(v) => editPoint(i, { payout: v ?? Number.NaN })}
          />
          <Button
            aria-label={t("payout.remove", { n: i + 1 })}
            disabled={payout.points.length <= 1}
            onClick={() => onChange({ ...payout, points: payout.points.filter((_, j) => j !== i) })}
          >
            {t("common.remove")}
          </Button>
        </div>
      ))}
      <div>
        <Button
          onClick={() =>
            onChange({
              ...payout,
              points: [
                ...payout.points,
                last ? { attainment: last.attainment + 0.1, payout: last.payout } : { attainment: 1, payout: 1 },
              ],
            })
          }
        >
          {t("payout.add")}
        </Button>
      </div>
    </fieldset>
  );
}
