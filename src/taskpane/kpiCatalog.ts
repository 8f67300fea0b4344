/** The components' KPI catalogue, from the engine's registry (names, roles read, unit). */
import { KPI_REGISTRY } from "../engine";
import type { KpiCatalogEntry } from "./components/kpiCatalog";

export const KPI_CATALOG: KpiCatalogEntry[] = KPI_REGISTRY.map((definition) => ({
  id: definition.id,
  names: definition.names,
  // Every KPI is computed per period, so the date is always needed.
  roles: definition.roles.includes("date") ? [...definition.roles] : ["date", ...definition.roles],
  unit: definition.unit,
  marginMix: definition.settings?.marginMix === true,
}));
