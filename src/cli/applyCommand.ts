/**
 * `kpi-scorecard apply`: INPUT (.xlsx or .csv) → scorecard workbook copy and/or scorecard JSON.
 * INPUT is never written; OUTPUT is replaced only with --force, through a temporary file.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { computeScorecard, noteMessage, parsePeriodLabel, readTargets, requiredRolesFor, rolesToLoad } from "../engine";
import type { DataNote, DimensionRole, Lang, PeriodKind, Role, Scorecard, TargetEntry } from "../engine/types";
import { buildWorkbookOutput } from "../workbook/exporter";
import { checkOutputPath } from "../xlsx/atomicWrite";
import { loadWorkbook } from "../xlsx/readXlsxSource";
import { writeScorecardWorkbook } from "../xlsx/writeScorecardWorkbook";
import type { CliIo } from "./io";
import { loadTemplate } from "./loadTemplate";
import { EXIT, fail, type Outcome } from "./outcome";
import { progressReporter } from "./progressReporter";
import { isCsv, readSalesSource, type SourceOrigin } from "./readSalesSource";
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
  map: Partial<Record<Role, string>>;
  lang: Lang;
  out?: string;
  json?: string;
  force: boolean;
  quiet: boolean;
  /** Clock for the run (tests pass a fixed one). */
  now?: Date;
}

export interface ApplyResult {
  scorecard: Scorecard;
  warnings: string[];
}

function checkArguments(o: ApplyOptions): Outcome<object> {
  const ext = path.extname(o.input).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv")
    return fail(EXIT.badArguments, `INPUT ${o.input} must be an .xlsx or .csv file`);
  if (!fs.existsSync(o.input)) return fail(EXIT.unreadableInput, `INPUT ${o.input} does not exist`);
  if (!o.out && !o.json)
    return fail(
      EXIT.badArguments,
      "nothing to write: add --out OUTPUT.xlsx and/or --json FILE (or --json - for stdout)",
    );
  if (o.sheet && o.table) return fail(EXIT.badArguments, "use --sheet or --table, not both");
  if (isCsv(o.input) && (o.sheet || o.table))
    return fail(EXIT.badArguments, "--sheet and --table apply to .xlsx input, not CSV");
  for (const [flag, target] of [
    ["--out", o.out],
    ["--json", o.json === "-" ? undefined : o.json],
  ] as const) {
    if (!target) continue;
    if (path.resolve(target) === path.resolve(o.input))
      return fail(
        EXIT.badArguments,
        `${flag} ${target} is the INPUT file: INPUT is never modified, choose another path`,
      );
    const check = checkOutputPath(target, o.force);
    if (!check.ok) return fail(EXIT.badArguments, check.message);
  }
  if (o.out && path.extname(o.out).toLowerCase() !== ".xlsx")
    return fail(EXIT.badArguments, `--out ${o.out} must end in .xlsx`);
  return { ok: true };
}

export async function runApply(o: ApplyOptions, io: CliIo): Promise<Outcome<ApplyResult>> {
  const args = checkArguments(o);
  if (!args.ok) return args;
  const loaded = loadTemplate(o.template);
  if (!loaded.ok) return loaded;
  const template = loaded.template;
  const spec = { kind: o.period ?? template.period.kind, fiscalYearStartMonth: template.period.fiscalYearStartMonth };
  if (o.asOf !== undefined && parsePeriodLabel(o.asOf, spec) === null) {
    return fail(
      EXIT.badArguments,
      `--as-of ${o.asOf} is not a ${spec.kind} label: use e.g. 2026-03 (month), 2026-Q1 (quarter), 2026 or FY2026 (year)`,
    );
  }
  const progress = progressReporter(io.stderr, o.quiet);
  // Beside OUTPUT (same disk), removed at the end whatever happens.
  const csvBaseFile = o.out
    ? path.join(path.dirname(path.resolve(o.out)), `.${path.basename(o.out)}.${process.pid}.csv-base.tmp`)
    : "";
  try {
    progress.phase("reading");
    // The output is the INPUT package plus the scorecard sheets; for a CSV, a package of its rows
    // is written (streaming) while the rows are read. A table needs the workbook loaded.
    let base: Buffer | null = o.out && !isCsv(o.input) ? fs.readFileSync(o.input) : null;
    let csvBase: { writer: ExcelJS.stream.xlsx.WorkbookWriter; worksheet: ExcelJS.Worksheet } | null = null;
    let origin: SourceOrigin = { kind: "stream" };
    if (o.out && isCsv(o.input)) {
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: csvBaseFile,
        useStyles: true,
        useSharedStrings: false,
      });
      csvBase = { writer, worksheet: writer.addWorksheet(csvSheetName(o.input)) };
      origin = { kind: "csvInto", worksheet: csvBase.worksheet };
    } else if (o.table) {
      const opened = await loadWorkbook(o.input);
      if (!opened.ok) return fail(EXIT.unreadableInput, opened.message);
      origin = { kind: "loaded", workbook: opened.workbook };
    }
    const source = await readSalesSource(
      {
        file: o.input,
        sheet: o.sheet,
        table: o.table,
        overrides: o.map,
        requiredRoles: requiredRolesFor(template, o.groupBy ?? template.groupBy),
        loadRoles: rolesToLoad(template, o.groupBy ?? template.groupBy),
      },
      origin,
      (n) => progress.rows(n),
    );
    if (!source.ok) return source;

    let targets: TargetEntry[] | undefined;
    const notes: DataNote[] = [];
    if (o.targets) {
      const table = await readTargetsTable(o.input, o.targets, origin.kind === "loaded" ? origin.workbook : null);
      if (!table.ok) return table;
      const read = readTargets(table.table, spec, o.groupBy ?? template.groupBy);
      if (read.errors.length > 0) return fail(EXIT.unreadableInput, read.errors[0]);
      targets = read.entries;
      notes.push(...read.notes);
    }

    progress.phase("computing");
    if (notes.length > 0) source.data.notes = [...source.data.notes, ...notes];
    const scorecard = computeScorecard({
      data: source.data,
      template,
      targets,
      asOf: o.asOf,
      groupBy: o.groupBy,
      period: o.period,
      now: o.now,
      mapping: source.mapping,
    });

    const warnings: string[] = [];
    if (csvBase) {
      csvBase.worksheet.commit();
      await csvBase.writer.commit();
      base = fs.readFileSync(csvBaseFile);
    }
    if (o.out && base) {
      progress.phase("writing");
      const output = buildWorkbookOutput(scorecard, o.lang, { noteMessage });
      const report = await writeScorecardWorkbook(base, output, o.out, source.sheet);
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
    if (csvBaseFile) fs.rmSync(csvBaseFile, { force: true });
  }
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
