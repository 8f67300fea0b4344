/**
 * `kpi-scorecard review`: the target review (issue 13 §4) of INPUT with a template — per entity and KPI the
 * share of periods met, the spread of attainment, the finding and a suggested target — printed as a table
 * and, with --json, written as JSON. INPUT is read as `apply` reads it (same options, checks and refusals).
 */
import {
  planRun,
  REVIEW_FINDING_NAMES,
  REVIEW_WORDS,
  amountText,
  fillMessage,
  reviewItemText,
  NUMBER_LOCALES,
} from "../engine";
import type { Lang, Scorecard, ScorecardKpiInfo, TargetReview } from "../engine/types";
import { HEADERS, reviewEntityLabel } from "../workbook/labels";
import { checkOutputArgument, checkSourceArguments, scoreSource, type ApplyOptions } from "./applyCommand";
import type { CliIo } from "./io";
import { loadTemplate } from "./loadTemplate";
import { refuse, type Outcome } from "./outcome";
import { progressReporter } from "./progressReporter";
import { writeJsonAtomically } from "./writeJson";

export type ReviewOptions = Omit<ApplyOptions, "out" | "drivers">;

/** The review JSON: which run it reviewed, then the review itself. */
export interface ReviewJson extends TargetReview {
  version: 1;
  template: string;
  groupBy: string;
  period: string;
  asOf: string;
}

export async function runReview(
  o: ReviewOptions,
  io: CliIo,
): Promise<Outcome<{ scorecard: Scorecard; review: TargetReview }>> {
  const source = checkSourceArguments(o);
  if (!source.ok) return source;
  const output = checkOutputArgument("--json", o.json, o.input, o.force);
  if (!output.ok) return output;
  const loaded = loadTemplate(o.template);
  if (!loaded.ok) return loaded;
  const planned = planRun(loaded.template, {
    groupBy: o.groupBy,
    period: o.period,
    asOf: o.asOf,
    asOfDate: o.asOfDate,
    strict: o.strict,
    lang: o.lang,
  });
  if (!planned.ok) return refuse(planned.problem, o.lang);
  const progress = progressReporter(io.stderr, o.quiet);
  let scorecard: Scorecard;
  try {
    progress.phase("reading");
    const scored = await scoreSource(o, planned.plan, { kind: "stream" }, progress);
    if (!scored.ok) return scored;
    scorecard = scored.scorecard;
  } finally {
    progress.stop();
  }
  const review = scorecard.review!;
  if (o.json) {
    const json: ReviewJson = {
      version: 1,
      template: scorecard.template,
      groupBy: scorecard.groupBy,
      period: scorecard.period,
      asOf: scorecard.asOf,
      ...review,
    };
    const text = JSON.stringify(json, null, 2) + "\n";
    if (o.json === "-") io.stdout.write(text);
    else await writeJsonAtomically(o.json, text);
  }
  return { ok: true, scorecard, review };
}

/**
 * The review as a text table in the user's language: one line per entity and KPI (periods counted, met,
 * attainment min · median · max, IQR, finding, suggested target), then the reasons of every finding that
 * is not "fine".
 */
export function reviewTable(scorecard: Scorecard, review: TargetReview, lang: Lang): string {
  const kpi = new Map<string, ScorecardKpiInfo>(scorecard.kpis.map((k) => [k.id, k]));
  const percent = new Intl.NumberFormat(NUMBER_LOCALES[lang], { style: "percent", maximumFractionDigits: 0 });
  const head = [
    HEADERS.entity[lang],
    HEADERS.kpi[lang],
    REVIEW_WORDS.periods[lang],
    REVIEW_WORDS.met[lang],
    REVIEW_WORDS.spread[lang],
    REVIEW_WORDS.iqr[lang],
    REVIEW_WORDS.finding[lang],
    `${REVIEW_WORDS.suggested[lang]} ${review.nextPeriod}`,
  ];
  const name = (item: TargetReview["items"][number]) =>
    reviewEntityLabel(item.entity, item.level, scorecard.groupBy, lang);
  const rows = review.items.map((item) => {
    const info = kpi.get(item.kpi)!;
    const s = item.spread;
    return [
      name(item),
      info.names[lang],
      String(item.periods),
      item.metShare === null ? "–" : `${item.met} (${percent.format(item.metShare)})`,
      s ? `${percent.format(s.min)} · ${percent.format(s.median)} · ${percent.format(s.max)}` : "–",
      s ? percent.format(s.iqr) : "–",
      REVIEW_FINDING_NAMES[item.finding][lang],
      item.suggestion.value === null ? "–" : amountText(item.suggestion.value, info.unit, lang),
    ];
  });
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell + " ".repeat(widths[c] - displayWidth(cell)))
      .join("  ")
      .trimEnd();
  const period =
    review.from === null
      ? fillMessage(REVIEW_WORDS.noPeriods[lang], { next: review.nextPeriod }, lang)
      : fillMessage(REVIEW_WORDS.range[lang], { from: review.from, to: review.to!, next: review.nextPeriod }, lang);
  const out = [`${REVIEW_WORDS.title[lang]} · ${REVIEW_WORDS.reviewed[lang]}: ${period}`];
  if (review.runningPeriod) out.push(fillMessage(REVIEW_WORDS.running[lang], { period: review.runningPeriod }, lang));
  out.push("", line(head), ...rows.map(line));
  const names = (id: string) => kpi.get(id)?.names;
  const reasons = review.items.filter((item) => item.finding !== "fine");
  if (reasons.length > 0) out.push("");
  for (const item of reasons) {
    const info = kpi.get(item.kpi)!;
    out.push(`${name(item)} · ${info.names[lang]}: ${reviewItemText(item, info.unit, lang, names)}`);
  }
  return out.join("\n") + "\n";
}

/** Columns a text takes in a terminal: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}
