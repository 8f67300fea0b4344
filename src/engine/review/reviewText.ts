/**
 * A review sentence in the user's language: amounts in the KPI's unit ({value}, {lastYearActual}),
 * attainments and the growth rate as percentages, everything else as fillMessage shows it.
 */
import { fillMessage, numberFormat, REVIEW_MESSAGES, type KpiNameLookup } from "../messages";
import type { KpiUnit, Lang, MessageParams, ReviewText, TargetReviewItem } from "../types";

const AMOUNTS = new Set(["value", "lastYearActual"]);
const ATTAINMENTS = new Set(["best", "median"]);

export function reviewText(
  text: Pick<ReviewText, "code" | "params">,
  unit: KpiUnit,
  lang: Lang,
  kpiNames?: KpiNameLookup,
): string {
  const shown: MessageParams = {};
  for (const [name, value] of Object.entries(text.params)) {
    if (typeof value !== "number") shown[name] = value;
    else if (AMOUNTS.has(name)) shown[name] = amountText(value, unit, lang);
    else if (ATTAINMENTS.has(name)) shown[name] = percentText(value, lang, false);
    else if (name === "growth") shown[name] = percentText(value, lang, true);
    else shown[name] = value;
  }
  return fillMessage(REVIEW_MESSAGES[text.code][lang], shown, lang, kpiNames);
}

/** An amount as the KPI shows it: a percentage with one decimal, money and units whole above 100, a score with two decimals. */
export function amountText(value: number, unit: KpiUnit, lang: Lang): string {
  if (unit === "percent") return percentText(value, lang, false);
  const digits = unit === "score" ? 2 : unit === "count" ? 1 : Math.abs(value) >= 100 ? 0 : 2;
  return format(lang, `n${digits}`, { maximumFractionDigits: digits }).format(value);
}

function percentText(fraction: number, lang: Lang, signed: boolean): string {
  return format(lang, signed ? "p+" : "p", {
    style: "percent",
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: "exceptZero" as const } : {}),
  }).format(fraction);
}

/** The engine's cached formats, this module's keys kept apart from other modules'. */
const format = (lang: Lang, key: string, options: Intl.NumberFormatOptions) =>
  numberFormat(lang, `review:${key}`, options);

/** An item's finding, what was not counted and its suggestion, in one paragraph (notes sheet, command line). */
export function reviewItemText(item: TargetReviewItem, unit: KpiUnit, lang: Lang, kpiNames?: KpiNameLookup): string {
  const separator = lang === "zh-Hans" || lang === "zh-Hant" ? "" : " ";
  return [item, ...(item.notCounted ? [item.notCounted] : []), item.suggestion]
    .map((text) => reviewText(text, unit, lang, kpiNames))
    .join(separator);
}
