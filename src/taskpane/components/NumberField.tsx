/**
 * A labelled number input that keeps what the user types (so "0," or "1." can be finished)
 * and reports a number only when the text reads as one. `scale` shows fractions as percent.
 */
import { useEffect, useId, useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useControlStyles } from "./editorStyles";

export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** Displayed value = value × scale (100 for a fraction shown as percent). */
  scale?: number;
  suffix?: string;
  /** validateTemplate's message for this field's path. */
  error?: string;
  hint?: string;
  required?: boolean;
}

function show(value: number | undefined, scale: number): string {
  if (value === undefined || !Number.isFinite(value)) return "";
  return String(Math.round(value * scale * 1e6) / 1e6);
}

/** "12,5" and "12.5" both read as 12.5: Vietnamese users type a decimal comma. */
export function parseNumberText(text: string): number | undefined | null {
  const trimmed = text.trim().replace(/\s/g, "");
  if (trimmed === "") return undefined;
  const normalised = trimmed.includes(".") ? trimmed.replace(/,/g, "") : trimmed.replace(",", ".");
  if (!/^-?\d*\.?\d+$|^-?\d+\.$/.test(normalised)) return null;
  return Number(normalised);
}

export function NumberField({ label, value, onChange, scale = 1, suffix, error, hint, required }: NumberFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(show(value, scale));
  const [unreadable, setUnreadable] = useState(false);
  const id = useId();
  const control = useControlStyles();

  // Follow outside changes (another template picked) without fighting the user's typing.
  useEffect(() => {
    const typed = parseNumberText(text);
    const typedValue = typed === null || typed === undefined ? typed : typed / scale;
    if (typedValue !== value && !(typedValue === null && value === undefined)) {
      setText(show(value, scale));
      setUnreadable(false);
    }
  }, [value, scale]);

  const message = unreadable ? t("field.notANumber") : error;
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      <Input
        id={id}
        className={control.root}
        input={{ className: control.input }}
        inputMode="decimal"
        value={text}
        contentAfter={suffix}
        onChange={(_, data) => {
          setText(data.value);
          const parsed = parseNumberText(data.value);
          if (parsed === null) {
            setUnreadable(true);
            return;
          }
          setUnreadable(false);
          onChange(parsed === undefined ? undefined : parsed / scale);
        }}
      />
    </Field>
  );
}
