/**
 * `kpi-scorecard apply`: INPUT (.xlsx, or a .csv/.tsv/.txt text file) → scorecard workbook copy and/or scorecard JSON.
 * INPUT is never written; OUTPUT is replaced only with --force, through a temporary file.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { asOfProblemFor, finishRun, noteMessage, planRun, planTargets, type RunPlan } from "../engine";
import type { DimensionRole, Lang, PaceBasis, PeriodKind, Role, Scorecard } from "../engine/types";
import { buildWorkbookOutput } from "../workbook/exporter";
import {
  checkOutputPath,
  OutputWriteError,
  temporaryPathFor,
  trackTemporary,
  untrackTemporary,
} from "../xlsx/atomicWrite";
import { checkTextOptions, type TextReadOptions } from "../xlsx/readCsvSource";
import { writeScorecardWorkbook } from "../xlsx/writeScorecardWorkbook";
import type { CliIo } from "./io";
import { checkInputFile } from "./inputFile";
import { loadTemplate } from "./loadTemplate";
import { EXIT, fail, refuse, type Outcome } from "./outcome";
import { progressReporter } from "./progressReporter";
import { isCsv, readSalesSource, TEXT_EXTENSIONS, type SourceOrigin } from "./readSalesSource";
import { readTargetsTable } from "./readTargetsTable";
import { writeJsonAtomically } from "./writeJson";

export interface ApplyOptions {
  input: string;
  sheet?: string;
  table?: string;
  template: string;
  targets?: string;
  groupBy?: DimensionRole;
  period?: PeriodKind;
  asOf?: string;
  /** --as-of-date YYYY-MM-DD: the day the period is scored as of (pace while it runs). */
  asOfDate?: string;
  /** --work-week 1,2,3,4,5,6: pace's working days (ISO weekdays), instead of the template's. */
  workWeek?: number[];
  /** --pace-basis: last year's curve or working days, instead of the template's. */
  paceBasis?: PaceBasis;
  map: Partial<Record<Role, string>>;
  /** --header-row: the 1-based sheet row of the header (default: found by engine/layout). */
  headerRow?: number;
  /** Text input: --encoding and --delimiter (detected when absent). */
  text?: TextReadOptions;
  lang: Lang;
  out?: string;
  json?: string;
  force: boolean;
  quiet: boolean;
  /** Refuse when any column the template's KPIs read is missing (default: those KPIs are marked not available). */
  strict?: boolean;
  /** --drivers: what moved each KPI, by customer, product and category (JSON drivers). */
  drivers?: boolean;
  /** Clock for the run (tests pass a fixed one). */
  now?: Date;
}

export interface ApplyResult {
  scorecard: Scorecard;
  warnings: string[];
}

/** INPUT and how to read it: the arguments `apply` and `review` share (one home for their checks). */
export type SourceArguments = Pick<ApplyOptions, "input" | "sheet" | "table" | "text">;

/** The INPUT file, its kind and the reading options that fit it. */
export function checkSourceArguments(o: SourceArguments): Outcome<object> {
  // A folder or a pipe is named as such whatever its name ends in.
  if (fs.existsSync(o.input) && !fs.statSync(o.input).isFile()) return checkInputFile(o.input, "INPUT");
  const ext = path.extname(o.input).toLowerCase();
  if (ext !== ".xlsx" && !TEXT_EXTENSIONS.includes(ext))
    return fail(EXIT.badArguments, `INPUT ${o.input} must be an .xlsx, .csv, .tsv or .txt file`);
  const textProblem = checkTextOptions(o.text ?? {});
  if (textProblem) return fail(EXIT.badArguments, textProblem);
  const input = checkInputFile(o.input, "INPUT");
  if (!input.ok) return input;
  if (o.sheet && o.table) return fail(EXIT.badArguments, "use --sheet or --table, not both");
  if (isCsv(o.input) && (o.sheet || o.table))
    return fail(EXIT.badArguments, "--sheet and --table apply to .xlsx input, not text files");
  if (!isCsv(o.input) && o.text && (o.text.encoding !== undefined || o.text.delimiter !== undefined))
    return fail(EXIT.badArguments, "--encoding and --delimiter apply to text input (.csv, .tsv, .txt), not .xlsx");
  return { ok: true };
}

/** An output path (--out, --json): never INPUT; an existing file only with --force. "-" is stdout. */
export function checkOutputArgument(
  flag: string,
  target: string | undefined,
  input: string,
  force: boolean,
): Outcome<object> {
  if (!target || target === "-") return { ok: true };
  if (path.resolve(target) === path.resolve(input))
    return fail(EXIT.badArguments, `${flag} ${target} is the INPUT file: INPUT is never modified, choose another path`);
  const check = checkOutputPath(target, force, flag);
  return check.ok ? { ok: true } : fail(EXIT.badArguments, check.message);
}

function checkArguments(o: ApplyOptions): Outcome<object> {
  if (!o.out && !o.json) {
    const source = checkSourceArguments(o);
    if (!source.ok) return source;
    return fail(
      EXIT.badArguments,
      "nothing to write: add --out OUTPUT.xlsx and/or --json FILE (or --json - for stdout)",
    );
  }
  const source = checkSourceArguments(o);
  if (!source.ok) return source;
  for (const [flag, target] of [
    ["--out", o.out],
    ["--json", o.json],
  ] as const) {
    const check = checkOutputArgument(flag, target, o.input, o.force);
    if (!check.ok) return check;
  }
  if (o.out && path.extname(o.out).toLowerCase() !== ".xlsx")
    return fail(EXIT.badArguments, `--out ${o.out} must end in .xlsx`);
  return { ok: true };
}

