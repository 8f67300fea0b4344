/** Margin-mix tiers: basis, and per tier its label, target (amount or share) and kind (min / max). */
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { MarginMixSpec, MarginTierSpec, TemplateError } from "../../engine/types";
import { errorFor } from "../state/selectors";
import { NumberField } from "./NumberField";
import { useControlStyles, useEditorStyles } from "./editorStyles";

export interface MarginMixEditorProps {
  mix: MarginMixSpec;
  /** e.g. "kpis[4].marginMix" */
  path: string;
  errors: TemplateError[];
  onChange: (mix: MarginMixSpec) => void;
}

export function MarginMixEditor({ mix, path, errors, onChange }: MarginMixEditorProps) {
  const { t } = useTranslation();
  const styles = useEditorStyles();
  const control = useControlStyles();
  const editTier = (index: number, patch: Partial<MarginTierSpec>) =>
    onChange({ ...mix, tiers: mix.tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)) });
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{t("mix.legend")}</legend>
      <Field label={t("mix.basis")}>
        <Select value={mix.basis} onChange={(_, d) => onChange({ ...mix, basis: d.value as MarginMixSpec["basis"] })}>
          <option value="quantity">{t("mix.basisQuantity")}</option>
          <option value="revenue">{t("mix.basisRevenue")}</option>
        </Select>
      </Field>
      {mix.tiers.map((tier, i) => {
        const at = `${path}.tiers[${i}]`;
        return (
          <div
            key={i}
            className={styles.row}
            role="group"
            aria-label={t("mix.tierGroup", { tier: tier.tier || i + 1 })}
          >
            <Field
              label={t("mix.tier")}
              validationState={errorFor(errors, `${at}.tier`) ? "error" : "none"}
              validationMessage={errorFor(errors, `${at}.tier`)}
            >
              <Input
                className={control.root}
                input={{ className: control.input }}
                value={tier.tier}
                onChange={(_, d) => editTier(i, { tier: d.value })}
              />
            </Field>
            <Field label={t("mix.targetKind")}>
              <Select
                value={tier.targetKind}
                onChange={(_, d) => editTier(i, { targetKind: d.value as MarginTierSpec["targetKind"] })}
              >
                <option value="amount">{t("mix.amount")}</option>
                <option value="share">{t("mix.share")}</option>
              </Select>
            </Field>
            <NumberField
              label={t("mix.target")}
              value={tier.target}
              scale={tier.targetKind === "share" ? 100 : 1}
              suffix={tier.targetKind === "share" ? "%" : undefined}
              error={errorFor(errors, `${at}.target`)}
              onChange={(v) => editTier(i, { target: v ?? Number.NaN })}
            />
            <Field label={t("mix.kind")}>
              <Select value={tier.kind} onChange={(_, d) => editTier(i, { kind: d.value as MarginTierSpec["kind"] })}>
                <option value="min">{t("mix.kindMin")}</option>
                <option value="max">{t("mix.kindMax")}</option>
              </Select>
            </Field>
            <Button
              aria-label={t("mix.remove", { tier: tier.tier || i + 1 })}
              onClick={() => onChange({ ...mix, tiers: mix.tiers.filter((_, j) => j !== i) })}
            >
              {t("common.remove")}
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          onClick={() =>
            onChange({ ...mix, tiers: [...mix.tiers, { tier: "", target: 0, targetKind: "amount", kind: "min" }] })
          }
        >
          {t("mix.add")}
        </Button>
      </div>
    </fieldset>
  );
}
