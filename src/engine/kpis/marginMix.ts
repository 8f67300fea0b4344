import type { CellView } from "../aggregate/cellView";
import { attainment, DEFAULT_SCORE_CAP } from "../scoring";
import type { KpiValue, MarginMixSpec, MarginTierResult, MessageParams, ReasonCode } from "../types";
import { tierKey } from "../roles/tierSynonyms";
import type { KpiDefinition } from "./kpiDefinition";
import { notAvailable, kpiNumber } from "./kpiValue";

/** The tier breakdown behind the margin_mix value (MarginMixDetail without entity, period and gate). */
export interface MarginMixBreakdown {
  tiers: MarginTierResult[];
  volumeAttainment: number | null;
  mixAttainment: number | null;
  mixEffect: number | null;
  /** Why mixAttainment is null (REASON_MESSAGES code and its params). */
  reasonCode?: ReasonCode;
  reasonParams?: MessageParams;
}

/**
 * Per tier: actual basis, target, shares and attainment (min: actual / target; max: target / actual,
 * 0 sold → cap). Share targets become amounts of the total actual basis, and then there is no volume
 * target, so volume attainment is null. Mix effect = Σ (actual share − target share) × total actual
 * basis × unit margin (template's, else the tier's whole-data average).
 */
export function marginMixBreakdown(
  view: CellView,
  spec: MarginMixSpec,
  tierTargets: Array<number | null>,
  cap: number = DEFAULT_SCORE_CAP,
): MarginMixBreakdown {
  const totalActual = view.sum(spec.basis === "quantity" ? "quantity" : "revenue");
  const targets = spec.tiers.map((tier, s) => {
    const t = tierTargets[s];
    if (t === null || t === undefined) return null;
    return tier.targetKind === "share" ? t * totalActual : t;
  });
  const totalTarget = targets.reduce<number>((sum, t) => sum + (t ?? 0), 0);
  const missing = spec.tiers.filter((_, s) => targets[s] === null).map((t) => t.tier);

  let mixAttainment: number | null = null;
  let mixEffect: number | null = 0;
  const tiers = spec.tiers.map((tier, s): MarginTierResult => {
    const actual = view.tier(s, 0);
    const target = targets[s];
    const reached = target === null ? null : attainment(actual, target, tier.kind === "max" ? "lower" : "higher", cap);
    if (reached !== null && (mixAttainment === null || reached < mixAttainment)) mixAttainment = reached;
    const actualShare = totalActual !== 0 ? actual / totalActual : null;
    const targetShare = target !== null && totalTarget !== 0 ? target / totalTarget : null;
    const unitMargin = tier.unitMargin ?? view.agg.tierMargins[s];
    if (mixEffect !== null) {
      mixEffect =
        actualShare === null || targetShare === null || unitMargin === null
          ? null
          : mixEffect + (actualShare - targetShare) * totalActual * unitMargin;
    }
    return {
      tier: tier.tier,
      kind: tier.kind,
      actual,
      target: target ?? 0,
      actualShare,
      targetShare,
      attainment: reached,
    };
  });
  const hasShareTarget = spec.tiers.some((t) => t.targetKind === "share");
  const volumeAttainment =
    !hasShareTarget && missing.length === 0 && totalTarget > 0 ? totalActual / totalTarget : null;
  if (missing.length > 0) {
    const reasonParams = { tiers: missing.join(", ") };
    return {
      tiers,
      volumeAttainment,
      mixAttainment: null,
      mixEffect: null,
      reasonCode: "no_tier_target",
      reasonParams,
    };
  }
  if (mixAttainment === null) {
    return { tiers, volumeAttainment, mixAttainment, mixEffect, reasonCode: "no_tier_target_above_zero" };
  }
  return { tiers, volumeAttainment, mixAttainment, mixEffect };
}

export const marginMix: KpiDefinition<"margin_mix"> = {
  id: "margin_mix",
  names: {
    en: "Margin mix",
    vi: "Cơ cấu sản phẩm theo biên lợi nhuận",
    "zh-Hans": "利润产品结构",
    "zh-Hant": "利潤產品結構",
  },
  definition: {
    en: "Lowest attainment across the margin tiers' targets (split of volume or revenue by tier)",
    vi: "Mức hoàn thành thấp nhất giữa các nhóm biên lợi nhuận so với chỉ tiêu cơ cấu (theo sản lượng hoặc doanh thu)",
    "zh-Hans": "各利润档目标中最低的达成率（按销量或销售额的结构）",
    "zh-Hant": "各利潤檔目標中最低的達成率（按銷量或銷售額的結構）",
  },
  roles: ["margin_tier"],
  rolesFor: (kpi) => ["margin_tier", kpi.marginMix?.basis === "revenue" ? "revenue" : "quantity"],
  direction: "higher",
  unit: "percent",
  money: (kpi) => kpi.marginMix?.basis === "revenue",
  additiveTarget: false,
  targetHeaders: ["Margin mix", "Product mix", "Cơ cấu sản phẩm", "产品结构", "產品結構"],
  needsSettings: true,
  settings: { marginMix: true },
  measureOptions(kpi, data) {
    const tiers = kpi.marginMix?.tiers ?? [];
    if (tiers.length === 0) return {};
    const slotOf = new Map(tiers.map((t, s) => [tierKey(t.tier), s]));
    const labels = data.labels.margin_tier?.values ?? [];
    return {
      tierSlotOfCode: Int32Array.from(labels, (label) => slotOf.get(tierKey(label)) ?? -1),
      tierSlots: tiers.length,
      mixBasis: kpi.marginMix!.basis,
    };
  },
  // Tier targets come from the template or the targets table (`margin_mix:<tier>`); amounts add up to regions.
  tierTargets: (kpi) =>
    (kpi.marginMix?.tiers ?? []).map((tier) => ({
      column: `margin_mix:${tier.tier}`,
      value: tier.target,
      additive: tier.targetKind === "amount",
    })),
  compute(view, { kpi, tierTargets }): KpiValue {
    if (!kpi.marginMix || kpi.marginMix.tiers.length === 0) return notAvailable("no_margin_tiers");
    const mix = marginMixBreakdown(view, kpi.marginMix, tierTargets, kpi.cap);
    if (mix.mixAttainment !== null) return kpiNumber(mix.mixAttainment);
    return notAvailable(mix.reasonCode ?? "no_tier_target_above_zero", mix.reasonParams);
  },
};
