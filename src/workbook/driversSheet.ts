/**
 * The drivers sheet (issue 13 §1): what moved each KPI of each scored entity, in long form (one row
 * per entity × KPI × comparison × dimension × contributor; net sales and gross profit add one row per
 * price / volume / mix effect, dimension "Price / volume / mix"), an Excel table ready for a PivotTable.
 * Written only when the run broke the changes down. Contributions are in the KPI's own unit
 * (a percentage's as a fraction), so one column holds money, counts and fractions: CONTRIBUTION_FORMAT
 * shows each with two to four decimals instead of General's long tails (0.0708274619…).
 */
import { BRIDGE_WORDS, memberName } from "../engine/messages";
import type { DriverComparison, KpiDrivers, Lang, Scorecard } from "../engine/types";
import type { CellValue, OutputSheet } from "./contract";
import { COMPARISON_WORDS, entityLabel, HEADERS, LEVEL_WORDS, localWord } from "./labels";
import { num, outputSheet, type ColumnDef } from "./outputSheet";

export const DRIVERS_TABLE_NAME = "KpiDrivers";
export const DRIVERS_TABLE_STYLE = "TableStyleMedium2";

/** Thousands grouped, at least two and at most four decimals: 8,039.36 and 0.0708 alike. */
export const CONTRIBUTION_FORMAT = "#,##0.00##";

const BRIDGE_EFFECTS = ["price", "volume", "mix"] as const;
const COMPARISONS = ["vsPrevious", "vsLastYear"] as const satisfies ReadonlyArray<keyof KpiDrivers>;

export function driversSheet(scorecard: Scorecard, lang: Lang): OutputSheet | null {
  const defs: ColumnDef[] = [
    { header: HEADERS.entity[lang], kind: "text" },
    { header: HEADERS.level[lang], kind: "text" },
    { header: HEADERS.period[lang], kind: "text" },
    { header: HEADERS.kpi[lang], kind: "text" },
    { header: HEADERS.kpiId[lang], kind: "text" },
    { header: HEADERS.comparison[lang], kind: "text" },
    { header: HEADERS.comparedPeriod[lang], kind: "text" },
    { header: HEADERS.dimension[lang], kind: "text" },
    { header: HEADERS.member[lang], kind: "text" },
    { header: HEADERS.contribution[lang], kind: "number", numberFormat: CONTRIBUTION_FORMAT },
    { header: HEADERS.share[lang], kind: "percent" },
    { header: HEADERS.rateEffect[lang], kind: "number", numberFormat: CONTRIBUTION_FORMAT },
    { header: HEADERS.mixEffect[lang], kind: "number", numberFormat: CONTRIBUTION_FORMAT },
  ];
  const rows: CellValue[][] = [];
  for (const row of scorecard.rows) {
    for (const kpi of scorecard.kpis) {
      const drivers = row.kpis[kpi.id]?.drivers;
      if (!drivers) continue;
      for (const key of COMPARISONS) {
        const comparison: DriverComparison | undefined = drivers[key];
        if (!comparison) continue;
        const lead: CellValue[] = [
          entityLabel(row.entity, row.level, lang),
          localWord(LEVEL_WORDS, row.level, lang),
          row.period,
          kpi.names[lang],
          kpi.id,
          COMPARISON_WORDS[key][lang],
          comparison.period,
        ];
        for (const [dimension, entries] of Object.entries(comparison.by)) {
          for (const e of entries ?? []) {
            rows.push([
              ...lead,
              localWord(LEVEL_WORDS, dimension, lang),
              memberName(e.member, lang),
              num(e.contribution),
              num(e.share),
              num(e.rateEffect),
              num(e.mixEffect),
            ]);
          }
        }
        // The price / volume / mix bridge: one line per effect, as one more dimension.
        const { bridge, change } = comparison;
        for (const effect of BRIDGE_EFFECTS) {
          if (!bridge) break;
          const amount = bridge[effect];
          rows.push([
            ...lead,
            BRIDGE_WORDS.bridge[lang],
            BRIDGE_WORDS[effect][lang],
            num(amount),
            num(change !== 0 ? amount / change : null),
            null,
            null,
          ]);
        }
      }
    }
  }
  if (rows.length === 0) return null;
  return outputSheet("drivers", lang, defs, rows, { table: { name: DRIVERS_TABLE_NAME, style: DRIVERS_TABLE_STYLE } });
}
