/**
 * The one run pipeline of the add-in (workbook/runScorecard.ts) and the command line (cli/applyCommand.ts):
 * plan (which period, which roles to read, which are needed) → read (each front end its own way) →
 * check the mapping, the targets table and the as-of period → finish (compute). Every refusal is a
 * RunProblem: a code with parameters whose texts live in messages.ts, so both front ends accept and
 * refuse the same inputs and say so in the user's language.
 */
import { findDateOutliers, MAX_SPAN_MONTHS } from "./aggregate/dateOutliers";
import { getKpi, rolesOfKpi } from "./kpis";
import { parsePeriodLabel, periodBounds, periodKey, periodLabel, periodSpecFor } from "./periods";
import { loadSalesData } from "./data";
import { LAYOUT_ROWS, layoutTable, type TableLayout } from "./layout";
import { DETECTION_SAMPLE_ROWS, detectColumns, resolveMapping, rolesMissingFor } from "./roles";
import { reviewTargets } from "./review";
import { computeScorecard } from "./scorecard";
import { readTargets } from "./targets/readTargets";
import type {
  ColumnMapping,
  DataNote,
  DimensionRole,
  Lang,
  MessageParams,
  PaceBasis,
  PeriodKind,
  PeriodSpec,
  Role,
  RoleDetection,
  SalesData,
  Scorecard,
  SourceTable,
  TargetEntry,
  Template,
} from "./types";
import { DIMENSION_ROLES, DRIVER_DIMENSIONS } from "./types";
import { isoDateSerial, serialToMonthIndex, ymdToSerial } from "./values/excelSerial";

/** Why a run gives no scorecard; one text per code in messages.ts (PROBLEM_MESSAGES). */
export type RunProblemCode =
  | "missing_role"
  | "bad_mapping"
  | "bad_as_of"
  | "bad_as_of_date"
  | "as_of_date_outside_period"
  | "bad_work_week"
  | "as_of_outside_data"
  | "as_of_far_from_data"
  | "targets_unreadable"
  | "no_rows";

export interface RunProblem {
  code: RunProblemCode;
  params: MessageParams;
}

export interface RunPlanOptions {
  groupBy?: DimensionRole;
  period?: PeriodKind;
  /** Period label to score; absent: the latest complete period. */
  asOf?: string;
  /** YYYY-MM-DD: score the period holding this day as it stood that day (pace while the period runs). */
  asOfDate?: string;
  /** Pace: the working days of the week (ISO weekdays 1–7), instead of the template's `pace.workWeek`. */
  workWeek?: readonly number[];
  /** Pace: last year's curve or working days, instead of the template's `pace.basis`. */
  paceBasis?: PaceBasis;
  /** Refuse when any role the template's KPIs read is missing. */
  strict?: boolean;
  /** Break each KPI's change down by customer, product and category (read then too). */
  drivers?: boolean;
  /** Language of the drivers' why texts (default en). */
  lang?: Lang;
}

/** What a run reads and needs, decided before any row is read. */
export interface RunPlan {
  template: Template;
  groupBy: DimensionRole;
  period?: PeriodKind;
  spec: PeriodSpec;
  asOf?: string;
  asOfDate?: string;
  workWeek?: number[];
  paceBasis?: PaceBasis;
  strict: boolean;
  /** Roles without which the run is refused. */
  requiredRoles: Role[];
  /** Roles read into SalesData; other columns are skipped. */
  loadRoles: ReadonlySet<Role>;
  drivers: boolean;
  lang?: Lang;
}

/** Roles a template's KPIs read, with the date and the grouping. */
export function requiredRolesFor(template: Template, groupBy: DimensionRole = template.groupBy): Role[] {
  const roles = new Set<Role>(["date", groupBy]);
  for (const tk of template.kpis) {
    const def = getKpi(tk.kpi);
    if (def) for (const role of rolesOfKpi(def, tk)) roles.add(role);
  }
  return [...roles];
}

/**
 * Roles without which a run gives no scorecard: the date and the grouping. Every other role only feeds
 * some KPIs, which are then shown as not available (with the reason) and their weight shared out.
 * `strict` restores the older refusal: every role the template's KPIs read must be there.
 */
export function rolesARunNeeds(template: Template, groupBy: DimensionRole = template.groupBy, strict = false): Role[] {
  return strict ? requiredRolesFor(template, groupBy) : ["date", groupBy];
}

/**
 * The roles a template reads: its KPIs' roles, the grouping and roll-up, and the inputs that change a
 * figure when present (derived revenue and cost, the currency guard, deals counted by order). Other
 * columns are not read: a million distinct order ids cost more than the whole computation.
 */
