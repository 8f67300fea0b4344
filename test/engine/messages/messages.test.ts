import { KPI_IDS } from "../../../src/engine/kpis";
/** Reasons and SMART sentences in the four languages: complete tables, the same placeholders, the engine's codes. */
import fc from "fast-check";
import {
  AMOUNT_NAMES,
  PERIOD_KIND_NAMES,
  REASON_MESSAGES,
  ROLE_NAMES,
  SMART_MESSAGES,
  englishReason,
  fillMessage,
  placeholdersOf,
  reasonText,
  smartDetailText,
} from "../../../src/engine/messages";
import { getKpi } from "../../../src/engine/kpis";
import { computeScorecard } from "../../../src/engine/scorecard";
import { LANGS, ROLES, type LocalizedText, type ReasonCode, type SmartCode } from "../../../src/engine/types";
import { rowOf } from "../support/scorecardLookup";
import { LATER, salesData, templateWith, type FixtureRow } from "../support/salesFixture";

const REASON_CODES = Object.keys(REASON_MESSAGES) as ReasonCode[];
const SMART_CODES = Object.keys(SMART_MESSAGES) as SmartCode[];
const kpiNames = (id: string) => getKpi(id)?.names;

function expectComplete(table: Record<string, LocalizedText>, name: string) {
  for (const [code, texts] of Object.entries(table)) {
    const where = `${name}.${code}`;
    for (const lang of LANGS)
      expect({ where, lang, text: texts[lang].trim().length > 0 }).toEqual({ where, lang, text: true });
    expect({ where, vi: texts.vi !== texts.en }).toEqual({ where, vi: true });
    expect({ where, zh: texts["zh-Hans"] !== texts["zh-Hant"] }).toEqual({ where, zh: true });
    const english = placeholdersOf(texts.en);
    for (const lang of LANGS)
      expect({ where, lang, placeholders: placeholdersOf(texts[lang]) }).toEqual({
        where,
        lang,
        placeholders: english,
      });
  }
}

describe("message tables", () => {
  test("every reason code has text in all four languages, the same placeholders, and distinct Chinese scripts", () => {
    expect(REASON_CODES.length).toBeGreaterThanOrEqual(23);
    expectComplete(REASON_MESSAGES, "REASON_MESSAGES");
  });

  test("every SMART code has text in all four languages, the same placeholders, and distinct Chinese scripts", () => {
    expect(SMART_CODES).toHaveLength(17);
    expectComplete(SMART_MESSAGES, "SMART_MESSAGES");
  });

  test("role, amount and period-kind words exist in every language", () => {
    expect(Object.keys(ROLE_NAMES).sort()).toEqual([...ROLES].sort());
    for (const table of [ROLE_NAMES, AMOUNT_NAMES, PERIOD_KIND_NAMES] as Array<Record<string, LocalizedText>>) {
      for (const texts of Object.values(table)) for (const lang of LANGS) expect(texts[lang].length).toBeGreaterThan(0);
    }
    expect(ROLE_NAMES.collected.vi).toBe("Đã thu");
  });

  test("placeholdersOf reads {name} and the plural form {name|one|other}", () => {
    expect(placeholdersOf("past {periods} {periods|period|periods}: {lowest}")).toEqual(["lowest", "periods"]);
  });

  test("filling every placeholder leaves none behind, in any language, whatever the values", () => {
    const value = fc.string({ maxLength: 12 }).filter((s) => !s.includes("{") && !s.includes("}"));
    fc.assert(
      fc.property(
        fc.constantFrom(...REASON_CODES, ...SMART_CODES),
        fc.constantFrom(...LANGS),
        value,
        (code, lang, text) => {
          const texts =
            (REASON_MESSAGES as Record<string, LocalizedText>)[code] ??
            (SMART_MESSAGES as Record<string, LocalizedText>)[code];
          const params = Object.fromEntries(placeholdersOf(texts.en).map((name) => [name, text]));
          return !/\{\w+(\|[^}]*)?\}/.test(fillMessage(texts[lang], params, lang));
        },
      ),
    );
  });
});

