/**
 * The engine's public surface: pure TypeScript, no Office, React, file format or node built-in.
 * The task pane, the workbook writers and the command line all come through here.
 */
import { loadSalesData } from "./data";
import { layoutTable, type TableLayout } from "./layout";
import { mappingOfRoles, missingRoleProblem, rolesARunNeeds, rolesToLoad, totalsColumns } from "./runPlan";
import { problemText } from "./messages";
import { parsePeriodLabel, periodSpecFor } from "./periods";
import { detectColumns, resolveMapping } from "./roles";
import { computeScorecard } from "./scorecard";
import { readTargets } from "./targets/readTargets";
import type {
  ColumnMapping,
  DimensionRole,
  PeriodKind,
  Role,
  RoleDetection,
  Scorecard,
  SourceTable,
  TargetEntry,
  Template,
} from "./types";

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

export interface ScorecardFromTableOptions {
  /** role → header text or 0-based column index; null removes a detected role. */
  overrides?: Partial<Record<Role, string | number | null>>;
  targetsTable?: SourceTable;
  asOf?: string;
  groupBy?: DimensionRole;
  period?: PeriodKind;
  now?: Date;
  /** 1-based sheet row of the header, when the user chose it; else it is detected (layout/). */
  headerRow?: number;
  /** Refuse when any role the template reads is missing (see rolesARunNeeds). */
  strict?: boolean;
}

/** The part of a mapping a template reads (see rolesToLoad). */
export function mappingToLoad(mapping: ColumnMapping, template: Template, groupBy?: DimensionRole): ColumnMapping {
  return mappingOfRoles(mapping, rolesToLoad(template, groupBy));
}

/**
 * Detect columns, apply the user's mapping, read the rows and the targets, and compute the scorecard,
 * for previews and the SMART check: problems come back as English lines in `errors` and the run goes
 * on where it can. A run that writes (Apply, `apply`) goes through runPlan.ts and refuses instead.
 */
export function scorecardFromTable(
  source: SourceTable,
  template: Template,
  opts: ScorecardFromTableOptions = {},
): {
  scorecard: Scorecard;
  detections: RoleDetection[];
  errors: string[];
  /** Where the header was found (title rows skipped above it). */
  layout?: TableLayout;
  /** The headers the engine read (the found header row; a two-row header joined). */
  headers: string[];
} {
  const groupBy = opts.groupBy ?? template.groupBy;
  const errors: string[] = [];
  const laid = layoutTable(source, opts.headerRow);
  if (!laid.ok) errors.push(laid.error);
  const table = laid.ok ? laid.table : source;
  const resolved = resolveMapping(table.headers, detectColumns(table), opts.overrides);
  errors.push(...resolved.errors);
  const missing = missingRoleProblem(rolesARunNeeds(template, groupBy, opts.strict), resolved.mapping, {
    sheet: table.sheet,
    headers: table.headers,
    headerRow: laid.ok ? laid.layout.headerRow : (table.firstRow ?? 2) - 1,
  });
  if (missing) errors.push(problemText(missing, "en"));
  const seen = table.headers.map((h, i) => (h === "" || h == null ? `(column ${i + 1})` : `"${h}"`)).join(", ");
  for (const role of template.rollup) {
    if (role !== groupBy && resolved.mapping[role] === undefined) {
      errors.push(
        `No column is mapped to role "${role}", needed to roll up by ${role}; every entity is shown under "(blank)". Headers seen: ${seen}.`,
      );
    }
  }

  const loaded = mappingToLoad(resolved.mapping, template, groupBy);
  const data = loadSalesData(table, loaded, totalsColumns(resolved.mapping, loaded));
  if (laid.ok && laid.notes.length > 0) data.notes = [...laid.notes, ...data.notes];
  const spec = periodSpecFor(template.period, opts.period);
  let targets: TargetEntry[] | undefined;
  if (opts.targetsTable) {
    const read = readTargets(opts.targetsTable, spec, groupBy);
    targets = read.entries;
    data.notes = [...data.notes, ...read.notes];
    errors.push(...read.errors);
  }
  let asOf = opts.asOf;
  if (asOf !== undefined && parsePeriodLabel(asOf, spec) === null) {
    errors.push(
      `${problemText({ code: "bad_as_of", params: { asOf, periodKind: spec.kind } }, "en")} (the latest complete period is used)`,
    );
    asOf = undefined;
  }
  const scorecard = computeScorecard({
    data,
    template,
    targets,
    asOf,
    groupBy,
    period: opts.period,
    now: opts.now,
    mapping: resolved.mapping,
  });
  return {
    scorecard,
    detections: resolved.detections,
    errors,
    layout: laid.ok ? laid.layout : undefined,
    headers: table.headers,
  };
}