export function rolesToLoad(template: Template, groupBy: DimensionRole = template.groupBy): Set<Role> {
  const roles = new Set<Role>([...requiredRolesFor(template, groupBy), ...template.rollup]);
  for (const role of ["revenue", "quantity", "unit_price", "cost", "profit", "currency"] as const) roles.add(role);
  for (const tk of template.kpis) for (const role of getKpi(tk.kpi)?.optionalRoles ?? []) roles.add(role);
  return roles;
}

/** The plan of a run, or `bad_as_of` when the as-of label is not a period of the template's kind. */
export function planRun(
  template: Template,
  opts: RunPlanOptions = {},
): { ok: true; plan: RunPlan } | { ok: false; problem: RunProblem } {
  const groupBy = opts.groupBy ?? template.groupBy;
  const spec: PeriodSpec = periodSpecFor(template.period, opts.period);
  if (opts.asOf !== undefined && parsePeriodLabel(opts.asOf, spec) === null)
    return { ok: false, problem: { code: "bad_as_of", params: { asOf: opts.asOf, periodKind: spec.kind } } };
  let asOf = opts.asOf;
  if (opts.asOfDate !== undefined) {
    const bad = asOfDateProblem(opts.asOfDate);
    if (bad) return { ok: false, problem: bad };
    const day = isoDateSerial(opts.asOfDate)!;
    const period = periodLabel(periodKey(day, spec), spec);
    if (asOf !== undefined && parsePeriodLabel(asOf, spec) !== periodKey(day, spec))
      return {
        ok: false,
        problem: { code: "as_of_date_outside_period", params: { asOfDate: opts.asOfDate, asOf, period } },
      };
    asOf = period;
  }
  if (opts.workWeek !== undefined && !isWorkWeek(opts.workWeek))
    return { ok: false, problem: { code: "bad_work_week", params: { workWeek: opts.workWeek.join(",") } } };
  const strict = opts.strict ?? false;
  return {
    ok: true,
    plan: {
      template,
      groupBy,
      ...(opts.period ? { period: opts.period } : {}),
      spec,
      ...(asOf !== undefined ? { asOf } : {}),
      ...(opts.asOfDate !== undefined ? { asOfDate: opts.asOfDate.trim() } : {}),
      ...(opts.workWeek !== undefined ? { workWeek: [...opts.workWeek].sort((a, b) => a - b) } : {}),
      ...(opts.paceBasis !== undefined ? { paceBasis: opts.paceBasis } : {}),
      strict,
      requiredRoles: rolesARunNeeds(template, groupBy, strict),
      loadRoles: opts.drivers
        ? new Set([...rolesToLoad(template, groupBy), ...DRIVER_DIMENSIONS])
        : rolesToLoad(template, groupBy),
      drivers: opts.drivers ?? false,
      ...(opts.lang ? { lang: opts.lang } : {}),
    },
  };
}

/** `bad_as_of_date` when the text is not a YYYY-MM-DD date (the pane checks its field with it while typing). */
export function asOfDateProblem(text: string): RunProblem | null {
  return isoDateSerial(text) === null ? { code: "bad_as_of_date", params: { asOfDate: text } } : null;
}

/** A work week: ISO weekdays 1 (Monday) to 7 (Sunday), each at most once, at least one (as the template schema). */
export function isWorkWeek(days: readonly number[]): boolean {
  return days.length > 0 && days.every((d, i) => Number.isInteger(d) && d >= 1 && d <= 7 && days.indexOf(d) === i);
}

/** How the header was read, for a message that says where to look. */
export interface HeaderFacts {
  sheet: string;
  headers: string[];
  /** 1-based sheet row of the header. */
  headerRow: number;
}

/** `missing_role` when the mapping lacks a role the plan needs (revenue may be quantity × unit price). */
export function missingRoleProblem(
  requiredRoles: readonly Role[],
  mapping: ColumnMapping,
  facts: HeaderFacts,
): RunProblem | null {
  const missing = rolesMissingFor([...requiredRoles], mapping);
  if (missing.length === 0) return null;
  return {
    code: "missing_role",
    params: {
      sheet: facts.sheet,
      roles: missing.join(", "),
      count: missing.length,
      headers: facts.headers.map((h, i) => (h === "" || h == null ? `(column ${i + 1})` : `"${h}"`)).join(", "),
      headerRow: facts.headerRow,
    },
  };
}

