import type { WorkbookOutput } from "../../src/workbook/contract";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { TEMP_SHEET_PREFIX } from "../../src/excel/writeOutput";
import { CELL_EDIT_MESSAGE } from "../../src/excel";
import { FAKE_ERROR_CODES } from "../fakes/excel";
import { smallScorecard } from "../workbook/support/scorecardFixture";
import { comparable, fakePort, salesSeed } from "./support/excelPort";

const OUTPUT_NAMES = ["KPI Scorecard", "KPI History", "KPI Margin Mix", "KPI Notes", "KPI Trends"];

function output(): WorkbookOutput {
  const sc = smallScorecard();
  sc.rows[0].entity = '=HYPERLINK("http://evil","click")';
  sc.notes.push({ row: 7, column: "Customer", value: " @SUM(1)", kind: "not_a_number", problem: "not a number" });
  return buildWorkbookOutput(sc, "en");
}

describe("writeOutput on the fake Excel", () => {
  it("writes the four sheets with values, formats, widths, frozen header, table, rules and chart", async () => {
    const { fake, port } = fakePort(salesSeed());
    const report = await port.writeOutput(output());
    expect(fake.sheetNames()).toEqual(["Data", ...OUTPUT_NAMES]);
    expect(report).toMatchObject({
      sheets: { scorecard: "KPI Scorecard", history: "KPI History" },
      rowsWritten: 4 + 3 + 3 + (8 + 2 + 5), // scorecard, history, details, notes (run 8, data notes 2, SMART 5)
      rulesWritten: true,
      chartWritten: true,
      warnings: [],
    });
    const values = fake.values("KPI Scorecard");
    // Row 1: the KPI names merged over their columns; row 2: the column headers.
    expect(values[0].slice(4, 9)).toEqual(["Net sales", null, null, null, "Collection rate"]);
    expect(fake.merges("KPI Scorecard")).toEqual(["E1:H1", "I1:L1"]);
    expect(fake.horizontalAlignment("KPI Scorecard", 0, 4)).toBe("Center");
    expect(values[1][0]).toBe("Entity");
    expect(values[1][4]).toBe("Actual");
    expect(values[3]).toEqual([
      "An",
      "Salesperson",
      "North",
      "2026-03",
      850000,
      1000000,
      0.85,
      "Missed",
      0.8,
      0.95,
      0.8 / 0.95,
      "Missed",
      0.846,
      0.8,
      "✗ Failed",
      "Collection rate",
    ]);
    expect(fake.numberFormat("KPI Scorecard", 2, 4)).toBe("#,##0");
    expect(fake.numberFormat("KPI Scorecard", 2, 6)).toBe("0.0%");
    expect(fake.frozenRows("KPI Scorecard")).toBe(2);
    expect(fake.columnWidth("KPI Scorecard", 0)).toBeGreaterThan(0);
    expect(fake.tables()).toContainEqual({
      name: "KpiHistory",
      sheet: "KPI History",
      address: "A1:J4",
      style: "TableStyleMedium2",
    });

    const rules = fake.conditionalFormats("KPI Scorecard");
    expect(rules.filter((r) => r.type === "IconSet")).toEqual([
      expect.objectContaining({
        address: "G3:G6",
        iconSet: expect.objectContaining({
          style: "ThreeTrafficLights1",
          criteria: [
            {},
            { type: "Number", operator: "GreaterThanOrEqual", formula: "=0.9" },
            { type: "Number", operator: "GreaterThanOrEqual", formula: "=1" },
          ],
        }),
      }),
      expect.objectContaining({ address: "K3:K6" }),
    ]);
    expect(rules).toContainEqual(
      expect.objectContaining({
        type: "DataBar",
        address: "M3:M6",
        dataBar: expect.objectContaining({
          lowerBoundRule: { type: "Number", formula: "=0" },
          upperBoundRule: { type: "Number", formula: "=1.2" },
        }),
      }),
    );
    // Only the payout and gate cells (N..P) of a failed-gate row.
    expect(rules.filter((r) => r.type === "Custom")).toEqual([
      expect.objectContaining({
        address: "N3:P6",
        custom: expect.objectContaining({ formula: '=$P3<>""', fill: "#FFC7CE", fontColor: "#9C0006" }),
      }),
    ]);
    expect(fake.charts("KPI Scorecard")).toEqual([
      expect.objectContaining({
        type: "BarClustered",
        name: "KpiScoreChart",
        source: "M2:M6",
        title: "Weighted score by Salesperson",
        series: [{ name: "Weighted score", values: "M3:M6", categories: "A3:A6" }],
      }),
    ]);
  });

  it("keeps injected strings as text: nothing written becomes a formula", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.writeOutput(output());
    expect(fake.cell("KPI Scorecard", 2, 0)).toBe('=HYPERLINK("http://evil","click")');
    expect(fake.isFormula("KPI Scorecard", 2, 0)).toBe(false);
    const notes = fake.values("KPI Notes");
    const r = notes.findIndex((row) => row[4] === " @SUM(1)");
    expect(r).toBeGreaterThan(0);
    for (const name of OUTPUT_NAMES) {
      fake.values(name).forEach((row, i) => row.forEach((_, c) => expect(fake.isFormula(name, i, c)).toBe(false)));
    }
  });

  it("never changes the source sheet", async () => {
    const { fake, port } = fakePort(salesSeed());
    const before = JSON.stringify(fake.values("Data"));
    await port.writeOutput(output());
    expect(JSON.stringify(fake.values("Data"))).toBe(before);
    expect(fake.mutations("Data")).toBe(0);
  });

  it("two runs leave the same workbook as one run (no duplicate sheets, rules, tables or charts)", async () => {
    const one = fakePort(salesSeed());
    await one.port.writeOutput(output());
    const two = fakePort(salesSeed());
    await two.port.writeOutput(output());
    await two.port.writeOutput(output());
    expect(comparable(two.fake)).toEqual(comparable(one.fake));
    expect(two.fake.sheetNames()).toEqual(["Data", ...OUTPUT_NAMES]);
  });

  it("a user's sheet with an output's name survives; the output takes \"Name (2)\", also on re-runs", async () => {
    const seed = salesSeed();
    seed.sheets.push({ name: "KPI Scorecard", values: [["my own notes"]] });
    const { fake, port } = fakePort(seed);
    const report = await port.writeOutput(output());
    expect(report.sheets.scorecard).toBe("KPI Scorecard (2)");
    await port.writeOutput(output());
    expect(fake.values("KPI Scorecard")).toEqual([["my own notes"]]);
    expect(fake.sheetNames().filter((n) => n.startsWith("KPI Scorecard"))).toEqual([
      "KPI Scorecard",
      "KPI Scorecard (2)",
    ]);
  });

  it("a renamed output sheet is the user's from then on: the re-run keeps it and writes fresh output", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.writeOutput(output());
    await fake.run(async (ctx) => void (ctx.workbook.worksheets.getItem("KPI History").name = "March history"));
    await port.writeOutput(output());
    // The other output sheets are rewritten where they are; the new history sheet comes last.
    const after = [
      "Data",
      "KPI Scorecard",
      "March history",
      "KPI Margin Mix",
      "KPI Notes",
      "KPI Trends",
      "KPI History",
    ];
    expect(fake.sheetNames()).toEqual(after);
    // Its table keeps its name; the new history table takes the next free one.
    expect(fake.tables().map((t) => [t.sheet, t.name])).toEqual([
      ["Data", "Sales"],
      ["March history", "KpiHistory"],
      ["KPI History", "KpiHistory2"],
    ]);
    await port.writeOutput(output());
    expect(fake.sheetNames()).toEqual(after);
  });

  it("the number of round trips does not depend on the number of rows", async () => {
    const small = fakePort(salesSeed());
    await small.port.writeOutput(output());
    const big = output();
    const scorecard = big.sheets[1];
    const template = scorecard.rows[0];
    scorecard.rows = Array.from({ length: 5000 }, (_, i) => [`Rep ${i}`, ...template.slice(1)]);
    const large = fakePort(salesSeed());
    await large.port.writeOutput(big);
    expect(large.fake.counters.syncs).toBe(small.fake.counters.syncs);
    expect(large.fake.counters.operations).toBe(small.fake.counters.operations);
  });

  it("hierarchy: names indented by depth, subtotal rows bold with a top border, detail rows grouped under them", async () => {
    const { fake, port } = fakePort(salesSeed());
    const out = output();
    const report = await port.writeOutput(out);
    expect(report.warnings).toEqual([]);
    const outline = out.sheets[0].outline!;
    const width = out.sheets[0].columns.length;
    outline.rows.forEach((place, r) => {
      const where = `data row ${r}`;
      expect([where, fake.indentLevel("KPI Scorecard", r + 2, 0)]).toEqual([where, place.depth]);
      expect([where, fake.outlineLevel("KPI Scorecard", r + 2)]).toEqual([where, place.depth]);
      expect([where, fake.isBold("KPI Scorecard", r + 2)]).toEqual([where, place.subtotal]);
      expect([where, fake.topBorder("KPI Scorecard", r + 2, width - 1)]).toEqual([
        where,
        place.subtotal ? "Continuous" : undefined,
      ]);
    });
    expect(outline.rows.map((o) => o.depth)).toEqual([2, 2, 1, 0]);
    expect(fake.indentLevel("KPI Scorecard", 2, 1)).toBe(0); // only the names' column
  });

  it("before ExcelApi 1.9 / 1.10 names are not indented or rows not grouped, and the report says so", async () => {
    const nine = fakePort(salesSeed(), { apiMinor: 9 });
    const r9 = await nine.port.writeOutput(output());
    expect(r9.warnings).toEqual([expect.stringMatching(/ExcelApi 1\.10/)]);
    expect(nine.fake.indentLevel("KPI Scorecard", 2, 0)).toBe(2);
    expect(nine.fake.outlineLevel("KPI Scorecard", 2)).toBe(0);
    const eight = fakePort(salesSeed(), { apiMinor: 8 });
    const r8 = await eight.port.writeOutput(output());
    expect(r8.warnings.join(" ")).toMatch(/ExcelApi 1\.9/);
    expect(eight.fake.indentLevel("KPI Scorecard", 2, 0)).toBe(0);
    expect(eight.fake.isBold("KPI Scorecard", 5)).toBe(true);
  });

  it("without ExcelApi 1.6 it writes everything but the rules, and says so", async () => {
    const { fake, port } = fakePort(salesSeed(), { apiMinor: 5 });
    const report = await port.writeOutput(output());
    expect(report.rulesWritten).toBe(false);
    expect(report.warnings.join(" ")).toMatch(/ExcelApi 1\.6/);
    expect(fake.conditionalFormats()).toEqual([]);
    expect(fake.sheetNames()).toEqual(["Data", ...OUTPUT_NAMES]);
  });

  it("retries while the user is editing a cell, then writes everything", async () => {
    const { fake, port, waits } = fakePort(salesSeed());
    fake.injectFault({ code: FAKE_ERROR_CODES.cellEditMode, afterSyncs: 2, times: 3 });
    await port.writeOutput(output());
    expect(waits.length).toBeGreaterThan(0);
    expect(fake.sheetNames()).toEqual(["Data", ...OUTPUT_NAMES]);
    const clean = fakePort(salesSeed());
    await clean.port.writeOutput(output());
    expect(comparable(fake)).toEqual(comparable(clean.fake));
  });

  it("gives up after the retries with one clear message and the workbook as it was", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.writeOutput(output());
    const before = fake.snapshot();
    fake.injectFault({ code: FAKE_ERROR_CODES.cellEditMode, times: 50 });
    await expect(port.writeOutput(output())).rejects.toMatchObject({
      code: "cell_edit_mode",
      message: CELL_EDIT_MESSAGE,
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it("an Excel error in the middle of the write leaves the old output intact and no partial sheets", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.writeOutput(output());
    const before = fake.snapshot();
    fake.injectFault({ code: FAKE_ERROR_CODES.general, afterSyncs: 2 });
    await expect(port.writeOutput(output())).rejects.toMatchObject({ code: "host_error" });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.sheetNames().some((n) => n.startsWith(TEMP_SHEET_PREFIX))).toBe(false);
  });

  it("an item Excel cannot find mid-write gives the not-found message and leaves the workbook as it was", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.writeOutput(output());
    const before = fake.snapshot();
    fake.injectFault({ code: FAKE_ERROR_CODES.itemNotFound, afterSyncs: 1 });
    await expect(port.writeOutput(output())).rejects.toMatchObject({
      code: "not_found",
      message: "Could not find the output sheets: it may have been renamed or deleted.",
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it("reports writing progress by rows, in blocks when the budget splits a sheet", async () => {
    const { port } = fakePort(salesSeed(), {}, { payloadBudgetBytes: 1_500 });
    const seen: Array<{ phase: string; detail?: string }> = [];
    await port.writeOutput(output(), (p) => seen.push({ phase: p.phase, detail: p.detail }));
    expect(seen.some((p) => p.phase === "writing" && /^block \d+ of \d+$/.test(p.detail ?? ""))).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: "done", detail: undefined });
  });

  it("when Excel refuses a request as too large, it shrinks the blocks and retries; no request passes the limit", async () => {
    const limit = 64 * 1024;
    const { fake, port } = fakePort(salesSeed(), { payloadLimitBytes: limit });
    const big = output();
    const history = big.sheets[1];
    history.rows = Array.from({ length: 3000 }, (_, i) => [
      `Rep ${i}`,
      "Salesperson",
      "2026-03",
      "Net sales",
      "net_sales",
      i * 1000,
      1e6,
      i / 3000,
      "Missed",
      0.5,
    ]);
    const report = await port.writeOutput(big);
    expect(report.rowsWritten).toBeGreaterThan(3000);
    expect(fake.values("KPI History")).toHaveLength(3001);
    expect(fake.sheetNames()).toEqual(["Data", ...OUTPUT_NAMES]);
    expect(fake.counters.rejectedSyncs).toBeGreaterThan(0);
    expect(fake.counters.maxRequestBytes).toBeLessThanOrEqual(limit);
  });
});
