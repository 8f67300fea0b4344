/**
 * The pane's host actions over the real Office.js adapter, run against the fake Excel host in Node:
 * what the pane shows after list / preview / SMART / apply, and messages in the pane's language.
 */
import { getBuiltinTemplate } from "../../src/engine";
import { reasonText } from "../../src/engine/messages";
import type { Template } from "../../src/engine/types";
import { createExcelWorkbook, type ExcelRunner } from "../../src/excel";
import { createI18n } from "../../src/i18n";
import { createHostActions } from "../../src/taskpane/hostActions";
import { createFakeWorkbook } from "../fakes/excel";
import { layoutCases } from "../fixtures/real-world/layoutCorpus";
import { COLLECTED_HEADER, SALES_SHEET, SALES_TABLE, SAMPLE_HEADERS, sampleSalesValues } from "../e2e/sampleSales";

function setup(lang: "en" | "vi" = "en", apiMinor = 17) {
  const values = sampleSalesValues(10); // 10 rows a month × 6 months
  const fake = createFakeWorkbook(
    {
      sheets: [{ name: SALES_SHEET, values, tables: [{ name: SALES_TABLE, address: `A1:L${values.length}` }] }],
      selection: { sheet: SALES_SHEET, address: "B2" },
    },
    { apiMinor },
  );
  const port = createExcelWorkbook(fake.run as unknown as ExcelRunner, {
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
  });
  const activated: string[] = [];
  const actions = createHostActions({
    port,
    t: createI18n(lang).t,
    activateSheet: async (name) => void activated.push(name),
  });
  return { fake, actions, activated };
}

const collections = () => getBuiltinTemplate("collections-credit") as Template;
const source = { kind: "table" as const, name: SALES_TABLE };
const collectedColumn = SAMPLE_HEADERS.indexOf(COLLECTED_HEADER);

test("sources are listed with the table holding the selection as the default", async () => {
  const { actions } = setup();
  const result = await actions.listSources();
  expect(result.ok && result.defaultSource).toEqual(source);
  expect(result.ok && result.sources.find((s) => s.kind === "table")).toMatchObject({ name: SALES_TABLE, rows: 60 });
});

test("the preview has the headers, a few sample rows, the row count and the detected roles", async () => {
  const { actions } = setup();
  const result = await actions.readPreview(source);
  if (!result.ok) throw new Error(result.message);
  expect(result.preview.headers).toEqual(SAMPLE_HEADERS);
  expect(result.preview.rowCount).toBe(60);
  expect(result.preview.samples.length).toBe(20);
  const byRole = Object.fromEntries(result.detections.map((d) => [d.role, d.header]));
  expect(byRole).toMatchObject({
    date: "Date",
    salesperson: "Salesperson",
    revenue: "Revenue",
    receivable: "Receivable",
  });
  expect(byRole.collected).toBeUndefined(); // "Cash in" is for the user to map
});

test("a missing table gives a message in the pane's language, not an exception", async () => {
  const { actions } = setup("vi");
  const result = await actions.readPreview({ kind: "table", name: "Không có" });
  expect(result).toEqual({
    ok: false,
    message: "Không tìm thấy bảng hoặc trang tính. Hãy làm mới danh sách và chọn lại.",
  });
});

test("apply without the collected column writes the scorecard with collection rate not available", async () => {
  const { actions, fake } = setup("vi");
  const result = await actions.apply(
    { source, targets: null, template: collections(), overrides: {}, lang: "vi", sourceRules: false },
    () => {},
  );
  if (!result.ok) throw new Error(result.message);
  expect(fake.sheetNames().length).toBeGreaterThan(1);
  const missing = result.summary.notAvailable ?? [];
  expect(missing.map((k) => [k.names.en, reasonText(k, "vi")])).toEqual([["Collection rate", "không có cột “Đã thu”"]]);
});

test("strict: apply without the collected column fails with the localized missing-columns message and writes nothing", async () => {
  const { actions, fake } = setup("vi");
  const result = await actions.apply(
    { source, targets: null, template: collections(), overrides: {}, lang: "vi", sourceRules: false, strict: true },
    () => {},
  );
  expect(result.ok).toBe(false);
  expect(!result.ok && result.message).toMatch(
    /^trang tính “Sales”: không có cột cho vai trò bắt buộc Đã thu; các tên cột đã thấy: "Date"/,
  );
  expect(fake.sheetNames()).toEqual([SALES_SHEET]);
});

