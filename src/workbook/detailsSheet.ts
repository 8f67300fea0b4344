/** The details sheet: the margin-mix breakdown, one row per entity × tier. */
import type { Lang, Scorecard } from "../engine/types";
import type { CellValue, OutputSheet } from "./contract";
import { BASIS_WORDS, entityLabel, gateWord, HEADERS, LEVEL_WORDS, localWord, TIER_KIND_WORDS } from "./labels";
import { SCORE_BAR_COLOR } from "./palette";
import { num, outputSheet, type ColumnDef } from "./outputSheet";

export function detailsSheet(scorecard: Scorecard, lang: Lang): OutputSheet {
  const defs: ColumnDef[] = [
    { header: HEADERS.entity[lang], kind: "text" },
    { header: HEADERS.level[lang], kind: "text" },
    { header: HEADERS.period[lang], kind: "text" },
    { header: HEADERS.basis[lang], kind: "text" },
    { header: HEADERS.tier[lang], kind: "text" },
    { header: HEADERS.tierKind[lang], kind: "text" },
    { header: HEADERS.actual[lang], kind: "units" },
    { header: HEADERS.target[lang], kind: "units" },
    { header: HEADERS.actualShare[lang], kind: "percent" },
    { header: HEADERS.targetShare[lang], kind: "percent" },
    { header: HEADERS.attainment[lang], kind: "percent" },
    { header: HEADERS.volumeAttainment[lang], kind: "percent" },
    { header: HEADERS.mixAttainment[lang], kind: "percent" },
    { header: HEADERS.mixEffect[lang], kind: "money" },
    { header: HEADERS.gatePassed[lang], kind: "text" },
  ];
  const rows: CellValue[][] = [];
  for (const mix of scorecard.marginMix) {
    for (const tier of mix.tiers) {
      rows.push([
        entityLabel(mix.entity, mix.level, lang),
        localWord(LEVEL_WORDS, mix.level, lang),
        mix.period,
        BASIS_WORDS[mix.basis][lang],
        tier.tier,
        TIER_KIND_WORDS[tier.kind][lang],
        num(tier.actual),
        num(tier.target),
        num(tier.actualShare),
        num(tier.targetShare),
        num(tier.attainment),
        num(mix.volumeAttainment),
        num(mix.mixAttainment),
        num(mix.mixEffect),
        gateWord(mix.gatePassed, lang),
      ]);
    }
  }
  const attainmentColumn = 10;
  return outputSheet("details", lang, defs, rows, {
    rules: [{ type: "dataBar", column: attainmentColumn, color: SCORE_BAR_COLOR }],
  });
}
