/**
 * A KPI's "why" in one line, in the user's language: the change against the previous period, then the
 * largest contributor of each dimension in the direction of the change, largest first:
 * "-60: Beer -90, Minh Phát -80, Bia tươi -80". Money and units are shown compact (120M, 120 Tr,
 * 1.2亿), percentages in points.
 */
import { DRIVER_MESSAGES, fillMessage, memberName, numberFormat } from "../messages";
import {
  OTHERS_MEMBER,
  type DriverComparison,
  type DriverEntry,
  type KpiDrivers,
  type KpiUnit,
  type Lang,
} from "../types";

/** The why against the previous period; null without drivers against it. */
export function whyText(drivers: KpiDrivers | undefined, unit: KpiUnit, lang: Lang): string | null {
  const comparison = drivers?.vsPrevious;
  return comparison ? comparisonText(comparison, unit, lang) : null;
}

export function comparisonText(comparison: DriverComparison, unit: KpiUnit, lang: Lang): string {
  const { change } = comparison;
  if (change === 0) return DRIVER_MESSAGES.noChange[lang];
  const leaders: DriverEntry[] = [];
  for (const entries of Object.values(comparison.by)) {
    // Entries are listed largest first each way; the first in the change's direction leads.
    const lead = entries.find((e) => e.member !== OTHERS_MEMBER && Math.sign(e.contribution) === Math.sign(change));
    if (lead) leaders.push(lead);
  }
  leaders.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  const changeText = signedAmount(change, unit, lang);
  if (leaders.length === 0) return changeText;
  const separator = lang === "zh-Hans" || lang === "zh-Hant" ? "，" : ", ";
  const drivers = leaders
    .map((e) => `${memberName(e.member, lang)} ${signedAmount(e.contribution, unit, lang)}`)
    .join(separator);
  return fillMessage(DRIVER_MESSAGES.summary[lang], { change: changeText, drivers }, lang);
}

/** "price -105K, volume +420K, mix -595K"; null when the comparison has no bridge. */
export function bridgeText(comparison: DriverComparison, unit: KpiUnit, lang: Lang): string | null {
  const bridge = comparison.bridge;
  if (!bridge) return null;
  const amounts = {
    price: signedAmount(bridge.price, unit, lang),
    volume: signedAmount(bridge.volume, unit, lang),
    mix: signedAmount(bridge.mix, unit, lang),
  };
  return fillMessage(DRIVER_MESSAGES.bridge[lang], amounts, lang);
}

/** +35.5K / -120 Tr / -1.2亿; a percentage's change in points (+1.2 pts). */
export function signedAmount(value: number, unit: KpiUnit, lang: Lang): string {
  if (unit === "percent") {
    const points = format(lang, "points", { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value * 100);
    return fillMessage(DRIVER_MESSAGES.points[lang], { value: points }, lang);
  }
  if (unit === "count")
    return format(lang, "count", { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(value);
  const options: Intl.NumberFormatOptions = {
    notation: "compact",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  };
  return format(lang, "compact", options).format(value);
}

/** The engine's cached formats, this module's keys kept apart from other modules'. */
const format = (lang: Lang, key: string, options: Intl.NumberFormatOptions) =>
  numberFormat(lang, `why:${key}`, options);