test("apply with the mapping edit writes the scorecard and summarises it, with progress on the way", async () => {
  const { actions, fake, activated } = setup();
  const phases: string[] = [];
  const result = await actions.apply(
    {
      source,
      targets: null,
      template: collections(),
      overrides: { collected: collectedColumn },
      lang: "en",
      sourceRules: false,
    },
    (p) => phases.push(p.phase),
  );
  if (!result.ok) throw new Error(result.message);
  expect(result.summary).toMatchObject({ period: "2026-06", entities: 4, rowsRead: 60, failedGates: 0 });
  expect(result.summary.best && result.summary.worst && result.summary.best.score >= result.summary.worst.score).toBe(
    true,
  );
  expect(phases).toEqual(expect.arrayContaining(["reading", "computing", "writing", "done"]));
  expect(fake.sheetNames().length).toBeGreaterThan(1);
  expect(result.summary.notesSheet).not.toBeNull();
  await actions.showSheet(result.summary.notesSheet as string);
  expect(activated).toEqual([result.summary.notesSheet]);
});

test("the SMART check reports the five checks for each KPI of the template", async () => {
  const { actions } = setup();
  const result = await actions.smartCheck({
    source,
    targets: null,
    template: collections(),
    overrides: { collected: collectedColumn },
    lang: "en",
    sourceRules: false,
  });
  if (!result.ok) throw new Error(result.message);
  expect(result.items.map((i) => i.kpi)).toEqual(["collection_rate", "bad_debt_rate", "net_sales"]);
  for (const item of result.items)
    expect(Object.keys(item.checks).sort()).toEqual(["attainable", "measurable", "relevant", "specific", "timeBound"]);
  expect(result.items[0].checks.measurable.ok).toBe(true);
});

test("the SMART check goes through the run pipeline: strict mode refuses a missing column as Apply does, in the pane's language", async () => {
  const { actions } = setup();
  const request = {
    source,
    targets: null,
    template: collections(),
    overrides: {},
    sourceRules: false,
    strict: true,
  };
  const vi = await actions.smartCheck({ ...request, lang: "vi" });
  const apply = await actions.apply({ ...request, lang: "vi" }, () => {});
  expect(vi.ok).toBe(false);
  expect(apply.ok).toBe(false);
  if (vi.ok || apply.ok) return;
  expect(vi.message).toContain("không có cột cho vai trò bắt buộc");
  expect(vi.message).toBe(apply.message);
});

test("the source-rules option adds the flagging rules on the source table, and unticking removes them", async () => {
  const { actions, fake } = setup();
  const request = {
    source,
    targets: null,
    template: collections(),
    overrides: { collected: collectedColumn },
    lang: "en" as const,
  };
  await actions.apply({ ...request, sourceRules: true }, () => {});
  expect(fake.conditionalFormats(SALES_SHEET).length).toBeGreaterThan(0);
  await actions.apply({ ...request, sourceRules: false }, () => {});
  expect(fake.conditionalFormats(SALES_SHEET)).toEqual([]);
});