export async function runApply(o: ApplyOptions, io: CliIo): Promise<Outcome<ApplyResult>> {
  try {
    return await apply(o, io);
  } catch (error) {
    if (error instanceof OutputWriteError) return fail(EXIT.badArguments, error.message);
    throw error;
  }
}

async function apply(o: ApplyOptions, io: CliIo): Promise<Outcome<ApplyResult>> {
  const args = checkArguments(o);
  if (!args.ok) return args;
  const loaded = loadTemplate(o.template);
  if (!loaded.ok) return loaded;
  // The same plan, checks and finish as the add-in's runScorecard (engine/runPlan.ts).
  const planned = planRun(loaded.template, {
    groupBy: o.groupBy,
    period: o.period,
    asOf: o.asOf,
    asOfDate: o.asOfDate,
    workWeek: o.workWeek,
    paceBasis: o.paceBasis,
    strict: o.strict,
    drivers: o.drivers,
    lang: o.lang,
  });
  if (!planned.ok) return refuse(planned.problem, o.lang);
  const plan = planned.plan;
  const progress = progressReporter(io.stderr, o.quiet);
  // Beside OUTPUT (same disk), removed at the end whatever happens.
  const csvBaseFile = o.out && isCsv(o.input) ? temporaryPathFor(o.out, "csv-base") : "";
  let csvBaseFailed: Promise<never> | null = null;
  try {
    progress.phase("reading");
    // The output is the INPUT package plus the scorecard sheets; for a CSV, a package of its rows
    // is written (streaming) while the rows are read. Sheets and tables are streamed.
    let base: Buffer | null = o.out && !isCsv(o.input) ? fs.readFileSync(o.input) : null;
    let csvBase: { writer: ExcelJS.stream.xlsx.WorkbookWriter; worksheet: ExcelJS.Worksheet } | null = null;
    let origin: SourceOrigin = { kind: "stream" } as SourceOrigin;
    if (o.out && isCsv(o.input)) {
      trackTemporary(csvBaseFile);
      const stream = fs.createWriteStream(csvBaseFile);
      // A write error (disk full, folder gone) must stop the run: ExcelJS would wait forever.
      csvBaseFailed = new Promise<never>((_, reject) =>
        stream.on("error", (error) => reject(new OutputWriteError(o.out!, error))),
      );
      csvBaseFailed.catch(() => undefined);
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream,
        useStyles: true,
        useSharedStrings: false,
      });
      csvBase = { writer, worksheet: writer.addWorksheet(csvSheetName(o.input)) };
      origin = { kind: "csvInto", worksheet: csvBase.worksheet };
    }
    const scored = await scoreSource(o, plan, origin, progress);
    if (!scored.ok) return scored;
    const { scorecard, source } = scored;

    const warnings: string[] = [];
    if (csvBase) {
      csvBase.worksheet.commit();
      await Promise.race([csvBase.writer.commit(), csvBaseFailed!]);
      base = fs.readFileSync(csvBaseFile);
    }
    if (o.out && base) {
      progress.phase("writing");
      const output = buildWorkbookOutput(scorecard, o.lang, { noteMessage });
      let report;
      try {
        report = await writeScorecardWorkbook(base, output, o.out, source.sheet);
      } catch (error) {
        if (error instanceof OutputWriteError || isCsv(o.input)) throw error;
        // The INPUT package read well enough for its rows, but a part the copy needs is broken or missing.
        const why = error instanceof Error ? error.message : String(error);
        return fail(EXIT.unreadableInput, `INPUT ${o.input} cannot be copied into OUTPUT: ${why}`);
      }
      warnings.push(...report.warnings);
    }
    if (o.json) {
      const text = JSON.stringify(scorecard, null, 2) + "\n";
      if (o.json === "-") io.stdout.write(text);
      else await writeJsonAtomically(o.json, text);
    }
    return { ok: true, scorecard, warnings };
  } finally {
    progress.stop();
    if (csvBaseFile) untrackTemporary(csvBaseFile);
  }
}

/**
 * The read and finish steps of a run on INPUT (`apply` and `review`): the sales rows, the targets table,
 * the as-of check, then the scorecard (with its target review, engine/runPlan.ts finishRun).
 */
export async function scoreSource(
  o: Pick<ApplyOptions, "input" | "sheet" | "table" | "map" | "headerRow" | "text" | "targets" | "lang" | "now">,
  plan: RunPlan,
  origin: SourceOrigin,
  progress: Pick<ReturnType<typeof progressReporter>, "rows" | "phase">,
): Promise<Outcome<{ scorecard: Scorecard; source: { sheet: string } }>> {
  const source = await readSalesSource(
    {
      file: o.input,
      sheet: o.sheet,
      table: o.table,
      overrides: o.map,
      requiredRoles: plan.requiredRoles,
      loadRoles: plan.loadRoles,
      headerRow: o.headerRow,
      text: o.text,
    },
    origin,
    (n) => progress.rows(n),
  );
  if (!source.ok) return source.problem ? refuse(source.problem, o.lang) : source;

  let targets;
  if (o.targets) {
    const table = await readTargetsTable(o.input, o.targets, null);
    if (!table.ok) return table;
    targets = planTargets(plan, table.table);
    if (!targets.ok) return refuse(targets.problem, o.lang);
  }
  const far = asOfProblemFor(plan, source.data);
  if (far) return refuse(far, o.lang);
  progress.phase("computing");
  return { ok: true, scorecard: finishRun(plan, source.data, source.mapping, targets, o.now), source };
}

/** The CSV's data sheet in the output: its file name, made legal for Excel. */
function csvSheetName(file: string): string {
  return (
    path
      .basename(file, path.extname(file))
      .replace(/[[\]:*?/\\]/g, "_")
      .slice(0, 31) || "Data"
  );
}
