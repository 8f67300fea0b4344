/**
 * The one function the task pane calls for "Apply": read the source (and targets), compute the
 * scorecard, write it to the workbook, and remember the choices in the workbook. Problems come back
 * as a RunError value with a message for the user; nothing is thrown across this boundary except
 * programming mistakes.
 */
import {
  asOfProblemFor,
  columnsForRun,
  columnsOfMapping,
  PLAN_HEAD_ROWS,
  exportTemplate,
  finishRun,
  planRun,
  planTargets,
  problemText,
  readTableForRun,
  type RunPlan,
  type RunProblem,
  type RunProblemCode,
} from "../engine";
import type {
  ColumnMapping,
  DimensionRole,
  Lang,
  PeriodKind,
  Role,
  RoleDetection,
  Scorecard,
  Template,
} from "../engine/types";
import {
  WorkbookError,
  type ProgressListener,
  type SourceRef,
  type SourceRuleColumns,
  type WorkbookErrorCode,
  type WorkbookPort,
  type WriteReport,
} from "./contract";
import { buildWorkbookOutput } from "./exporter";
import { encodeOverrides } from "./settingsCodec";

export interface RunRequest {
  source: SourceRef;
  targets?: SourceRef;
  template: Template;
  overrides?: Partial<Record<Role, string | number | null>>;
  /** Period label to score (e.g. "2026-03"); default: the latest complete period. */
  asOf?: string;
  /** YYYY-MM-DD: score the period holding this day as it stood that day (pace while it runs). */
  asOfDate?: string;
  groupBy?: DimensionRole;
  period?: PeriodKind;
  lang: Lang;
  /** true: add the bad-debt / negative-margin rules to the source; false: remove them; absent: leave as is. */
  sourceRules?: boolean;
  /** 1-based sheet row of the header, when the user chose it; else found under any title block. */
  headerRow?: number;
  /** Clock for the run (tests pass a fixed one). */
  now?: Date;
  /** Refuse when any column the template's KPIs read is missing, instead of marking those KPIs not available. */
  strict?: boolean;
  /** Break each KPI's change down by customer, product and category (why column, drivers sheet). */
  drivers?: boolean;
}

export type RunErrorCode = WorkbookErrorCode | RunProblemCode;

export interface RunError {
  code: RunErrorCode;
  /** One message for the user (English; `code` lets the task pane localize it). */
  message: string;
  /** The engine's refusal (code and parameters), for the message in the pane's language. */
  problem?: RunProblem;
}

export type RunResult =
  | { ok: true; scorecard: Scorecard; report: WriteReport; detections: RoleDetection[]; warnings: string[] }
  | { ok: false; error: RunError };

export async function runScorecard(
  port: WorkbookPort,
  request: RunRequest,
  onProgress?: ProgressListener,
): Promise<RunResult> {
  try {
    // The same plan, checks and finish as the command line's `apply` (engine/runPlan.ts).
    const planned = planRun(request.template, {
      groupBy: request.groupBy,
      period: request.period,
      asOf: request.asOf,
      asOfDate: request.asOfDate,
      strict: request.strict,
      drivers: request.drivers,
      lang: request.lang,
    });
    if (!planned.ok) return refused(planned.problem);
    const plan = planned.plan;
    const readOptions = { overrides: request.overrides, headerRow: request.headerRow };
    // Past its first rows, the source is read only in the columns the plan picks from them.
    let picked: readonly number[] | null = null;
    let table = await port.readSource(request.source, onProgress, {
      headRows: PLAN_HEAD_ROWS,
      columns: (head) => (picked = columnsForRun(plan, head, readOptions)),
    });
    const targetsTable = request.targets ? await port.readSource(request.targets) : undefined;

    onProgress?.({ phase: "computing", rowsDone: 0, rowsTotal: table.rows.length });
    let read = readTableForRun(plan, table, readOptions);
    if (read.ok && picked && !columnsOfMapping(plan, read.mapping).every((c) => picked!.includes(c))) {
      // The whole rows moved the detection to a column not read: read every column, as if none were picked.
      table = await port.readSource(request.source, onProgress);
      read = readTableForRun(plan, table, readOptions);
    }
    if (!read.ok) return refused(read.problem);
    const targets = targetsTable ? planTargets(plan, targetsTable) : undefined;
    if (targets && !targets.ok) return refused(targets.problem);
    const far = asOfProblemFor(plan, read.data);
    if (far) return refused(far);
    const scorecard = finishRun(plan, read.data, read.mapping, targets, request.now);
    const headers = read.headers;

    const output = buildWorkbookOutput(scorecard, request.lang);
    const report = await port.writeOutput(output, onProgress);

    if (request.sourceRules === true) {
      const added = await port.addSourceRules(request.source, ruleColumns(scorecard, headers));
      if (!added)
        report.warnings.push(
          "The rules on the source table could not be added (no bad-debt or margin columns, or this Excel lacks ExcelApi 1.6).",
        );
    } else if (request.sourceRules === false) {
      await port.removeSourceRules();
    }

    await port.saveSettings({
      templateJson: exportTemplate(request.template),
      ...(request.overrides ? { overrides: encodeOverrides(request.overrides, headers) } : {}),
      ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
      source: request.source,
      ...(request.targets ? { targets: request.targets } : {}),
      lang: request.lang,
    });
    onProgress?.({ phase: "done", rowsDone: table.rows.length, rowsTotal: table.rows.length });
    return { ok: true, scorecard, report, detections: read.detections, warnings: rollupWarnings(plan, read.mapping) };
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

function refused(problem: RunProblem): RunResult {
  return { ok: false, error: { code: problem.code, message: problemText(problem, "en"), problem } };
}

/** A roll-up level without its column: every entity is shown under "(blank)"; the user is told. */
function rollupWarnings(plan: RunPlan, mapping: ColumnMapping): string[] {
  return plan.template.rollup
    .filter((role) => role !== plan.groupBy && mapping[role] === undefined)
    .map(
      (role) =>
        `No column is mapped to role "${role}", needed to roll up by ${role}; every entity is shown under "(blank)".`,
    );
}

/** Source columns (0-based) of the roles the source rules look at, from the mapping's headers. */
function ruleColumns(scorecard: Scorecard, headers: string[]): SourceRuleColumns {
  const at = (role: Role) => {
    const header = scorecard.mapping[role];
    const index = header === undefined ? -1 : headers.indexOf(header);
    return index >= 0 ? index : undefined;
  };
  const columns: SourceRuleColumns = {};
  const badDebt = at("bad_debt");
  const revenue = at("revenue");
  const cost = at("cost");
  const profit = at("profit");
  if (badDebt !== undefined) columns.badDebt = badDebt;
  if (revenue !== undefined) columns.revenue = revenue;
  if (cost !== undefined) columns.cost = cost;
  if (profit !== undefined) columns.profit = profit;
  return columns;
}
