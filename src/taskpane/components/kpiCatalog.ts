/** What the components need to know about each KPI; App fills it from the engine's KPI registry. */
import type { KpiId, KpiUnit, LocalizedText, Role } from "../../engine/types";

export interface KpiCatalogEntry {
  id: KpiId;
  names: LocalizedText;
  /** Roles the KPI reads; a missing one disables the KPI. */
  roles: Role[];
  unit: KpiUnit;
  /** The KPI is set up with margin-mix tiers (its editor shows them). */
  marginMix?: boolean;
}
