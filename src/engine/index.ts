/**
 * The engine's public surface: pure TypeScript, no Office, React, file format or node built-in.
 * The task pane, the workbook writers and the command line all come through here.
 */
import { mappingOfRoles, rolesToLoad } from "./runPlan";
import type { ColumnMapping, DimensionRole, Template } from "./types";

export * from "./types";
export * from "./values";
export * from "./roles";
export * from "./data";
export * from "./layout";
export * from "./periods";
export * from "./messages";
export { readTargets } from "./targets/readTargets";
export * from "./templates";
export * from "./scoring";
export * from "./kpis";
export * from "./aggregate";
export { computeScorecard, dataHasRole } from "./scorecard";
export * from "./quickStart";
export * from "./templateSupport";
export * from "./runPlan";
export * from "./review";

export function mappingToLoad(mapping: ColumnMapping, template: Template, groupBy?: DimensionRole): ColumnMapping {
  return mappingOfRoles(mapping, rolesToLoad(template, groupBy));
}
