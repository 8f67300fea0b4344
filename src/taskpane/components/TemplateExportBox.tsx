/**
 * The exported template as text to copy: `<a download>` does nothing in some Office web views
 * (Excel on Mac, WKWebView), so the JSON is always shown read-only with a Copy button. Copy uses
 * the Clipboard API where the web view allows it; otherwise the text is selected for Ctrl+C / ⌘C.
 */
import { useEffect, useRef, useState } from "react";
import { Button, Field, makeStyles, Text, Textarea, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { fontFamily: tokens.fontFamilyMonospace },
});

type CopyState = "idle" | "copied" | "manual";

export function TemplateExportBox({ json }: { json: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");
  useEffect(() => setCopy("idle"), [json]);

  const selectAll = () => {
    area.current?.focus();
    area.current?.select();
    setCopy("manual");
  };
  const onCopy = async () => {
    const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clipboard?.writeText) return selectAll();
    try {
      await clipboard.writeText(json);
      setCopy("copied");
    } catch {
      // The web view may refuse clipboard access (permissions policy): fall back to selecting.
      selectAll();
    }
  };

  return (
    <div className={styles.box}>
      <Field label={t("template.exportBox")}>
        <Textarea
          ref={area}
          className={styles.text}
          readOnly
          resize="vertical"
          rows={6}
          value={json}
          onFocus={(e) => e.currentTarget.select()}
        />
      </Field>
      <div>
        <Button onClick={() => void onCopy()}>{t("template.copy")}</Button>{" "}
        <Text role="status">
          {copy === "copied" ? t("template.copied") : copy === "manual" ? t("template.copyManual") : ""}
        </Text>
      </div>
    </div>
  );
}
