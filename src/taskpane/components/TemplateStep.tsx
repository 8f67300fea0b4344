/**
 * Step 3: pick a template (built-in, stored in the workbook, or imported from a JSON file), edit it,
 * see validation problems next to their fields, save it into the workbook or export it to a file.
 */
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Field,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { KpiId, Template, TemplateError, TemplateKpi } from "../../engine/types";
import type { TemplateChoice, TemplateOrigin } from "../state/paneState";
import type { KpiCatalogEntry } from "./kpiCatalog";
import { useLang } from "./useLang";
import { readFileText } from "../readFileText";
import { TemplateExportBox } from "./TemplateExportBox";

// The editor is the largest part of the pane and not needed to paint it: its own chunk, loaded on first show.
const TemplateEditor = lazy(() =>
  import(/* webpackChunkName: "template-editor" */ "./TemplateEditor").then((module) => ({
    default: module.TemplateEditor,
  })),
);

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hiddenInput: { display: "none" },
});

export interface TemplateStepProps {
  templates: TemplateChoice[];
  templateIndex: number | null;
  draft: Template | null;
  errors: TemplateError[];
  catalog: KpiCatalogEntry[];
  onPick: (index: number) => void;
  /** The chosen file's text; App parses and validates it. */
  onImport: (fileName: string, text: string) => void;
  /** Saves the template as a file where the web view can, and returns its JSON to show for copying. */
  onExport: (template: Template) => string;
  onSave: (template: Template) => void;
  onEdit: (patch: Partial<Omit<Template, "kpis">>) => void;
  onToggleKpi: (kpi: KpiId, on: boolean) => void;
  onEditKpi: (kpi: KpiId, patch: Partial<TemplateKpi>) => void;
  /** Percent of each template's weight the source's columns support (same order as templates), once known. */
  supported?: number[];
  /** Builds the quick-start template from the source's columns; absent until the columns are known. */
  onQuickStart?: () => void;
}

const ORIGINS: TemplateOrigin[] = ["builtin", "workbook", "file"];

export function TemplateStep(props: TemplateStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const { draft, errors } = props;
  // The JSON last exported, shown until the template changes.
  const [exported, setExported] = useState<string | null>(null);
  useEffect(() => setExported(null), [draft]);

  return (
    <div className={styles.step}>
      <Field label={t("template.pick")}>
        <Select
          value={props.templateIndex === null ? "" : String(props.templateIndex)}
          onChange={(_, d) => d.value !== "" && props.onPick(Number(d.value))}
        >
          {props.templateIndex === null && <option value="">{t("template.none")}</option>}
          {ORIGINS.map((origin) => {
            const items = props.templates.map((c, i) => ({ c, i })).filter(({ c }) => c.origin === origin);
            if (items.length === 0) return null;
            return (
              <optgroup key={origin} label={t(`template.origin.${origin}`)}>
                {items.map(({ c, i }) => (
                  <option key={i} value={String(i)}>
                    {c.template.names[lang] || c.template.id}
                    {props.supported ? ` — ${t("template.supported", { percent: props.supported[i] })}` : ""}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </Select>
      </Field>
      <div className={styles.actions}>
        {props.onQuickStart && <Button onClick={props.onQuickStart}>{t("template.quickStart")}</Button>}
        <Button onClick={() => fileInput.current?.click()}>{t("template.import")}</Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".json,application/json"
          aria-label={t("template.importFile")}
          data-testid="template-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = ""; // picking the same file again must fire again
            if (file) props.onImport(file.name, await readFileText(file));
          }}
        />
        <Button disabled={!draft} onClick={() => draft && setExported(props.onExport(draft))}>
          {t("template.export")}
        </Button>
        <Button
          appearance="primary"
          disabled={!draft || errors.length > 0}
          onClick={() => draft && props.onSave(draft)}
        >
          {t("template.save")}
        </Button>
      </div>
      {exported !== null && <TemplateExportBox json={exported} />}
      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("template.problems", { count: errors.length })}</MessageBarTitle>
            <ul className={styles.errors}>
              {errors.map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {draft ? (
        <>
          {draft.description?.[lang] && <Text size={200}>{draft.description[lang]}</Text>}
          <Suspense fallback={<Spinner size="tiny" label={t("template.editorLoading")} />}>
            <TemplateEditor
              draft={draft}
              errors={errors}
              catalog={props.catalog}
              onEdit={props.onEdit}
              onToggleKpi={props.onToggleKpi}
              onEditKpi={props.onEditKpi}
            />
          </Suspense>
        </>
      ) : (
        <Text>{t("template.noneHint")}</Text>
      )}
    </div>
  );
}