/** The targets table's entries and notes, or `targets_unreadable`: a table the user named is never dropped silently. */
export function planTargets(
  plan: RunPlan,
  table: SourceTable,
): { ok: true; targets: TargetEntry[]; notes: DataNote[] } | { ok: false; problem: RunProblem } {
  const read = readTargets(table, plan.spec, plan.groupBy);
  if (read.errors.length > 0)
    return {
      ok: false,
      problem: { code: "targets_unreadable", params: { sheet: table.sheet, detail: read.errors[0] } },
    };
  return { ok: true, targets: read.entries, notes: read.notes };
}

/** `as_of_outside_data` when the as-of period is so far from the data that the periods between would be a century. */
export function asOfProblemFor(plan: RunPlan, data: SalesData): RunProblem | null {
  if (plan.asOf === undefined) return null;
  const key = parsePeriodLabel(plan.asOf, plan.spec);
  if (key === null) return null;
  const range = findDateOutliers(data);
  if (range.firstMonth !== range.firstMonth) return null; // no dates
  const { start, end } = periodBounds(key, plan.spec);
  const first = Math.min(range.firstMonth, serialToMonthIndex(start));
  const last = Math.max(range.lastMonth, serialToMonthIndex(end));
  if (last - first < MAX_SPAN_MONTHS) {
    // Weeks and days: every period between the data and the as-of is a column of history, so they are
    // counted too (1,200 periods: a century of months, three years of days).
    const dataFirst = periodKey(monthStart(range.firstMonth), plan.spec);
    const dataLast = periodKey(monthStart(range.lastMonth + 1) - 1, plan.spec);
    const beyond = key > dataLast ? key - dataLast : dataFirst > key ? dataFirst - key : 0;
    if (beyond <= MAX_SPAN_MONTHS) return null;
    return {
      code: "as_of_far_from_data",
      params: {
        asOf: plan.asOf,
        periods: beyond,
        periodKind: plan.spec.kind,
        max: MAX_SPAN_MONTHS,
        first: isoMonth(range.firstMonth),
        last: isoMonth(range.lastMonth),
      },
    };
  }
  return {
    code: "as_of_outside_data",
    params: {
      asOf: plan.asOf,
      years: MAX_SPAN_MONTHS / 12,
      first: isoMonth(range.firstMonth),
      last: isoMonth(range.lastMonth),
    },
  };
}

/** Serial of the first day of month index `month` (y × 12 + m − 1). */
function monthStart(month: number): number {
  const y = Math.floor(month / 12);
  return ymdToSerial(y, month - y * 12 + 1, 1);
}

function isoMonth(month: number): string {
  const y = Math.floor(month / 12);
  return `${y}-${String(month - y * 12 + 1).padStart(2, "0")}`;
}

/** The finish step: the checked data, the targets and their notes → the scorecard, with its target review. */
export function finishRun(
  plan: RunPlan,
  data: SalesData,
  mapping: ColumnMapping,
  targets?: { targets: TargetEntry[]; notes: DataNote[] },
  now?: Date,
): Scorecard {
  const withNotes = targets && targets.notes.length > 0 ? { ...data, notes: [...data.notes, ...targets.notes] } : data;
  const scorecard = computeScorecard({
    data: withNotes,
    template: plan.template,
    targets: targets?.targets,
    asOf: plan.asOf,
    ...(plan.asOfDate !== undefined ? { asOfDate: plan.asOfDate } : {}),
    ...(plan.workWeek !== undefined ? { workWeek: plan.workWeek } : {}),
    ...(plan.paceBasis !== undefined ? { paceBasis: plan.paceBasis } : {}),
    groupBy: plan.groupBy,
    period: plan.period,
    now,
    mapping,
    drivers: plan.drivers,
    lang: plan.lang,
  });
  // The target review reads the history just computed (issue 13 §4): every front end gets it from here.
  scorecard.review = reviewTargets(scorecard, plan.template);
  return scorecard;
}

/**
 * The read step for a table already in memory (the add-in reads the whole source; the command line
 * streams the same steps through cli/salesSink.ts): find the header, detect and resolve the columns,
 * check the needed roles, and load the rows the plan reads.
 */
