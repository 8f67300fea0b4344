import { getBuiltinTemplate } from "../../src/engine";
import { SETTING_KEYS } from "../../src/excel/settingKeys";
import type { Progress, StoredSettings } from "../../src/workbook/contract";
import { runScorecard, type RunRequest } from "../../src/workbook/runScorecard";
import { FAKE_ERROR_CODES } from "../fakes/excel";
import { comparable, fakePort } from "../excel/support/excelPort";

/** Serial 46082 = 2026-03-01. Two reps, one region, revenue/cost/receivable/collected, tiers. */
function seed() {
  const header = [
    "Date",
    "Order ID",
    "Customer",
    "Salesperson",
    "Region",
    "Tier",
    "Revenue",
    "Cost",
    "Receivable",
    "Collected",
    "Bad debt",
  ];
  const rows = [
    [46053, "O1", '=HYPERLINK("x")', "An", "North", "premium", 1000, 600, 1000, 900, 0],
    [46082, "O2", "Cửa hàng A", "An", "North", "standard", 2000, 2500, 2000, 2000, 50],
    [46083, "O3", "Cửa hàng B", "Bình", "North", "economy", 1500, 1000, 1500, 1200, 0],
  ];
  return { sheets: [{ name: "Data", values: [header, ...rows], tables: [{ name: "Sales", address: "A1:K4" }] }] };
}

function request(over: Partial<RunRequest> = {}): RunRequest {
  return {
    source: { kind: "table", name: "Sales" },
    template: getBuiltinTemplate("sales-rep")!,
    lang: "en",
    asOf: "2026-03",
    now: new Date("2026-04-10T00:00:00Z"),
    ...over,
  };
}

describe("runScorecard", () => {
  it("reads, computes, writes and remembers the template and mapping in the workbook", async () => {
    const { fake, port } = fakePort(seed());
    const phases: Progress["phase"][] = [];
    const result = await runScorecard(port, request({ overrides: { bad_debt: "Bad debt" } }), (p) =>
      phases.push(p.phase),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.scorecard.rowsRead).toBe(3);
    expect(result.scorecard.rows.map((r) => r.entity)).toEqual(expect.arrayContaining(["An", "Bình"]));
    expect(result.report.sheets).toEqual({
      scorecard: "KPI Scorecard",
      history: "KPI History",
      details: "KPI Margin Mix",
      notes: "KPI Notes",
    });
    expect(fake.sheetNames()).toEqual(["Data", "KPI Scorecard", "KPI History", "KPI Margin Mix", "KPI Notes"]);
    expect(new Set(phases)).toEqual(new Set(["reading", "computing", "writing", "formatting", "done"]));
    const saved = fake.settings()[SETTING_KEYS.settings] as StoredSettings;
    expect(JSON.parse(saved.templateJson!).id).toBe("sales-rep");
    expect(saved).toMatchObject({
      overrides: { bad_debt: { header: "Bad debt", index: 10 } },
      source: { kind: "table", name: "Sales" },
      lang: "en",
    });
    expect(await port.loadSettings()).toEqual(saved);
    expect(fake.mutations("Data")).toBe(0);
  });

  it("writes the localized output the engine computed (Vietnamese)", async () => {
    const { fake, port } = fakePort(seed());
    const result = await runScorecard(port, request({ lang: "vi" }));
    expect(result.ok).toBe(true);
    expect(fake.sheetNames()).toContain("KPI Bảng điểm");
    expect(fake.values("KPI Bảng điểm")[0][0]).toBe("Đối tượng");
  });

  it("a column missing: the KPIs that read it are not available, the rest is computed and written", async () => {
    const s = seed();
    s.sheets[0].values = s.sheets[0].values.map((r) => r.filter((_, c) => c !== 6)); // drop Revenue
    s.sheets[0].tables = [{ name: "Sales", address: "A1:J4" }];
    const { fake, port } = fakePort(s);
    const result = await runScorecard(port, request());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.scorecard.kpis.filter((k) => k.available === false).length).toBeGreaterThan(0);
    expect(fake.sheetNames()).toContain("KPI Scorecard");
  });

  it("strict: a required column missing is an error value naming the role, and nothing is written", async () => {
    const s = seed();
    s.sheets[0].values = s.sheets[0].values.map((r) => r.filter((_, c) => c !== 6)); // drop Revenue
    s.sheets[0].tables = [{ name: "Sales", address: "A1:J4" }];
    const { fake, port } = fakePort(s);
    const result = await runScorecard(port, request({ strict: true }));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "missing_role",
        message: expect.stringMatching(/no column for the required role revenue; headers seen: "Date"/),
        problem: { code: "missing_role", params: { roles: "revenue", sheet: "Data" } },
      },
    });
    expect(fake.sheetNames()).toEqual(["Data"]);
  });

  it("Excel errors come back as values with the user message", async () => {
    const { port } = fakePort(seed());
    const result = await runScorecard(port, request({ source: { kind: "table", name: "Gone" } }));
    expect(result).toEqual({
      ok: false,
      error: { code: "not_found", message: 'Could not find the table "Gone": it may have been renamed or deleted.' },
    });
    const editing = fakePort(seed());
    editing.fake.injectFault({ code: FAKE_ERROR_CODES.cellEditMode, times: 100 });
    expect(await runScorecard(editing.port, request())).toMatchObject({ ok: false, error: { code: "cell_edit_mode" } });
  });

  it("sourceRules: true flags bad debt and negative margin on the source; false removes them", async () => {
    const { fake, port } = fakePort(seed());
    const before = JSON.stringify(fake.values("Data"));
    await runScorecard(port, request({ sourceRules: true }));
    const rules = fake.conditionalFormats("Data");
    expect(rules.map((r) => r.custom?.formula)).toEqual([
      "=AND(ISNUMBER($K2),$K2>0)",
      "=AND(ISNUMBER($G2),ISNUMBER($H2),$G2-$H2<0)",
    ]);
    expect(JSON.stringify(fake.values("Data"))).toBe(before);
    await runScorecard(port, request({ sourceRules: false }));
    expect(fake.conditionalFormats("Data")).toEqual([]);
  });

  it("re-running gives the same workbook as running once", async () => {
    const once = fakePort(seed());
    await runScorecard(once.port, request());
    const twice = fakePort(seed());
    await runScorecard(twice.port, request());
    await runScorecard(twice.port, request());
    expect(comparable(twice.fake)).toEqual(comparable(once.fake));
  });
});
