/** `kpi-scorecard sample --rows N --out FILE.xlsx [--seed N] [--lang L]`: a generated sales workbook. */
import * as path from "path";
import type { Lang } from "../engine/types";
import { writeSampleWorkbook } from "../samples/writeSampleWorkbook";
import { checkOutputPath } from "../xlsx/atomicWrite";
import type { CliIo } from "./io";
import { EXIT, fail, type Outcome } from "./outcome";
import { progressReporter } from "./progressReporter";

export interface SampleCommandOptions {
  rows: number;
  out: string;
  seed: number;
  lang: Lang;
  start?: string;
  months?: number;
  force: boolean;
  quiet: boolean;
}

export const MAX_SAMPLE_ROWS = 1_048_575; // Excel's last row, under the header

export async function runSample(o: SampleCommandOptions, io: CliIo): Promise<Outcome<object>> {
  if (!Number.isInteger(o.rows) || o.rows < 1 || o.rows > MAX_SAMPLE_ROWS)
    return fail(EXIT.badArguments, `--rows must be a whole number from 1 to ${MAX_SAMPLE_ROWS}`);
  if (!Number.isInteger(o.seed)) return fail(EXIT.badArguments, "--seed must be a whole number");
  if (o.start !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.start))
    return fail(EXIT.badArguments, `--start must be YYYY-MM, got "${o.start}"`);
  if (o.months !== undefined && (!Number.isInteger(o.months) || o.months < 1 || o.months > 120))
    return fail(EXIT.badArguments, "--months must be a whole number from 1 to 120");
  if (path.extname(o.out).toLowerCase() !== ".xlsx") return fail(EXIT.badArguments, `--out ${o.out} must end in .xlsx`);
  const check = checkOutputPath(o.out, o.force);
  if (!check.ok) return fail(EXIT.badArguments, check.message);
  const progress = progressReporter(io.stderr, o.quiet);
  progress.phase("generating");
  try {
    await writeSampleWorkbook(
      o.out,
      { rows: o.rows, seed: o.seed, lang: o.lang, start: o.start, months: o.months },
      (n) => progress.rows(n),
    );
  } finally {
    progress.stop();
  }
  return { ok: true };
}
