/**
 * The editing part of step 3: KPIs with their weights, targets and bands, the template's settings, its
 * status bands and payout. TemplateStep loads it lazily (React.lazy), so its code and the Fluent controls
 * only it uses (Switch, Checkbox, Input) stay out of the pane's initial JavaScript.
 */
import { useTranslation } from "react-i18next";
import type { KpiId, Template, TemplateError, TemplateKpi } from "../../engine/types";
import { BandsEditor, DEFAULT_BANDS } from "./BandsEditor";
import type { KpiCatalogEntry } from "./kpiCatalog";
import { KpiList } from "./KpiList";
import { PayoutEditor } from "./PayoutEditor";
import { TemplateSettings } from "./TemplateSettings";

export interface TemplateEditorProps {
  draft: Template;
  errors: TemplateError[];
  catalog: KpiCatalogEntry[];
  onEdit: (patch: Partial<Omit<Template, "kpis">>) => void;
  onToggleKpi: (kpi: KpiId, on: boolean) => void;
  onEditKpi: (kpi: KpiId, patch: Partial<TemplateKpi>) => void;
}

export function TemplateEditor({ draft, errors, catalog, onEdit, onToggleKpi, onEditKpi }: TemplateEditorProps) {
  const { t } = useTranslation();
  return (
    <>
      <KpiList template={draft} catalog={catalog} errors={errors} onToggle={onToggleKpi} onEdit={onEditKpi} />
      <TemplateSettings template={draft} errors={errors} onChange={onEdit} />
      <BandsEditor
        legend={t("template.bands")}
        bands={draft.bands ?? DEFAULT_BANDS}
        path="bands"
        errors={errors}
        onChange={(bands) => onEdit({ bands })}
      />
      <PayoutEditor payout={draft.payout} errors={errors} onChange={(payout) => onEdit({ payout })} />
    </>
  );
}
