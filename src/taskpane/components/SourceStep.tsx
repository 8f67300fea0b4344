/** Step 1: the sales table (or selection / sheet) and the optional targets table. */
import { Button, Field, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { SourceInfo, SourceRef } from "../../workbook/contract";
import { formatNumber } from "../../i18n/format";
import { infoKey, sourceFromKey, sourceKey } from "./sourceRefs";
import { useLang } from "./useLang";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface SourceStepProps {
  sources: SourceInfo[];
  loading: boolean;
  source: SourceRef | null;
  targets: SourceRef | null;
  onSourceChange: (source: SourceRef) => void;
  onTargetsChange: (targets: SourceRef | null) => void;
  onRefresh: () => void;
}

export function SourceStep(props: SourceStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const label = (info: SourceInfo) =>
    t(info.kind === "table" ? "source.tableOption" : "source.sheetOption", {
      name: info.name,
      rows: formatNumber(info.rows, lang),
    });
  const tables = props.sources.filter((s) => s.kind === "table");
  const sheets = props.sources.filter((s) => s.kind === "sheet");
  const options = (
    <>
      {tables.length > 0 && (
        <optgroup label={t("source.tables")}>
          {tables.map((s) => (
            <option key={infoKey(s)} value={infoKey(s)}>
              {label(s)}
            </option>
          ))}
        </optgroup>
      )}
      {sheets.length > 0 && (
        <optgroup label={t("source.sheets")}>
          {sheets.map((s) => (
            <option key={infoKey(s)} value={infoKey(s)}>
              {label(s)}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
  return (
    <div className={styles.step}>
      <Field label={t("source.sales")} hint={t("source.salesHint")} required>
        <Select
          value={sourceKey(props.source)}
          onChange={(_, data) => {
            const ref = sourceFromKey(data.value);
            if (ref) props.onSourceChange(ref);
          }}
        >
          {!props.source && <option value="">{t("source.pick")}</option>}
          {options}
          <option value="selection">{t("source.selection")}</option>
        </Select>
      </Field>
      <Field label={t("source.targets")} hint={t("source.targetsHint")}>
        <Select
          value={sourceKey(props.targets)}
          onChange={(_, data) => props.onTargetsChange(sourceFromKey(data.value))}
        >
          <option value="">{t("source.noTargets")}</option>
          {options}
        </Select>
      </Field>
      <div>
        {props.loading ? (
          <Spinner size="tiny" label={t("source.loading")} />
        ) : (
          <Button onClick={props.onRefresh}>{t("source.refresh")}</Button>
        )}
      </div>
    </div>
  );
}
