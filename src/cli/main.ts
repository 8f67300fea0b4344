/**
 * The `kpi-scorecard` command line (product.md §8): apply, review, inspect, templates, validate, sample.
 * `main(argv, io)` returns the exit code, so tests run it in-process with fake streams:
 * 0 done; 2 bad arguments; 3 unreadable input; 4 invalid template. Errors are one line on stderr.
 */
import { Command, CommanderError, InvalidArgumentError, Option, type OptionValues } from "commander";
import { TOTAL_LEVEL } from "../engine/aggregate";
import { paceBasisName } from "../engine/messages";
import { DIMENSION_ROLES, LANGS, PERIOD_KINDS, ROLES, type Lang, type Role } from "../engine/types";
import { runApply } from "./applyCommand";
import { reviewTable, runReview } from "./reviewCommand";
import { inspectText, runInspect } from "./inspectCommand";
import { processIo, type CliIo } from "./io";
import { EXIT, fail, oneLine, type Failure } from "./outcome";
import { runSample } from "./sampleCommand";
import { templatesFor, templatesJson, templatesText } from "./templatesCommand";
import { validateTemplateFile } from "./validateCommand";

function collectMapping(value: string, previous: Partial<Record<Role, string>>): Partial<Record<Role, string>> {
  const eq = value.indexOf("=");
  const role = value.slice(0, eq).trim();
  const header = value.slice(eq + 1).trim();
  if (eq < 1 || header === "") throw new InvalidArgumentError(`expected ROLE=HEADER, e.g. revenue="Doanh thu"`);
  if (!(ROLES as readonly string[]).includes(role))
    throw new InvalidArgumentError(`unknown role "${role}"; roles: ${ROLES.join(", ")}`);
  return { ...previous, [role]: header };
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("expected a whole number");
  return n;
}

function positiveNumber(value: string): number {
  const n = wholeNumber(value);
  if (n < 1) throw new InvalidArgumentError("expected a sheet row number, 1 or more");
  return n;
}

/** "1,2,3,4,5,6" → [1, 2, 3, 4, 5, 6]; which numbers make a work week is the engine's rule (planRun). */
function weekdayList(value: string): number[] {
  const parts = value.split(",").map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part)))
    throw new InvalidArgumentError("expected ISO weekday numbers separated by commas, e.g. 1,2,3,4,5,6");
  return parts.map(Number);
}

/** "tab" or "\t" for a tab; otherwise the character itself. */
function textDelimiter(value: string): string {
  return value === "tab" || value === "\\t" ? "\t" : value;
}

/** Weeks start on the template's period.weekStart (ISO weeks by default). */
const periodOption = () =>
  new Option(
    "--period <kind>",
    "period length instead of the template's (week: ISO weeks, labelled 2026-W09; day: 2026-03-05)",
  ).choices([...PERIOD_KINDS]);

/** The options of `apply` that `review` takes too: what to read, how, with which template and targets. */
const REVIEW_SHARES_APPLY = [
  "--sheet",
  "--table",
  "--template",
  "--targets",
  "--group-by",
  "--period",
  "--as-of",
  "--as-of-date",
  "--map",
  "--header-row",
  "--encoding",
  "--delimiter",
  "--lang",
  "--strict",
];

const langOption = () =>
  new Option("--lang <lang>", "language of sheet names, headers and labels")
    .choices(LANGS as unknown as string[])
    .default("en");