describe("a sheet with a title block and a two-row header (issue 14)", () => {
  function layoutSetup() {
    const c = layoutCases().find((x) => x.file === "vi-misa-style.xlsx")!;
    const width = Math.max(...c.sheet.map((r) => r.length));
    const values = c.sheet.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
    const fake = createFakeWorkbook({
      sheets: [{ name: "Bán hàng", values }],
      selection: { sheet: "Bán hàng", address: "A1" },
    });
    const port = createExcelWorkbook(fake.run as unknown as ExcelRunner, {
      isSetSupported: (n, v) => fake.isSetSupported(n, v),
    });
    return { c, actions: createHostActions({ port, t: createI18n("vi").t, activateSheet: async () => undefined }) };
  }
  const sheet = { kind: "sheet" as const, name: "Bán hàng" };

  test("the preview shows the header row found, the title rows skipped and the joined headers", async () => {
    const { actions } = layoutSetup();
    const result = await actions.readPreview(sheet);
    if (!result.ok) throw new Error(result.message);
    expect(result.preview.layout).toMatchObject({ headerRow: 5, headerRows: 2, chosenBy: "detected" });
    expect(result.preview.layout!.titleRows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(result.preview.headers).toContain("Doanh thu (Doanh số)");
    expect(Object.fromEntries(result.detections.map((d) => [d.role, d.header]))).toMatchObject({
      date: "Ngày",
      revenue: "Doanh thu (Doanh số)",
    });
  });

  test("apply runs on it; a header row the user picks travels in the request and is stored", async () => {
    const { actions } = layoutSetup();
    const template = getBuiltinTemplate("sales-rep") as Template;
    const result = await actions.apply(
      { source: sheet, targets: null, template, overrides: {}, lang: "vi", sourceRules: false },
      () => {},
    );
    if (!result.ok) throw new Error(result.message);
    const picked = await actions.readPreview(sheet, 6);
    expect(picked.ok && picked.preview.layout).toMatchObject({ headerRow: 6, chosenBy: "user" });
    const wrong = await actions.apply(
      { source: sheet, targets: null, template, overrides: {}, lang: "vi", sourceRules: false, headerRow: 1 },
      () => {},
    );
    expect(wrong.ok).toBe(false); // row 1 is the company name: no column for the roles
    const chosen = await actions.apply(
      { source: sheet, targets: null, template, overrides: {}, lang: "vi", sourceRules: false, headerRow: 5 },
      () => {},
    );
    expect(chosen.ok).toBe(true);
    const settings = await actions.loadSettings();
    expect(settings.ok && settings.settings?.headerRow).toBe(5);
  });
});

test("the writer's warnings reach the pane: no colour rules on a host without ExcelApi 1.6", async () => {
  const { actions } = setup("en", 5);
  const template = getBuiltinTemplate("sales-rep") as Template;
  const result = await actions.apply(
    { source, targets: null, template, overrides: { collected: collectedColumn }, lang: "en", sourceRules: false },
    () => {},
  );
  if (!result.ok) throw new Error(result.message);
  expect(result.summary.warnings?.some((w) => /conditional formatting/.test(w))).toBe(true);
});

test("while Excel waits for the user to leave a cell, apply reports it to the pane, and stops listening after", async () => {
  const { fake } = setup();
  const port = createExcelWorkbook(fake.run as unknown as ExcelRunner, {
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
  });
  let listener: (() => void) | null = null;
  const waitingPort = {
    ...port,
    // What excelHost's onCellEditWait does when a batch meets cell-edit mode and is retried.
    readSource: async (...args: Parameters<typeof port.readSource>) => {
      listener?.();
      return port.readSource(...args);
    },
  };
  const actions = createHostActions({
    port: waitingPort,
    t: createI18n("en").t,
    activateSheet: async () => {},
    onCellEditWait: (l) => {
      listener = l;
    },
  });
  const progress: Array<{ waitingForCellEdit?: boolean }> = [];
  const result = await actions.apply(
    {
      source,
      targets: null,
      template: collections(),
      overrides: { collected: collectedColumn },
      lang: "en",
      sourceRules: false,
    },
    (p) => progress.push(p),
  );
  expect(result.ok).toBe(true);
  expect(progress.filter((p) => p.waitingForCellEdit)).toHaveLength(1);
  expect(listener).toBeNull();
});

test("after apply, the summary's table rows point at their scorecard-sheet rows, and choosing one selects it", async () => {
  const { actions, fake } = setup("vi");
  const result = await actions.apply(
    {
      source,
      targets: null,
      template: collections(),
      overrides: { collected: collectedColumn },
      lang: "vi",
      sourceRules: false,
    },
    () => {},
  );
  if (!result.ok) throw new Error(result.message);
  const table = result.summary.table;
  if (!table) throw new Error("no table in the summary");
  expect(fake.sheetNames()).toContain(table.sheet);
  // The total, 2 regions and 4 salespeople; each row's entity name is in column A of its sheet row.
  expect(table.rows.map((r) => r.depth).sort()).toEqual([0, 1, 1, 2, 2, 2, 2]);
  const rep = table.rows.find((r) => r.depth === 2)!;
  expect(fake.values(table.sheet)[rep.sheetRow - 1][0]).toBe(rep.entity);
  expect(Object.keys(rep.statuses)).toEqual(table.kpis.map((k) => k.id));

  expect(await actions.selectScorecardRow(table.sheet, rep.sheetRow)).toEqual({ ok: true });
  expect(fake.selection()).toEqual({
    sheet: table.sheet,
    active: table.sheet,
    address: `${rep.sheetRow}:${rep.sheetRow}`,
  });

  fake.hideSheet(table.sheet);
  expect(await actions.selectScorecardRow(table.sheet, rep.sheetRow)).toEqual({
    ok: false,
    message: createI18n("vi").t("error.sheet_hidden"),
  });
});

/** The finance template on the sample table, "Cash in" mapped to collected (detection cannot know it). */
const collectionsRequest = () => ({
  source,
  targets: null,
  template: collections(),
  overrides: { collected: collectedColumn },
  lang: "en" as const,
  sourceRules: false,
});

test("the SMART check and Apply both bring the run's target review (issue 13 §4), the same one", async () => {
  const { actions } = setup();
  const request = collectionsRequest();
  const smart = await actions.smartCheck(request);
  const apply = await actions.apply(request, () => {});
  if (!smart.ok || !apply.ok) throw new Error("run refused");
  // every entity and level total × the three KPIs is reviewed
  expect(smart.review?.reviewed).toBeGreaterThanOrEqual(3);
  expect(apply.summary.review).toEqual(smart.review);
});

test("with an as-of date, the SMART check reviews the period Apply scores that day (the running June is left out)", async () => {
  const { actions } = setup();
  const request = { ...collectionsRequest(), asOfDate: "2026-06-15" };
  const smart = await actions.smartCheck(request);
  const apply = await actions.apply(request, () => {});
  if (!smart.ok || !apply.ok) throw new Error("run refused");
  expect(apply.summary.period).toBe("2026-06");
  expect(smart.review?.runningPeriod).toBe("2026-06");
  expect(smart.review?.nextPeriod).toBe("2026-06"); // reviewed up to May, suggestions for the running June
  expect(apply.summary.review).toEqual(smart.review);
});