describe("English reasons are the engine's existing sentences", () => {
  test.each([
    ["no_amount_in_period", { amount: "receivable" }, "no receivable in period"],
    ["no_amount_in_period", { amount: "rows_with_revenue_and_cost" }, "no rows with both revenue and cost in period"],
    ["no_amount_in", { amount: "net_sales", period: "2025-02" }, "no net sales in 2025-02"],
    ["column_not_mapped", { role: "bad_debt" }, "no bad_debt column"],
    ["mixed_currencies", { currencies: "USD, VND" }, "mixed currencies: USD, VND"],
    ["no_growth_base", { kpi: "net_sales", period: "2024-03" }, "no net_sales for 2024-03 to grow the target from"],
    ["no_target", { entity: "Chi", period: "2026-03" }, "no target for Chi 2026-03"],
    ["no_sales_plan", {}, "no sales plan"],
  ] as Array<[ReasonCode, Record<string, string>, string]>)("%s %j → %s", (code, params, english) => {
    expect(englishReason(code, params)).toBe(english);
  });
});

describe("reasonText", () => {
  test("a blank receivable: the collection rate's reason in Vietnamese, Chinese and (unchanged) English", () => {
    const rows: FixtureRow[] = [
      { date: "2026-01-03", salesperson: "An", collected: 90 }, // receivable left blank
      { date: "2026-01-03", salesperson: "Binh", collected: 10, receivable: 20 },
    ];
    const scorecard = computeScorecard({
      data: salesData(rows),
      template: templateWith([{ kpi: "collection_rate" }]),
      now: LATER,
    });
    const cell = rowOf(scorecard, "An").kpis.collection_rate!;
    expect(cell).toMatchObject({ actual: null, reason: "no receivable in period", reasonCode: "no_amount_in_period" });
    expect(reasonText(cell, "vi")).toBe("không có khoản phải thu trong kỳ");
    expect(reasonText(cell, "zh-Hans")).toBe("本期没有应收款");
    expect(reasonText(cell, "zh-Hant")).toBe("本期沒有應收帳款");
    expect(reasonText(cell, "en")).toBe("no receivable in period");
  });

  test("an unmapped column is named by its role in the user's language", () => {
    const rows: FixtureRow[] = [{ date: "2026-01-05", salesperson: "An", revenue: 10 }];
    const scorecard = computeScorecard({
      data: salesData(rows),
      template: templateWith([{ kpi: "collection_rate" }]),
      now: LATER,
    });
    const cell = rowOf(scorecard, "An").kpis.collection_rate!;
    expect(cell.reason).toBe("no collected column");
    expect(reasonText(cell, "vi")).toBe("không có cột “Đã thu”");
    expect(reasonText(cell, "zh-Hant")).toBe("沒有「回款」欄");
  });

  test("a missing growth base names the KPI in the user's language when given the names", () => {
    const cell = {
      reason: "no net_sales for 2024-03 to grow the target from",
      reasonCode: "no_growth_base" as const,
      reasonParams: { kpi: "net_sales", period: "2024-03" },
    };
    expect(reasonText(cell, "vi", kpiNames)).toBe("không có Doanh thu thuần kỳ 2024-03 để tính chỉ tiêu tăng trưởng");
    expect(reasonText(cell, "zh-Hans", kpiNames)).toBe("没有 2024-03 的销售净额，无法按增长率计算目标");
    expect(reasonText(cell, "vi")).toBe("không có net_sales kỳ 2024-03 để tính chỉ tiêu tăng trưởng");
  });

  test("a reason without a code (e.g. from an older JSON file) is shown as its English text", () => {
    expect(reasonText({ reason: "no receivable in period" }, "vi")).toBe("no receivable in period");
    expect(reasonText({}, "vi")).toBe("");
  });

  test("every reason the engine gives carries a code whose English text is the reason itself", () => {
    // Two months, sparse columns: most KPIs lack something somewhere (blank amounts, no plan, no history...).
    const rows: FixtureRow[] = [
      { date: "2026-01-03", salesperson: "An", region: "North", customer: "C1", revenue: 100, collected: 5 },
      {
        date: "2026-02-03",
        salesperson: "An",
        region: "North",
        customer: "C2",
        quantity: 3,
        expense: 4,
        status: "open",
      },
      {
        date: "2026-02-04",
        salesperson: "Binh",
        region: "South",
        customer: "C1",
        revenue: 50,
        cost: 20,
        currency: "VND",
      },
      {
        date: "2026-02-05",
        salesperson: "Binh",
        region: "South",
        customer: "C3",
        revenue: 5,
        currency: "USD",
        margin_tier: "premium",
      },
    ];
    const template = templateWith(
      KPI_IDS.map((kpi) => (kpi === "plan_attainment" ? { kpi, target: { type: "table" as const } } : { kpi })),
    );
    const scorecard = computeScorecard({ data: salesData(rows), template, now: LATER });
    const seen = new Set<ReasonCode>();
    for (const row of scorecard.rows) {
      for (const [kpi, cell] of Object.entries(row.kpis)) {
        if (cell.reason === undefined) continue;
        expect({ kpi, code: cell.reasonCode !== undefined }).toEqual({ kpi, code: true });
        expect(englishReason(cell.reasonCode!, cell.reasonParams)).toBe(cell.reason);
        for (const lang of LANGS) expect(reasonText(cell, lang, kpiNames)).not.toMatch(/\{\w+\}/);
        seen.add(cell.reasonCode!);
      }
    }
    // The fixture reaches a good spread of the codes (so the loop above checks something).
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        "column_not_mapped", // receivable, bad_debt
        "mixed_currencies", // Binh: VND and USD
        "no_amount_in_period", // An in February: no revenue
        "no_data_for", // retention and growth: no December 2025 / February 2025
        "no_margin_tiers",
        "no_won_or_lost_deals", // one open deal
      ]),
    );
  });
});

