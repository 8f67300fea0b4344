/**
 * The task pane: a vertical flow Source → Columns → Template → SMART → Apply for a narrow pane.
 * App is composition: its state, effects and callbacks live in useScorecardController.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { exportTemplate } from "../engine";
import type { Lang, Template } from "../engine/types";
import { ApplyStep } from "./components/ApplyStep";
import { ColumnsStep } from "./components/ColumnsStep";
import { Header } from "./components/Header";
import { PaceOptions } from "./components/PaceOptions";
import type { KpiCatalogEntry } from "./components/kpiCatalog";
import { SmartStep } from "./components/SmartStep";
import { SourceStep } from "./components/SourceStep";
import { TemplateStep } from "./components/TemplateStep";
import { downloadText } from "./downloadText";
import type { PaneActions } from "./paneActions";
import { useScorecardController } from "./useScorecardController";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: "288px",
    boxSizing: "border-box",
  },
});

export interface AppProps {
  actions: PaneActions;
  initialLang: Lang;
  catalog: KpiCatalogEntry[];
  /** Built-in templates offered first in the picker; the engine's built-ins when not given. */
  builtins?: readonly Template[];
  /** Called once after the first render, when the pane answers input (for the load-time measure). */
  onInteractive?: () => void;
}

export function App({ actions, initialLang, catalog, builtins, onInteractive }: AppProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const {
    state,
    dispatch,
    blockedReason,
    templateKpis,
    supported,
    quickStart,
    refreshSources,
    onApply,
    onSmartCheck,
    onSave,
    onImport,
    onHeaderRowChange,
    pace,
  } = useScorecardController({ actions, initialLang, builtins, onInteractive });

  return (
    <main className={styles.pane} lang={state.lang}>
      <Header lang={state.lang} onLanguageChange={(lang) => dispatch({ type: "languageChanged", lang })} />
      {state.notice && (
        <MessageBar intent={state.notice.intent} layout="multiline" aria-live="polite">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t("common.dismiss")}
                onClick={() => dispatch({ type: "noticeDismissed" })}
              >
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
      <Accordion multiple collapsible defaultOpenItems={["source", "template", "apply"]}>
        <AccordionItem value="source">
          <AccordionHeader as="h2">{t("step.source")}</AccordionHeader>
          <AccordionPanel>
            <SourceStep
              sources={state.sources}
              loading={state.sourcesLoading}
              source={state.source}
              targets={state.targets}
              onSourceChange={(source) => dispatch({ type: "sourcePicked", source })}
              onTargetsChange={(targets) => dispatch({ type: "targetsPicked", targets })}
              onRefresh={() => void refreshSources()}
            />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="columns">
          <AccordionHeader as="h2">{t("step.columns")}</AccordionHeader>
          <AccordionPanel>
            <ColumnsStep
              preview={state.preview}
              loading={state.previewLoading}
              detections={state.detections}
              overrides={state.overrides}
              catalog={catalog}
              templateKpis={templateKpis}
              onMappingChange={(role, column) => dispatch({ type: "mappingChanged", role, column })}
              onHeaderRowChange={onHeaderRowChange}
            />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="template">
          <AccordionHeader as="h2">{t("step.template")}</AccordionHeader>
          <AccordionPanel>
            <TemplateStep
              templates={state.templates}
              templateIndex={state.templateIndex}
              draft={state.draft}
              errors={state.templateErrors}
              catalog={catalog}
              onPick={(index) => dispatch({ type: "templatePicked", index })}
              onImport={(fileName, text) => void onImport(fileName, text)}
              onExport={(template) => {
                const json = exportTemplate(template);
                downloadText(`${template.id}.json`, json);
                return json;
              }}
              onSave={(template) => void onSave(template)}
              onEdit={(patch) => dispatch({ type: "templateEdited", patch })}
              onToggleKpi={(kpi, on) => dispatch({ type: "kpiToggled", kpi, on })}
              onEditKpi={(kpi, patch) => dispatch({ type: "kpiEdited", kpi, patch })}
              supported={supported}
              onQuickStart={quickStart ? () => dispatch({ type: "templateImported", template: quickStart }) : undefined}
            />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="smart">
          <AccordionHeader as="h2">{t("step.smart")}</AccordionHeader>
          <AccordionPanel>
            <SmartStep
              items={state.smart}
              loading={state.smartLoading}
              canCheck={state.source !== null && state.draft !== null && state.templateErrors.length === 0}
              catalog={catalog}
              onCheck={() => void onSmartCheck()}
              review={state.review}
            />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="apply">
          <AccordionHeader as="h2">{t("step.apply")}</AccordionHeader>
          <AccordionPanel>
            <ApplyStep
              apply={state.apply}
              blockedReason={blockedReason}
              sourceRules={state.sourceRules}
              onSourceRulesChange={(on) => dispatch({ type: "sourceRulesChanged", on })}
              strict={state.strict}
              onStrictChange={(on) => dispatch({ type: "strictChanged", on })}
              onApply={() => void onApply()}
              onShowSheet={(sheet) => void actions.showSheet(sheet)}
              onSelectRow={(sheet, row) => actions.selectScorecardRow(sheet, row)}
              options={state.draft && <PaceOptions {...pace} disabled={state.apply.status === "running"} />}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </main>
  );
}