export function readTableForRun(
  plan: RunPlan,
  source: SourceTable,
  opts: { overrides?: Partial<Record<Role, string | number | null>>; headerRow?: number } = {},
):
  | {
      ok: true;
      data: SalesData;
      mapping: ColumnMapping;
      detections: RoleDetection[];
      headers: string[];
      layout: TableLayout;
    }
  | { ok: false; problem: RunProblem } {
  const laid = layoutTable(source, opts.headerRow);
  if (!laid.ok) return { ok: false, problem: { code: "bad_mapping", params: { detail: laid.error } } };
  const table = laid.table;
  const resolved = resolveMapping(table.headers, detectColumns(table), opts.overrides);
  if (resolved.errors.length > 0)
    return { ok: false, problem: { code: "bad_mapping", params: { detail: resolved.errors.join(" ") } } };
  const missing = missingRoleProblem(plan.requiredRoles, resolved.mapping, {
    sheet: table.sheet,
    headers: table.headers,
    headerRow: laid.layout.headerRow,
  });
  if (missing) return { ok: false, problem: missing };
  if (table.rows.length === 0) return { ok: false, problem: { code: "no_rows", params: { sheet: table.sheet } } };
  const loaded = mappingOfRoles(resolved.mapping, plan.loadRoles);
  const data = loadSalesData(table, loaded, totalsColumns(resolved.mapping, loaded));
  if (data.rowsRead === 0) return { ok: false, problem: { code: "no_rows", params: { sheet: table.sheet } } };
  if (laid.notes.length > 0) data.notes = [...laid.notes, ...data.notes];
  return {
    ok: true,
    data,
    mapping: resolved.mapping,
    detections: resolved.detections,
    headers: table.headers,
    layout: laid.layout,
  };
}

/**
 * The whole pipeline on a table in memory, writing nothing (the pane's SMART check): the same plan,
 * checks and refusals as Apply and `apply`.
 */
export function scoreTable(
  source: SourceTable,
  template: Template,
  opts: RunPlanOptions & {
    overrides?: Partial<Record<Role, string | number | null>>;
    headerRow?: number;
    targetsTable?: SourceTable;
    now?: Date;
  } = {},
):
  | { ok: true; scorecard: Scorecard; detections: RoleDetection[]; layout: TableLayout }
  | { ok: false; problem: RunProblem } {
  const planned = planRun(template, opts);
  if (!planned.ok) return planned;
  const { plan } = planned;
  const read = readTableForRun(plan, source, opts);
  if (!read.ok) return read;
  let targets: { targets: TargetEntry[]; notes: DataNote[] } | undefined;
  if (opts.targetsTable) {
    const t = planTargets(plan, opts.targetsTable);
    if (!t.ok) return t;
    targets = t;
  }
  const far = asOfProblemFor(plan, read.data);
  if (far) return { ok: false, problem: far };
  const scorecard = finishRun(plan, read.data, read.mapping, targets, opts.now);
  return { ok: true, scorecard, detections: read.detections, layout: read.layout };
}

/** The part of a mapping that names the given roles. */
export function mappingOfRoles(mapping: ColumnMapping, roles: ReadonlySet<Role>): ColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([role]) => roles.has(role as Role))) as ColumnMapping;
}

/**
 * Dimension columns of a mapping that are not loaded: their total words still mark a totals row.
 * Order ids are not looked at: a million distinct ids would cost more than the whole run.
 */
export function totalsColumns(mapping: ColumnMapping, loaded: ColumnMapping): number[] {
  const read = new Set(Object.values(loaded));
  return DIMENSION_ROLES.map((r) => mapping[r]).filter((c): c is number => c !== undefined && !read.has(c));
}

/** Rows under the header a reader hands the plan before it picks the columns: the layout's search and the detection's sample. */
export const PLAN_HEAD_ROWS = LAYOUT_ROWS + DETECTION_SAMPLE_ROWS;

/**
 * The source columns (0-based) a run reads past its first rows, decided on the header and those rows
 * with the same layout, detection and overrides as the read step: the loaded roles' columns and the
 * dimension columns whose total words mark a totals row. null: every column (the head does not settle
 * the mapping; the read step then says why on the whole source).
 */
export function columnsForRun(
  plan: RunPlan,
  head: SourceTable,
  opts: { overrides?: Partial<Record<Role, string | number | null>>; headerRow?: number } = {},
): number[] | null {
  const laid = layoutTable(head, opts.headerRow);
  if (!laid.ok) return null;
  const resolved = resolveMapping(laid.table.headers, detectColumns(laid.table), opts.overrides);
  if (resolved.errors.length > 0) return null;
  return columnsOfMapping(plan, resolved.mapping);
}

/** The columns a mapping makes a run read (what loadSalesData looks at), sorted. */
export function columnsOfMapping(plan: RunPlan, mapping: ColumnMapping): number[] {
  const loaded = mappingOfRoles(mapping, plan.loadRoles);
  const columns = new Set<number>([...Object.values(loaded), ...totalsColumns(mapping, loaded)]);
  return [...columns].sort((a, b) => a - b);
}