describe("smartDetailText", () => {
  const template = templateWith([
    { kpi: "collection_rate", weight: 60 },
    { kpi: "net_sales", weight: 40 },
  ]);
  const rows: FixtureRow[] = [{ date: "2026-01-05", salesperson: "An", revenue: 10 }];
  const smart = computeScorecard({ data: salesData(rows), template, now: LATER }).smart;
  const collection = smart.find((s) => s.kpi === "collection_rate")!.checks;

  test("a real check in Vietnamese names the missing roles in Vietnamese; English stays the engine's detail", () => {
    // collection_rate reads collected and receivable; neither is mapped.
    expect(collection.measurable.detail).toBe("Map a column for: collected, receivable.");
    expect(smartDetailText(collection.measurable, "vi")).toBe("Hãy gán cột cho: Đã thu, Phải thu.");
    expect(smartDetailText(collection.measurable, "zh-Hans")).toBe("请为以下项目映射列：回款、应收款。");
    expect(smartDetailText(collection.measurable, "en")).toBe(collection.measurable.detail);
    expect(smartDetailText(collection.timeBound, "vi")).toBe("Đo lường theo tháng.");
    expect(smartDetailText(collection.relevant, "zh-Hant")).toBe("權重 60%（合計 100%）。");
  });

  test("numbers follow the language's conventions; English keeps its plural", () => {
    const check = {
      ok: false,
      detail: "",
      code: "attainable_too_high" as const,
      params: { target: 10_000_000, low: 450_000, high: 1_500_000.5, periods: 1, lowest: 900_000, highest: 1_000_000 },
    };
    expect(smartDetailText(check, "en")).toBe(
      "Target 10,000,000 is above 150% of the highest past actual (past 1 period: 900,000 to 1,000,000); lower it to at most 1,500,000.5.",
    );
    expect(smartDetailText(check, "vi")).toBe(
      "Mục tiêu 10.000.000 cao hơn 150% mức thực tế cao nhất trước đây (1 kỳ trước: từ 900.000 đến 1.000.000); hãy hạ xuống tối đa 1.500.000,5.",
    );
  });

  test("the specific check names the KPI in the user's language when given the names", () => {
    expect(smartDetailText(collection.specific, "zh-Hant", kpiNames)).toBe("實際回款率 已命名並有定義。");
  });

  test("a check without a code is shown as its English detail", () => {
    expect(smartDetailText({ detail: "named" }, "vi")).toBe("named");
  });
});
