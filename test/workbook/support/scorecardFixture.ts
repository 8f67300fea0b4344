/** Builds small Scorecard objects by hand for exporter and writer tests (no engine involved). */
import type {
  HistoryRow,
  KpiCell,
  KpiId,
  LocalizedText,
  MarginMixDetail,
  Scorecard,
  ScorecardKpiInfo,
  ScorecardRow,
  StatusBand,
} from "../../../src/engine/types";

export const DEFAULT_BANDS: StatusBand[] = [
  { status: "met", min: 1, color: "#107C10" },
  { status: "at_risk", min: 0.9, color: "#FFB900" },
  { status: "missed", min: 0, color: "#D13438" },
];

const NAMES: Partial<Record<KpiId, LocalizedText>> = {
  net_sales: { en: "Net sales", vi: "Doanh thu thuần", "zh-Hans": "销售净额", "zh-Hant": "銷售淨額" },
  collection_rate: { en: "Collection rate", vi: "Tỷ lệ thu hồi", "zh-Hans": "回款率", "zh-Hant": "回款率" },
  margin_mix: { en: "Margin mix", vi: "Cơ cấu biên lợi nhuận", "zh-Hans": "毛利结构", "zh-Hant": "毛利結構" },
};

export function kpiInfo(id: KpiId, over: Partial<ScorecardKpiInfo> = {}): ScorecardKpiInfo {
  const unit = id === "net_sales" ? "money" : "percent";
  return {
    id,
    names: NAMES[id] ?? { en: id, vi: id, "zh-Hans": id, "zh-Hant": id },
    unit,
    direction: "higher",
    weight: 50,
    gate: false,
    bands: DEFAULT_BANDS,
    ...over,
  };
}

export function row(
  entity: string,
  level: string,
  parent: string | null,
  kpis: Partial<Record<KpiId, KpiCell>>,
  over: Partial<ScorecardRow> = {},
): ScorecardRow {
  return {
    entity,
    level,
    parent,
    period: "2026-03",
    kpis,
    score: 1,
    payout: 1,
    gatesPassed: true,
    failedGates: [],
    ...over,
  };
}

/** The beer example (digest): targets 2,000 / 6,000 / 2,000 cases, actuals 300 / 900 / 10,800. */
export function beerMix(entity: string): MarginMixDetail {
  return {
    entity,
    level: "salesperson",
    period: "2026-03",
    basis: "quantity",
    tiers: [
      // share 300/12,000 = 0.025, target share 2,000/10,000 = 0.2, attainment 300/2,000 = 0.15
      {
        tier: "premium",
        kind: "min",
        actual: 300,
        target: 2000,
        actualShare: 0.025,
        targetShare: 0.2,
        attainment: 0.15,
      },
      // 900/12,000 = 0.075; 6,000/10,000 = 0.6; 900/6,000 = 0.15
      {
        tier: "standard",
        kind: "min",
        actual: 900,
        target: 6000,
        actualShare: 0.075,
        targetShare: 0.6,
        attainment: 0.15,
      },
      // 10,800/12,000 = 0.9; 2,000/10,000 = 0.2; 10,800/2,000 = 5.4
      {
        tier: "economy",
        kind: "min",
        actual: 10800,
        target: 2000,
        actualShare: 0.9,
        targetShare: 0.2,
        attainment: 5.4,
      },
    ],
    volumeAttainment: 1.2, // 12,000 / 10,000
    mixAttainment: 0.15, // the lowest tier attainment
    mixEffect: -1000,
    gatePassed: false,
  };
}

export function history(entity: string, kpi: KpiId, actual: number | null): HistoryRow {
  return {
    entity,
    level: "salesperson",
    period: "2026-03",
    kpi,
    actual,
    target: 1000,
    attainment: actual === null ? null : actual / 1000,
    status: actual === null ? null : "met",
    score: 1,
  };
}

/** Two reps in one region, the region subtotal and the total; net sales and collection rate. */
export function smallScorecard(over: Partial<Scorecard> = {}): Scorecard {
  return {
    version: 1,
    template: "sales-rep",
    templateVersion: "1.0.0",
    groupBy: "salesperson",
    rollup: ["region"],
    period: "month",
    fiscalYearStartMonth: 1,
    asOf: "2026-03",
    mapping: { date: "Date", revenue: "Revenue", salesperson: "Rep" },
    kpis: [kpiInfo("net_sales"), kpiInfo("collection_rate", { gate: true })],
    rows: [
      row(
        "Bình",
        "salesperson",
        "North",
        {
          net_sales: { actual: 1250000, target: 1000000, attainment: 1.25, status: "met", score: 1.2 },
          collection_rate: {
            actual: null,
            reason: "no receivable in period",
            reasonCode: "no_amount_in_period",
            reasonParams: { amount: "receivable" },
          },
        },
        { score: 1.2, payout: 1.5 },
      ),
      row(
        "An",
        "salesperson",
        "North",
        {
          net_sales: { actual: 850000, target: 1000000, attainment: 0.85, status: "missed", score: 0.85 },
          collection_rate: { actual: 0.8, target: 0.95, attainment: 0.8 / 0.95, status: "missed", score: 0.8 / 0.95 },
        },
        { score: 0.846, payout: 0.8, gatesPassed: false, failedGates: ["collection_rate"] },
      ),
      row("North", "region", "Total", {
        net_sales: { actual: 2100000, target: 2000000, attainment: 1.05, status: "met", score: 1.05 },
      }),
      row("Total", "total", null, {
        net_sales: { actual: 2100000, target: 2000000, attainment: 1.05, status: "met", score: 1.05 },
      }),
    ],
    history: [
      history("Bình", "net_sales", 1250),
      history("An", "net_sales", 850),
      history("An", "collection_rate", null),
    ],
    marginMix: [beerMix("Bình")],
    notes: [{ row: 12, column: "Revenue", value: "abc", kind: "not_a_number", problem: "not a number" }],
    smart: [
      {
        kpi: "net_sales",
        checks: {
          specific: { ok: true, detail: "named and defined" },
          measurable: { ok: true, detail: "revenue mapped" },
          attainable: { ok: false, detail: "target 3× the best past month" },
          relevant: { ok: true, detail: "weight 50%" },
          timeBound: { ok: true, detail: "month" },
        },
      },
    ],
    generatedAt: "2026-04-02T08:00:00.000Z",
    rowsRead: 100,
    rowsUsed: 99,
    ...over,
  };
}