/** The input, template and reading options `apply` and `review` share, from commander's parsed options. */
function sourceOptions(input: string, opts: OptionValues) {
  return {
    input,
    sheet: opts.sheet,
    table: opts.table,
    template: opts.template,
    targets: opts.targets,
    groupBy: opts.groupBy,
    period: opts.period,
    asOf: opts.asOf,
    asOfDate: opts.asOfDate,
    map: opts.map,
    headerRow: opts.headerRow,
    text: { encoding: opts.encoding, delimiter: opts.delimiter },
    lang: opts.lang as Lang,
  };
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const report = (failure: Failure) => {
    io.stderr.write(`kpi-scorecard: ${oneLine(failure.message)}\n`);
    exitCode = failure.exit;
  };
  const program = new Command("kpi-scorecard")
    .description("KPI scorecards from sales rows in .xlsx or .csv files: the engine of the KPI Scorecard Excel add-in")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) =>
        write(`kpi-scorecard: ${oneLine(text.replace(/^error: /, "").trim())} (see --help)\n`),
    })
    .showSuggestionAfterError(true);

  const apply = program
    .command("apply")
    .description(
      "score INPUT with a template; write a copy of the workbook with the scorecard sheets, and/or the scorecard JSON",
    )
    .argument("<input>", "sales rows: an .xlsx workbook or a .csv, .tsv or .txt text file")
    .option("--sheet <name>", "the sheet holding the sales rows (default: the first sheet with data)")
    .option("--table <name>", "the Excel table holding the sales rows")
    .option("--template <id|file>", "a built-in template id (see `templates`) or a template .json file", "sales-rep")
    .option("--targets <sheet>", "the sheet of the targets table (for CSV input: a targets .csv file)")
    .addOption(
      new Option("--group-by <role>", "score by this dimension instead of the template's").choices(
        DIMENSION_ROLES as unknown as string[],
      ),
    )
    .addOption(periodOption())
    .option(
      "--as-of <period>",
      "the period to score: 2026-03, 2026-Q1, 2026 or FY2026, 2026-W09, 2026-03-05 (default: the latest complete period)",
    )
    .option(
      "--as-of-date <YYYY-MM-DD>",
      "score the period holding this day as it stood that day (rows dated later are left out); while the period runs, each KPI gets its pace: expected to date, projection, projected status",
    )
    .option(
      "--work-week <days>",
      "pace: the working days as ISO weekdays, 1 = Monday … 7 = Sunday, e.g. 1,2,3,4,5,6 (default: the template's pace.workWeek, else 1,2,3,4,5)",
      weekdayList,
    )
    .addOption(
      new Option(
        "--pace-basis <basis>",
        "pace: expected to date by last year's curve of the same period where the data has it, or by working days (default: the template's pace.basis, else lastYear)",
      ).choices(["lastYear", "workingDays"]),
    )
    .option(
      "--map <role=header>",
      'map a column to a role, e.g. --map revenue="Doanh thu" (repeatable)',
      collectMapping,
      {},
    )
    .option(
      "--header-row <n>",
      "the sheet row (1-based) of the column headers (default: found under any title block)",
      positiveNumber,
    )
    .option(
      "--encoding <name>",
      "text input: its encoding, e.g. utf-8, gb18030, big5, windows-1258 (default: detected)",
    )
    .option("--delimiter <char>", 'text input: the field delimiter, e.g. ";" or tab (default: detected)', textDelimiter)
    .addOption(langOption())
    .option("--out <file.xlsx>", "the output workbook (a copy of INPUT plus the scorecard sheets)")
    .option("--json <file|->", "write the scorecard JSON to a file, or to stdout with -")
    .option("--force", "replace OUTPUT if it exists", false)
    .option(
      "--strict",
      "refuse when a column a KPI reads is missing (default: that KPI is shown as not available and its weight shared out)",
      false,
    )
    .option(
      "--drivers",
      "break each KPI's change down by customer, product and category, and net sales and gross profit into price, volume and mix by product",
      false,
    )
    .option("-q, --quiet", "no progress bar or messages", false)
    .action(async (input: string, opts) => {
      const result = await runApply(
        {
          ...sourceOptions(input, opts),
          workWeek: opts.workWeek,
          paceBasis: opts.paceBasis,
          out: opts.out,
          json: opts.json,
          force: opts.force,
          quiet: opts.quiet,
          strict: opts.strict,
          drivers: opts.drivers,
        },
        io,
      );
      if (!result.ok) return report(result);
      if (opts.quiet) return;
      for (const warning of result.warnings) io.stderr.write(`kpi-scorecard: note: ${oneLine(warning)}\n`);
      const message = (text: string) => (opts.json === "-" ? io.stderr : io.stdout).write(text + "\n");
      const sc = result.scorecard;
      message(
        `scored ${sc.rows.length} rows (${sc.groupBy}, ${sc.period} ${sc.asOf}) from ${sc.rowsUsed} of ${sc.rowsRead} source rows with template ${sc.template}`,
      );
      const totalRow = sc.rows.find((row) => row.level === TOTAL_LEVEL);
      const bonus = totalRow?.bonus;
      if (bonus !== undefined) {
        message(
          `total bonus cost: ${bonus === null ? "none (no entity has both a payout and a bonus base; see the notes)" : Math.round(bonus).toLocaleString("en-US")}`,
        );
      }
      if (sc.pace && totalRow) {
        const paces = sc.kpis.map((kpi) => {
          const pace = totalRow.kpis[kpi.id]?.pace;
          const projected = pace?.projectedAttainment;
          const basis = paceBasisName(pace, "en");
          return `${kpi.id} ${projected == null ? "no projection" : `projected ${Math.round(projected * 100)}%`}${pace?.status ? ` (${pace.status})` : ""}${basis ? `, basis: ${basis.toLowerCase()}` : ""}`;
        });
        const byLastYear = sc.kpis.some((kpi) => totalRow.kpis[kpi.id]?.pace?.basis === "lastYear");
        const lastYear = byLastYear ? `; same day last year ${sc.pace.lastYearDate}` : "";
        message(
          `pace as of ${sc.pace.asOfDate} (${sc.pace.elapsedWorkingDays} of ${sc.pace.periodWorkingDays} working days${lastYear}), total: ${paces.join("; ")}`,
        );
      }
      for (const kpi of sc.kpis.filter((k) => k.available === false)) {
        message(
          `not available: ${kpi.id} (no ${(kpi.missingRoles ?? []).join(", ")} column${kpi.gate ? "; gate not evaluated" : ""})`,
        );
      }
      if (opts.out) message(`wrote ${opts.out}`);
      if (opts.json && opts.json !== "-") message(`wrote ${opts.json}`);
    });

  // review reads INPUT as apply does: the same option definitions, parsing and checks (one home).
  const review = program
    .command("review")
    .description(
      "review the targets over the history in INPUT: per entity and KPI the share of periods met, the spread of attainment, set too low / too high, and a suggested target with its reason",
    )
    .argument("<input>", "sales rows: an .xlsx workbook or a .csv, .tsv or .txt text file");
  for (const option of apply.options) if (REVIEW_SHARES_APPLY.includes(option.long ?? "")) review.addOption(option);
  review
    .option("--json <file|->", "write the review JSON to a file, or to stdout with -")
    .option("--force", "replace the --json file if it exists", false)
    .option("-q, --quiet", "no progress bar", false)
    .action(async (input: string, opts) => {
      const result = await runReview(
        {
          ...sourceOptions(input, opts),
          json: opts.json,
          force: opts.force,
          quiet: opts.quiet,
          strict: opts.strict,
        },
        io,
      );
      if (!result.ok) return report(result);
      // With --json - the JSON is stdout; the table then goes to stderr.
      (opts.json === "-" ? io.stderr : io.stdout).write(
        reviewTable(result.scorecard, result.review, opts.lang as Lang),
      );
      if (opts.json && opts.json !== "-" && !opts.quiet) io.stdout.write(`wrote ${opts.json}\n`);
    });

  program
    .command("inspect")
    .description(
      "show what `apply` would read from INPUT: sheet or table, header row and title rows skipped, each column's role, rows left out, dates and periods",
    )
    .argument("<input>", "sales rows: an .xlsx workbook or a .csv, .tsv or .txt text file")
    .option("--sheet <name>", "the sheet holding the sales rows (default: the first sheet with data)")
    .option("--table <name>", "the Excel table holding the sales rows")
    .option("--header-row <n>", "the sheet row (1-based) of the column headers", positiveNumber)
    .option("--encoding <name>", "text input: its encoding (default: detected)")
    .option("--delimiter <char>", 'text input: the field delimiter, e.g. ";" or tab (default: detected)', textDelimiter)
    .option("--template <id|file>", "the template whose required columns are checked", "sales-rep")
    .addOption(periodOption())
    .option(
      "--map <role=header>",
      'map a column to a role, e.g. --map revenue="Doanh thu" (repeatable)',
      collectMapping,
      {},
    )
    .option("--json", "print the facts as JSON", false)
    .action(async (input: string, opts) => {
      const result = await runInspect({
        input,
        sheet: opts.sheet,
        table: opts.table,
        headerRow: opts.headerRow,
        text: { encoding: opts.encoding, delimiter: opts.delimiter },
        template: opts.template,
        period: opts.period,
        map: opts.map,
      });
      if (!result.ok) return report(result);
      io.stdout.write(opts.json ? JSON.stringify(result.report, null, 2) + "\n" : inspectText(result.report));
    });

  program
    .command("templates")
    .description("list the built-in templates")
    .option("--json", "print the templates as JSON", false)
    .option("--for <input>", "rank the templates by how much of their weight INPUT's columns support")
    .option("--sheet <name>", "with --for: the sheet holding the sales rows")
    .option("--map <role=header>", "with --for: map a column to a role (repeatable)", collectMapping, {})
    .option("--quick-start <file.json>", "with --for: write the quick-start template built from INPUT's columns")
    .option("--force", "replace the --quick-start file if it exists", false)
    .addOption(langOption())
    .action(async (opts) => {
      if (opts.for) {
        const ranked = await templatesFor({
          input: opts.for,
          sheet: opts.sheet,
          map: opts.map,
          quickStart: opts.quickStart,
          force: opts.force,
        });
        if (!ranked.ok) return report(ranked);
        io.stdout.write(ranked.text);
        return;
      }
      if (opts.quickStart) return report(fail(EXIT.badArguments, "--quick-start needs --for INPUT"));
      io.stdout.write(opts.json ? templatesJson() : templatesText(opts.lang as Lang));
    });

  program
    .command("validate")
    .description("check a template .json file against the schema; problems name their path")
    .argument("<template>", "the template file")
    .action((file: string) => {
      const result = validateTemplateFile(file);
      if (!result.ok) return report(result);
      io.stdout.write(result.summary + "\n");
    });

  program
    .command("sample")
    .description("write a realistic generated sales workbook (seeded, reproducible) with a targets sheet")
    .requiredOption("--rows <n>", "number of sales rows", wholeNumber)
    .requiredOption("--out <file.xlsx>", "the workbook to write")
    .option("--seed <n>", "random seed: the same seed gives the same data", wholeNumber, 1)
    .addOption(langOption())
    .option("--start <yyyy-mm>", "first month of data", "2025-01")
    .option("--months <n>", "number of months", wholeNumber, 15)
    .option("--force", "replace OUTPUT if it exists", false)
    .option("-q, --quiet", "no progress bar", false)
    .action(async (opts) => {
      const result = await runSample(
        {
          rows: opts.rows,
          out: opts.out,
          seed: opts.seed,
          lang: opts.lang as Lang,
          start: opts.start,
          months: opts.months,
          force: opts.force,
          quiet: opts.quiet,
        },
        io,
      );
      if (!result.ok) return report(result);
      if (!opts.quiet) io.stdout.write(`wrote ${opts.out} (${opts.rows} rows, seed ${opts.seed}, ${opts.lang})\n`);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every parsing problem is a bad argument.
      return error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.help"
        ? EXIT.ok
        : EXIT.badArguments;
    }
    throw error;
  }
  return exitCode;
}

if (require.main === module) {
  (require("./runProcess") as typeof import("./runProcess")).runAsProcess(process.argv.slice(2));
}
