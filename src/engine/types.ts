/**
 * The engine's shared vocabulary. Pure data types: no Office, React or file format here.
 * Every other layer (Excel adapter, .xlsx adapter, task pane, CLI) speaks these types.
 */

export const LANGS = ["en", "vi", "zh-Hans", "zh-Hant"] as const;
export type Lang = (typeof LANGS)[number];
/** Text in the four languages of the product. */
export type LocalizedText = Record<Lang, string>;

/** Column roles of product.md §2. */
export const ROLES = [
  "date",
  "order_id",
  "customer",
  "salesperson",
  "region",
  "product",
  "category",
  "margin_tier",
  "new_product",
  "quantity",
  "unit_price",
  "revenue",
  "cost",
  "profit",
  "receivable",
  "collected",
  "bad_debt",
  "status",
  "expense",
  "satisfaction",
  "currency",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose values are amounts or counts (read as numbers; blank stays blank, never 0). */
export const NUMERIC_ROLES = [
  "quantity",
  "unit_price",
  "revenue",
  "cost",
  "profit",
  "receivable",
  "collected",
  "bad_debt",
  "expense",
  /** A customer satisfaction score (any scale: 1–5, 0–10, 0–100). */
  "satisfaction",
] as const;
export type NumericRole = (typeof NUMERIC_ROLES)[number];

/** Roles whose values are labels (read as trimmed text; blank stays blank). */
export const TEXT_ROLES = [
  "order_id",
  "customer",
  "salesperson",
  "region",
  "product",
  "category",
  "margin_tier",
  "status",
  "currency",
] as const;
export type TextRole = (typeof TEXT_ROLES)[number];

/** Roles a scorecard can be grouped or rolled up by. */
export const DIMENSION_ROLES = ["salesperson", "region", "product", "category", "customer", "margin_tier"] as const;
export type DimensionRole = (typeof DIMENSION_ROLES)[number];

/** A cell as Excel hands it over in Range.values (or as ExcelJS/CSV give it after normalisation). */
export type RawCell = string | number | boolean | null | undefined;

/** A block of cells read from a sheet: the header row and the data rows below it. */
export interface SourceTable {
  /** Sheet (or table) name, for messages. */
  sheet: string;
  headers: string[];
  rows: RawCell[][];
  /** 1-based sheet row number of rows[0] (the row under the header), so notes can name the sheet row. */
  firstRow: number;
}

/** Which column (index into SourceTable.headers) plays each role. Unmapped roles are absent. */
export type ColumnMapping = Partial<Record<Role, number>>;

export interface RoleDetection {
  role: Role;
  column: number;
  header: string;
  /** 0..1 */
  confidence: number;
  source: "header" | "values" | "user";
}

/** Kinds of data problem. Messages for each live in engine/messages.ts, in the four languages. */
export type NoteKind =
  | "not_a_number"
  | "not_a_date"
  | "error_value"
  | "not_a_flag"
  | "unknown_status"
  | "missing_date"
  | "row_skipped"
  | "mixed_currency"
  | "no_history_for_new_customers"
  | "ambiguous_parent"
  | "target_unreadable"
  | "target_missing"
  | "cost_from_profit"
  | "date_month_first"
  | "title_row"
  | "header_row"
  | "total_row"
  | "subtotal_row"
  | "footer_row"
  | "kpi_not_available"
  | "target_from_history"
  | "text_encoding"
  | "date_system_1904"
  | "formula_without_value"
  | "date_out_of_range"
  | "sum_overflow"
  | "text_changed"
  | "bonus_base_missing"
  | "after_as_of_date"
  | "history_trimmed"
  | "trend_lines_left_out"
  | "bridge_not_available"
  | "pace_basis_fallback";

/** A data problem reported to the user: where (sheet row, column header), what (raw value), and why. */
export interface DataNote {
  /** 1-based sheet row number, when the note is about one row. */
  row?: number;
  /** The column header, as in the sheet. */
  column?: string;
  /** The raw cell value, as text. */
  value?: string;
  kind: NoteKind;
  /** English message, e.g. "not a number"; localised text comes from messages.ts by kind. */
  problem: string;
}

export const PERIOD_KINDS = ["month", "quarter", "year", "week", "day"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodSpec {
  kind: PeriodKind;
  /** 1..12; 1 = calendar year. Months, quarters and years only. */
  fiscalYearStartMonth: number;
  /** ISO weekday weeks start on (1 = Monday, ISO weeks … 7 = Sunday); weeks only; absent = 1. */
  weekStart?: number;
}

/** KPI ids of product.md §4: the ids of the KPI registry (src/engine/kpis/index.ts). */
export type { KpiId } from "./kpis";
import type { KpiId } from "./kpis";

export type Direction = "higher" | "lower" | "band";
/** score: an average on the sheet's own scale (satisfaction 1–5), shown with two decimals. */
export type KpiUnit = "money" | "percent" | "count" | "units" | "score";

/** A KPI's value for one entity and period: a number, or the reason there is none. Never an exception. */
export type KpiValue =
  | { ok: true; value: number }
  /** reason: English text (kept in the JSON); reasonCode/reasonParams: the same, for other languages (engine/messages.ts). */
  | { ok: false; reason: string; reasonCode?: ReasonCode; reasonParams?: MessageParams };

// ---------- Templates (product.md §6) ----------

export type TargetSpec =
  | { type: "fixed"; value: number }
  /** From the targets table; `column` names the KPI's column in a wide table (default: the KPI id). */
  | { type: "table"; column?: string; fallback?: number }
  /** Same period last year × (1 + rate). */
  | { type: "growth"; rate: number }
  /** A band: attainment 100% inside [min, max]. */
  | { type: "range"; min: number; max: number };

export interface StatusBand {
  /** Status id, e.g. "met", "at_risk", "missed". */
  status: string;
  /** Lowest attainment (fraction) that earns this status; bands are ordered from highest min to lowest. */
  min: number;
  /** Hex colour, e.g. "#107C10". */
  color: string;
}

export interface MarginTierSpec {
  /** Tier label as it appears in the margin_tier column (matched case-insensitively). */
  tier: string;
  /** Target amount (in the basis' unit) or share (fraction), per targetKind. */
  target: number;
  targetKind: "amount" | "share";
  /** min: sell at least this much (default); max: sell at most this much. */
  kind: "min" | "max";
  /** Margin per unit of basis, for the mix effect; when absent the tier's actual average margin is used. */
  unitMargin?: number;
}

export interface MarginMixSpec {
  basis: "quantity" | "revenue";
  tiers: MarginTierSpec[];
}

export interface TemplateKpi {
  kpi: KpiId;
  /** Weight in percent; the template's weights sum to 100. */
  weight: number;
  target: TargetSpec;
  /** Overrides the KPI's own direction (e.g. expense_vs_budget is "band" by default). */
  direction?: Direction;
  bands?: StatusBand[];
  /** Score clamp; defaults 0 and 1.2. */
  floor?: number;
  cap?: number;
  gate?: boolean;
  marginMix?: MarginMixSpec;
  /** For premium_share: which margin tiers count as premium (default ["premium"]). */
  premiumTiers?: string[];
}

/** Bonus base (issue 13 §3): one amount for every entity, or a column of the targets table per entity. */
export type BonusSpec = { base: number } | { targetsColumn: string };

export interface PayoutCurve {
  /** (attainment → payout) points, attainment ascending; fractions. */
  points: Array<{ attainment: number; payout: number }>;
  /** Below this weighted score nothing is paid. */
  threshold: number;
  cap?: number;
}

export interface Template {
  schemaVersion: 1;
  id: string;
  version: string;
  names: LocalizedText;
  description?: Partial<LocalizedText>;
  groupBy: DimensionRole;
  /** Roll-up chain above groupBy, e.g. ["region"]; a total is always added. */
  rollup: DimensionRole[];
  period: PeriodSpec;
  kpis: TemplateKpi[];
  /** Payout cap when a gate fails, e.g. 0.8. */
  gateCap: number;
  payout: PayoutCurve;
  /** Default bands for KPIs that do not set their own. */
  bands?: StatusBand[];
  /** Pace in the running period: how the expected share of the target is counted, and the working days. */
  pace?: PaceSettings;
  /** When set, each row gets a bonus amount: payout × base (roll-ups: the sum of their members). */
  bonus?: BonusSpec;
}

export interface TemplateError {
  /** e.g. "kpis[2].bands[1].min" */
  path: string;
  message: string;
}

// ---------- Targets table (product.md §3) ----------

/** One target, normalised from a wide or long targets table. */
export interface TargetEntry {
  entity: string;
  /** Period label as in §9 ("2026-03", "2026-Q1", "2026", "FY2026", "2026-W09", "2026-03-05"); "" means every period. */
  period: string;
  /** KPI id, or "margin_mix:<tier>" for a tier target. */
  kpi: string;
  target: number;
}

// ---------- Scorecard (product.md §9) ----------

/** Where a cell's target came from: the template, the targets table, the children's targets summed,
 * the same period last year's actual, or the mean of up to three previous periods' actuals. */
export type TargetSource = "template" | "table" | "children" | "last_year" | "previous_periods";

/**
 * How pace counts the share of a period's target expected by the as-of day: last year's curve of the same
 * period (what was sold by the same day of it, over its whole), or the share of working days elapsed.
 */
export type PaceBasis = "lastYear" | "workingDays";

export interface PaceSettings {
  /** Default lastYear: last year's curve where the data has it, else working days. */
  basis?: PaceBasis;
  /** ISO weekdays (1 = Monday … 7 = Sunday); default Monday–Friday. */
  workWeek?: number[];
}

/** A KPI's pace in the running period (issue 13 §2); never part of attainment, score or payout. */
export interface KpiPace {
  /** YYYY-MM-DD */
  asOfDate: string;
  /** Target × the share of working days elapsed (amounts that accrue); the target itself for rates. */
  expectedToDate: number | null;
  /** End-of-period value at the pace so far (amounts: actual ÷ share elapsed; rates: the actual). */
  projected: number | null;
  projectedAttainment: number | null;
  /** The status band of projectedAttainment. */
  status: string | null;
  /**
   * What the expected share was counted by (amounts that accrue; absent for rates, expected at their target):
   * last year's curve of the same period, or working days.
   */
  basis?: PaceBasis;
  /** With basis lastYear: "total" when the entity had no last year's figures and the total's curve was used. */
  curveOf?: "total";
  /** The share of the period's target expected by the as-of day (amounts that accrue). */
  share?: number;
}

/** The running period's calendar facts behind every pace figure. */
export interface PaceInfo {
  asOfDate: string;
  /** The basis asked for (the template's, or the run's override); each KPI's pace says which one it used. */
  basis: PaceBasis;
  /** The same day of the same period last year (same offset from the period's start, at most its last day). */
  lastYearDate: string;
  workWeek: number[];
  elapsedWorkingDays: number;
  periodWorkingDays: number;
}

export interface KpiCell {
  actual: number | null;
  target?: number | null;
  /** Where the target came from (absent when there is none). */
  targetSource?: TargetSource;
  attainment?: number | null;
  status?: string | null;
  score?: number | null;
  /** Why there is no actual (or no target): "no receivable in period". */
  reason?: string;
  /** The reason as a code and its values, to show it in the user's language (engine/messages.ts reasonText). */
  reasonCode?: ReasonCode;
  reasonParams?: MessageParams;
  /** What moved the actual against the previous period and the same period last year (when asked for). */
  drivers?: KpiDrivers;
  /** The drivers against the previous period in one line, in the run's language: "-60: Beer -90, Minh Phát -80". */
  why?: string;
  /** Only on the scored period's rows of a running period (the as-of date inside it). */
  pace?: KpiPace;
}

/** Dimensions the change of a KPI is broken down by (those the data has). */
export const DRIVER_DIMENSIONS = ["customer", "product", "category"] as const;
export type DriverDimension = (typeof DRIVER_DIMENSIONS)[number];

/** Member name of the one entry that gathers every contributor not listed. */
export const OTHERS_MEMBER = "(others)";

/** One contributor to a change: the entries of a dimension add up to the change. */
export interface DriverEntry {
  member: string;
  contribution: number;
  /** contribution / change (null when the change is 0). */
  share: number | null;
  /** Ratio KPIs: the part due to the member's own rate moving, and the part due to its weight moving. */
  rateEffect?: number;
  mixEffect?: number;
}

/** Net sales and gross profit: the change split by product into price, volume and mix (engine/drivers/bridge.ts). */
export interface PriceVolumeMix {
  price: number;
  volume: number;
  mix: number;
}

/** The change of one KPI against one earlier period, broken down per dimension. */
export interface DriverComparison {
  /** The earlier period's label. */
  period: string;
  change: number;
  by: Partial<Record<DriverDimension, DriverEntry[]>>;
  /** Price + volume + mix = change; only for KPIs with a bridge, when the data has products and quantities. */
  bridge?: PriceVolumeMix;
}

export interface KpiDrivers {
  vsPrevious?: DriverComparison;
  vsLastYear?: DriverComparison;
}

export interface ScorecardRow {
  entity: string;
  /** The group-by role, a roll-up role, or "total". */
  level: string;
  parent: string | null;
  period: string;
  kpis: Partial<Record<KpiId, KpiCell>>;
  score: number | null;
  payout: number | null;
  /** false: a gate failed; null: none failed but some could not be evaluated (see gatesNotEvaluated). */
  gatesPassed: boolean | null;
  failedGates: KpiId[];
  /** Gates whose KPI cannot be computed (its column is missing): neither passed nor failed. */
  gatesNotEvaluated?: KpiId[];
  /**
   * Only when the template has a bonus: payout × the entity's base; a roll-up row or the total, the sum of
   * its members' amounts; null when there is no payout or no base (a data note names the entity).
   */
  bonus?: number | null;
}

export interface HistoryRow {
  entity: string;
  level: string;
  period: string;
  kpi: KpiId;
  actual: number | null;
  target: number | null;
  attainment: number | null;
  status: string | null;
  score: number | null;
}

export interface MarginTierResult {
  tier: string;
  kind: "min" | "max";
  actual: number;
  target: number;
  actualShare: number | null;
  targetShare: number | null;
  attainment: number | null;
}

export interface MarginMixDetail {
  entity: string;
  level: string;
  period: string;
  basis: "quantity" | "revenue";
  tiers: MarginTierResult[];
  /** Total actual basis / total target basis. */
  volumeAttainment: number | null;
  /** Lowest tier attainment. */
  mixAttainment: number | null;
  /** Σ (actual share − target share) × total actual basis × unit margin. */
  mixEffect: number | null;
  gatePassed: boolean | null;
}

export type SmartLetter = "specific" | "measurable" | "attainable" | "relevant" | "timeBound";
export interface SmartCheckItem {
  kpi: KpiId;
  /** detail: English sentence; code/params: the same, for other languages (engine/messages.ts smartDetailText). */
  checks: Record<SmartLetter, { ok: boolean; detail: string; code?: SmartCode; params?: MessageParams }>;
}

/** What the UI and writers need to know about each KPI column. */
export interface ScorecardKpiInfo {
  id: KpiId;
  names: LocalizedText;
  unit: KpiUnit;
  direction: Direction;
  weight: number;
  gate: boolean;
  bands: StatusBand[];
  /** The score clamp's cap (template default 1.2): the highest score the KPI can give. */
  cap?: number;
  /** false when the data lacks a column the KPI reads: every cell says why (reasonCode "column_not_mapped"); the engine always sets it. */
  available?: boolean;
  /** The roles it lacks, when not available. */
  missingRoles?: Role[];
}

export interface Scorecard {
  version: 1;
  template: string;
  templateVersion: string;
  groupBy: DimensionRole;
  rollup: DimensionRole[];
  period: PeriodKind;
  fiscalYearStartMonth: number;
  /** Week periods only: the ISO weekday weeks start on (1 = Monday, ISO weeks). */
  weekStart?: number;
  asOf: string;
  /** Present when the as-of date lies inside the scored period (a running period). */
  pace?: PaceInfo;
  /** role → header, as in the sheet. */
  mapping: Partial<Record<Role, string>>;
  kpis: ScorecardKpiInfo[];
  rows: ScorecardRow[];
  history: HistoryRow[];
  marginMix: MarginMixDetail[];
  notes: DataNote[];
  smart: SmartCheckItem[];
  /** ISO time of the run. */
  generatedAt: string;
  /** Count of source rows read and used. */
  rowsRead: number;
  rowsUsed: number;
  /** The target review over the history (issue 13 §4; engine/review): set by the run pipeline (finishRun). */
  review?: TargetReview;
}

// ---------- Target review (SMARTER: evaluate and re-evaluate; engine/review) ----------

/** too_low: beaten by far in most periods; too_high: never met; too_few_periods: not enough periods to judge. */
export type ReviewFinding = "too_low" | "too_high" | "fine" | "too_few_periods";

/** One sentence of the review: one text per code in messages.ts (REVIEW_MESSAGES). */
export type ReviewCode =
  | "review_too_low"
  | "review_too_high"
  | "review_fine"
  | "review_too_few"
  | "review_not_counted"
  | "suggest_percentile"
  | "suggest_growth"
  | "suggest_none_band"
  | "suggest_none_reference"
  | "suggest_none_few";

/** The spread of the attainments of the periods counted (quartiles as Excel's QUARTILE.INC). */
export interface AttainmentSpread {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** q3 − q1. */
  iqr: number;
}

/** A review sentence: the English text, and its code and values for the other languages. */
export interface ReviewText {
  detail: string;
  code: ReviewCode;
  params: MessageParams;
}

export interface TargetSuggestion extends ReviewText {
  /** The period it is for: the one after the last period reviewed. */
  period: string;
  /** null when no single target can be suggested (the text says why). */
  value: number | null;
  basis: "percentile" | "growth" | null;
}

/** One entity's (or level total's) review of one KPI's target. */
export interface TargetReviewItem extends ReviewText {
  entity: string;
  level: string;
  kpi: KpiId;
  /** Periods counted: with a target and an attainment. */
  periods: number;
  /** Periods not counted: no target; a target but no actual. */
  withoutTarget: number;
  withoutActual: number;
  /** Periods with attainment ≥ 100 %. */
  met: number;
  metShare: number | null;
  /** Periods beaten by more than the review's margin (30 %). */
  beaten: number;
  spread: AttainmentSpread | null;
  finding: ReviewFinding;
  /** When some periods are not counted: the sentence saying how many. */
  notCounted?: ReviewText;
  suggestion: TargetSuggestion;
}

export interface TargetReview {
  /** First and last period reviewed (null when there is none). */
  from: string | null;
  to: string | null;
  /** The period the suggestions are for. */
  nextPeriod: string;
  /** The running period (as-of date inside it), left out of the review. */
  runningPeriod?: string;
  /** Per entity of the scorecard (reading order, level totals included), per KPI with a column. */
  items: TargetReviewItem[];
}

// ---------- Typed sales data (the engine's input after reading cells) ----------

export const DEAL_STATUSES = ["unknown", "won", "lost", "cancelled", "open"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Distinct labels of a text column, stored as codes for speed over a million rows. */
export interface LabelColumn {
  /** codes[i] indexes values; -1 = blank. */
  codes: Int32Array;
  values: string[];
}

/**
 * The sales rows after reading, in columns (a million rows must fit and be fast).
 * Blank is not zero: a blank or unreadable number is NaN.
 */
export interface SalesData {
  length: number;
  /** 1-based sheet row of each record. */
  sheetRows: Int32Array;
  /** Excel serial day numbers (1900 date system, integer part); NaN where blank/unreadable. */
  dates: Float64Array;
  numbers: Partial<Record<NumericRole, Float64Array>>;
  labels: Partial<Record<TextRole, LabelColumn>>;
  /** 1 = new product, 0 = not, 255 = blank/unknown. Absent when the role is unmapped. */
  newProduct?: Uint8Array;
  /** Index into DEAL_STATUSES. Absent when the role is unmapped. */
  status?: Uint8Array;
  mapping: ColumnMapping;
  headers: string[];
  sheet: string;
  notes: DataNote[];
  /** Rows in the source, and rows skipped (with a note each). */
  rowsRead: number;
  rowsSkipped: number;
}

// ---------- Engine entry point ----------

/** What computeScorecard (src/engine/scorecard.ts) takes. Options override the template's own settings. */
export interface ScorecardInput {
  data: SalesData;
  template: Template;
  /** From readTargets (src/engine/targets/readTargets.ts). */
  targets?: TargetEntry[];
  /** Period label to score (§9 form); default: the latest complete period in the data. */
  asOf?: string;
  /**
   * YYYY-MM-DD: score the period holding this day as it stood that day (rows dated later are left out, with a
   * note); pace is given while the period runs. Default: today when today lies inside the scored period.
   */
  asOfDate?: string;
  /** Pace: the working days of the week (ISO weekdays) instead of the template's `pace.workWeek`. */
  workWeek?: number[];
  /** Pace: the basis instead of the template's `pace.basis`. */
  paceBasis?: PaceBasis;
  groupBy?: DimensionRole;
  period?: PeriodKind;
  fiscalYearStartMonth?: number;
  /** Clock for generatedAt and "complete period" (tests pass a fixed one). */
  now?: Date;
  /** The whole column mapping to report in the scorecard; default: the roles read into data. */
  mapping?: ColumnMapping;
  /** Break each KPI's change down by customer, product and category (KpiCell.drivers). */
  drivers?: boolean;
  /** Language of the texts the scorecard writes itself (KpiCell.why); default en. */
  lang?: Lang;
}

// ---------- Localizable messages (engine/messages.ts holds their texts) ----------

/** Values filled into a message's {placeholders}; role, roles, kpi, amount and periodKind values are codes. */
export type MessageParams = Record<string, string | number>;

/** Why a KPI has no value (or no target): one code per sentence of REASON_MESSAGES. */
export type ReasonCode =
  | "unknown_kpi"
  | "column_not_mapped"
  | "mixed_currencies"
  | "mixed_currencies_in"
  | "no_amount_in_period"
  | "no_amount_in"
  | "no_data_for"
  | "no_active_customers_in"
  | "no_won_or_lost_deals"
  | "no_closed_deals"
  | "no_orders"
  | "no_sales_plan"
  | "sales_plan_not_positive"
  | "no_expense_budget"
  | "expense_budget_not_positive"
  | "period_outside_data"
  | "no_history_for_new_customers"
  | "no_margin_tiers"
  | "no_tier_target"
  | "no_tier_target_above_zero"
  | "no_target"
  | "no_growth_base"
  | "sum_overflow";

/** The outcome of one SMART check: one code per sentence of SMART_MESSAGES. */
export type SmartCode =
  | "specific_ok"
  | "specific_no_definition"
  | "measurable_ok"
  | "measurable_no_columns_needed"
  | "measurable_unmapped"
  | "measurable_no_values"
  | "attainable_ok"
  | "attainable_too_low"
  | "attainable_too_high"
  | "attainable_no_target"
  | "attainable_no_past"
  | "relevant_ok"
  | "relevant_gate"
  | "relevant_no_weight"
  | "relevant_weights_sum"
  | "time_bound_ok"
  | "time_bound_no_period";
