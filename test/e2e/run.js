#!/usr/bin/env node
/**
 * Browser end-to-end test of the task pane (npm run test:e2e).
 * Builds the e2e bundle (the pane with the fake Excel host in place of Office.js), serves it on
 * 127.0.0.1, and drives Debian's headless Chromium through playwright-core, once per language:
 * load a sample workbook, change one column mapping, pick a template, apply, and check the fake
 * workbook (scorecard sheet with the expected entity rows, history table, conditional formats);
 * then type formulas on the output, save and reopen (new sheet ids), apply again, and check that
 * there are no "(2)" sheets, the formulas still work and the Period stays text.
 * After Apply, the pane's scorecard table lists every entity, and choosing a rep selects its row in
 * the scorecard sheet. Saves a screenshot per language in test-output/e2e/<lang>.png (and one in
 * Office's dark theme, en-dark.png, and one with forced colours, en-contrast.png) and prints the time from page load to the first interactive render. Ends with "N passed, N failed"; exits non-zero on failure.
 *
 *   node test/e2e/run.js [--no-build] [--lang vi]
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { spawnSync } = require("child_process");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "../..");
const SITE = path.join(ROOT, "test-output/e2e/site");
const SHOTS = path.join(ROOT, "test-output/e2e");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const TEMPLATE_ID = "collections-credit";
const COLLECTED_HEADER = "Cash in"; // see sampleSales.ts: detection cannot know this header
const BONUS_BASE = 1000;
const SAMPLE_REPS = ["Trần Thị Bình", "Nguyễn Văn An", "Lê Minh Châu", "Phạm Thu Dung"];
/** Office display language → product language, one run each. */
const RUNS = [
  { display: "en-US", lang: "en" },
  { display: "vi-VN", lang: "vi" },
  { display: "zh-CN", lang: "zh-Hans" },
  { display: "zh-TW", lang: "zh-Hant" },
  { display: "en-US", lang: "en", theme: "dark" },
  // Windows high contrast: the web view reports forced colours; statuses must not rest on colour.
  { display: "en-US", lang: "en", theme: "contrast" },
];
const shotName = (run) => (run.theme ? `${run.lang}-${run.theme}` : run.lang);

const args = process.argv.slice(2);
const build = !args.includes("--no-build");
const onlyLang = args.includes("--lang") ? args[args.indexOf("--lang") + 1] : null;

/** The pane's texts: the locale file plus `role.*` from the engine's one table of role words (ROLE_NAMES). */
function locale(lang) {
  const messages = JSON.parse(fs.readFileSync(path.join(ROOT, "src/i18n/locales", `${lang}.json`), "utf8"));
  const role = Object.fromEntries(Object.entries(engineMessages().ROLE_NAMES).map(([r, words]) => [r, words[lang]]));
  return { ...messages, role };
}
/** src/engine/messages.ts and the engine modules it imports, transpiled in memory. */
function engineMessages() {
  return loadTs(path.join(ROOT, "src/engine/messages.ts"));
}
const tsModules = new Map();
function loadTs(file) {
  if (tsModules.has(file)) return tsModules.get(file).exports;
  const ts = require("typescript");
  const js = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const module = { exports: {} };
  tsModules.set(file, module);
  const local = (spec) => {
    if (!spec.startsWith(".")) return require(spec);
    const base = path.resolve(path.dirname(file), spec);
    return loadTs(fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, "index.ts"));
  };
  new Function("module", "exports", "require", js)(module, module.exports, local);
  return module.exports;
}
function templateName(lang) {
  const file = path.join(ROOT, "src/engine/templates/builtin", `${TEMPLATE_ID}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")).names[lang];
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
};
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Σ collected / Σ receivable of one rep in June 2026, from the source rows as the fake holds them. */
function expectedJuneCollectionRate(values, rep) {
  const headers = values[0];
  const col = (h) => headers.indexOf(h);
  const [date, person, receivable, collected] = [
    col("Date"),
    col("Salesperson"),
    col("Receivable"),
    col(COLLECTED_HEADER),
  ];
  const JUNE_1 = 46174; // 2026-06-01 as an Excel serial
  const JULY_1 = 46204;
  let due = 0;
  let got = 0;
  for (const row of values.slice(1)) {
    if (row[person] !== rep || row[date] < JUNE_1 || row[date] >= JULY_1) continue;
    due += row[receivable];
    got += row[collected];
  }
  return got / due;
}

async function runLanguage(browser, baseUrl, { display, lang, theme }) {
  const shot = shotName({ lang, theme });
  const t = locale(lang);
  const page = await browser.newPage({
    viewport: { width: 350, height: 900 },
    reducedMotion: "reduce",
    ...(theme === "contrast" ? { forcedColors: "active", colorScheme: "dark" } : {}),
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    const officeTheme = theme === "dark" ? "&theme=dark" : "";
    await page.goto(`${baseUrl}/taskpane.html?display=${display}${officeTheme}`);
    // The pane picks its language from Office's display language.
    await page.getByRole("heading", { name: t.app.title }).waitFor();
    const interactiveMs = await page.evaluate(() => {
      const mark = performance.getEntriesByName("kpi-interactive")[0];
      return mark ? mark.startTime : null;
    });
    assert(interactiveMs !== null, "the pane did not mark its first interactive render");

    // Source: the sample table is the default (the selection is inside it).
    const source = page.getByLabel(t.source.sales);
    await page.waitForFunction(() => document.querySelector("select option[value='table:SalesData']") !== null);
    assert((await source.inputValue()) === "table:SalesData", `default source is ${await source.inputValue()}`);

    // Template: pick the finance template (collection rate, bad-debt rate, net sales).
    // Options read "name — N % supported by your columns" once the columns are known.
    const pick = page.getByLabel(t.template.pick, { exact: true });
    const option = await pick.evaluate(
      (el, name) => [...el.options].find((o) => o.textContent.startsWith(name))?.value,
      templateName(lang),
    );
    assert(option !== undefined, `no template option named ${templateName(lang)}`);
    await pick.selectOption(option);
    // The template editor comes in its own chunk: it must load and show the template's weight total.
    await page.getByText(t.kpi.weightTotalOk.split("{{")[0]).first().waitFor();

    // Issue 13 §3: a bonus base of 1,000 per entity in the template's settings.
    await page.getByLabel(t.settings.bonusBase, { exact: true }).fill(String(BONUS_BASE));

    // Columns: "collected" cannot be detected from "Cash in" (without it the collection rate would be
    // shown as not available); the user maps it, and the collection rate below proves it was used.
    await page.getByRole("button", { name: t.step.columns }).click();
    const collected = page.getByLabel(t.role.collected, { exact: true });
    await collected.waitFor();
    await collected.selectOption({ label: COLLECTED_HEADER });

    // Apply, then the summary.
    const apply = page.getByRole("button", { name: t.apply.button });
    await apply.click();
    const donePrefix = t.apply.done.split("{{")[0];
    await page.getByText(donePrefix).first().waitFor({ timeout: 30000 });
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);

    // The fake workbook: scorecard sheet, history table, conditional formats.
    const inspection = await page.evaluate(() => {
      const fake = window.__fakeExcel;
      const sheets = fake.sheetNames();
      return {
        sheets,
        values: Object.fromEntries(sheets.map((s) => [s, fake.values(s)])),
        tables: fake.tables(),
        formats: fake.conditionalFormats(),
        charts: fake.charts(),
      };
    });
    const formatsOn = (sheet) => inspection.formats.filter((f) => f.sheet === sheet);
    const scorecardSheet = inspection.sheets.find((s) => formatsOn(s).some((f) => /iconset/i.test(f.type)));
    assert(scorecardSheet, `no sheet with an icon-set rule; sheets: ${inspection.sheets.join(", ")}`);
    const grid = inspection.values[scorecardSheet];
    const rowOf = (entity) => grid.find((row) => row.includes(entity));
    for (const rep of SAMPLE_REPS) assert(rowOf(rep), `scorecard sheet "${scorecardSheet}" has no row for ${rep}`);
    for (const region of ["Miền Bắc", "Miền Nam"])
      assert(rowOf(region), `scorecard sheet has no roll-up row for ${region}`);
    assert(
      formatsOn(scorecardSheet).some((f) => /databar/i.test(f.type)),
      "no data-bar rule on the scorecard sheet",
    );
    // The mapping edit took effect: each rep's collection rate is Σ "Cash in" / Σ receivable for June.
    for (const rep of SAMPLE_REPS) {
      const expected = expectedJuneCollectionRate(inspection.values.Sales, rep);
      const row = rowOf(rep);
      assert(
        row.some((cell) => typeof cell === "number" && Math.abs(cell - expected) < 1e-9),
        `${rep}: no cell equals the expected June collection rate ${expected}; row: ${JSON.stringify(row)}`,
      );
    }
    const history = inspection.tables.find((tb) => tb.name === "KpiHistory");
    assert(history, `no KpiHistory table; tables: ${inspection.tables.map((tb) => tb.name).join(", ")}`);
    const historyRows = inspection.values[history.sheet].length - 1;
    // 4 reps + 2 regions + total, 3 KPIs, 6 months at most.
    assert(historyRows >= 7 * 3, `history table has only ${historyRows} rows`);
    assert(inspection.values.Sales.length === 361, "the source rows changed");

    // Issue 9: the user points formulas at the output, saves and reopens the file (every sheet gets a
    // new id), and applies again: the output is rewritten in place, with no "(2)" sheets, the
    // formulas still work and the Period column is still text.
    const historySheet = history.sheet;
    const before = await page.evaluate((sheet) => {
      const fake = window.__fakeExcel;
      fake.setFormula("Sales", "Z1", "=COUNTA(KpiHistory[#Data])");
      fake.setFormula("Sales", "Z2", `='${sheet.replace(/'/g, "''")}'!A2`);
      fake.reopen();
      return { syncs: fake.counters.syncs, sheets: fake.sheetNames() };
    }, scorecardSheet);
    await apply.click();
    await page.waitForFunction((n) => window.__fakeExcel.counters.syncs > n, before.syncs);
    await page.getByText(donePrefix).first().waitFor({ timeout: 30000 });
    assert(errors.length === 0, `page errors after the second apply: ${errors.join("; ")}`);
    const again = await page.evaluate(
      (sheet) => {
        const fake = window.__fakeExcel;
        return {
          sheets: fake.sheetNames(),
          tables: fake.tables().map((tb) => tb.name),
          formulas: [fake.formulaResult("Sales", "Z1"), fake.formulaResult("Sales", "Z2")],
          history: fake.values(sheet.history),
          scorecard: fake.values(sheet.scorecard),
        };
      },
      { history: historySheet, scorecard: scorecardSheet },
    );
    assert(
      JSON.stringify(again.sheets) === JSON.stringify(before.sheets),
      `sheets after the second apply: ${again.sheets.join(", ")} (before: ${before.sheets.join(", ")})`,
    );
    assert(again.tables.filter((name) => /^KpiHistory/.test(name)).length === 1, `tables: ${again.tables.join(", ")}`);
    assert(!again.formulas.includes("#REF!"), `a user's formula on the output became #REF!: ${again.formulas}`);
    assert(
      again.history.some((row) => row.includes("2026-06")),
      "the history's Period column no longer holds the text 2026-06",
    );

    // Issue 11: the pane's scorecard table names every rep and region; choosing a rep selects its row.
    const table = page.getByRole("region", { name: t.table.caption });
    for (const entity of [...SAMPLE_REPS, "Miền Bắc", "Miền Nam"])
      await table.getByRole("button", { name: entity, exact: true }).waitFor();
    await table.getByRole("button", { name: SAMPLE_REPS[1], exact: true }).click();
    await page.waitForFunction((sheet) => window.__fakeExcel.selection().active === sheet, scorecardSheet);
    const selected = await page.evaluate(() => window.__fakeExcel.selection());
    const selectedRow = Number(selected.address.split(":")[0]);
    assert(
      selected.address === `${selectedRow}:${selectedRow}` &&
        (again.scorecard[selectedRow - 1] ?? []).includes(SAMPLE_REPS[1]),
      `choosing ${SAMPLE_REPS[1]} selected ${selected.sheet}!${selected.address}`,
    );
    // Issue 13 §3: each rep's bonus is its payout × the base, and the pane's total bonus cost is their sum.
    const bonusText = await page
      .locator("dt")
      .filter({ hasText: t.apply.bonusTotal })
      .locator("xpath=following-sibling::dd[1]")
      .textContent();
    const bonusTotal = Number(bonusText.replace(/[^0-9]/g, ""));
    const repRows = SAMPLE_REPS.map((rep) => again.scorecard.find((row) => row.includes(rep)));
    const bonusColumn = repRows[0].findIndex(
      (_, j) =>
        repRows.every(
          (row) =>
            typeof row[j] === "number" && row.some((p) => p !== row[j] && Math.abs(p * BONUS_BASE - row[j]) < 1e-6),
        ) && Math.abs(Math.round(repRows.reduce((sum, row) => sum + row[j], 0)) - bonusTotal) <= 1,
    );
    assert(
      bonusTotal > 0 && bonusColumn >= 0,
      `no bonus column equal to payout × ${BONUS_BASE} whose sum is the pane's total bonus cost "${bonusText}"`,
    );

    // Issue 13 §1: the drivers view follows the table's choice and explains each KPI against May.
    const drivers = page.getByRole("region", { name: t.apply.drivers.title });
    const repDrivers = drivers.getByRole("list", { name: new RegExp(`^${SAMPLE_REPS[1]} \\(`) });
    await repDrivers.waitFor();
    const versusMay = t.apply.drivers.versus.split("{{why}}")[0].replace("{{period}}", "2026-05");
    const driverLines = await repDrivers.locator("li div").allTextContents();
    assert(
      driverLines.some((line) => line.startsWith(versusMay)),
      `the drivers of ${SAMPLE_REPS[1]} do not explain the change against 2026-05: ${JSON.stringify(driverLines)}`,
    );
    // Issue 13 §4: the SMART step shows the target review of the last Apply, up to the scored June.
    await page.getByRole("button", { name: t.step.smart }).click();
    const review = page.getByRole("region", { name: t.review.title });
    await review.waitFor();
    const reviewText = await review.textContent();
    const reviewIntro = t.review.intro.split("{{from}}")[0];
    assert(
      reviewText.includes(reviewIntro) && reviewText.includes("2026-06"),
      `the target review does not cover the history up to 2026-06: ${reviewText.slice(0, 300)}`,
    );
    await page.getByRole("button", { name: t.step.smart }).click();

    // Issue 13 §2: an as-of date inside June scores June as it stood that day, with its pace. June 2026
    // starts on a Monday: 1–15 June holds 11 of its 22 Monday–Friday working days.
    await page.getByLabel(t.apply.asOfDate).fill("2026-06-15");
    const syncsBeforePace = await page.evaluate(() => window.__fakeExcel.counters.syncs);
    await apply.click();
    await page.waitForFunction((n) => window.__fakeExcel.counters.syncs > n, syncsBeforePace);
    const paceLine = t.apply.pace
      .replace("{{date}}", "2026-06-15")
      .replace("{{elapsed}}", "11")
      .replace("{{total}}", "22");
    await page.getByText(paceLine).waitFor({ timeout: 30000 });
    assert(errors.length === 0, `page errors after the as-of apply: ${errors.join("; ")}`);

    if (theme === "dark") {
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector(".fui-FluentProvider")).backgroundColor,
      );
      assert(background === "rgb(41, 41, 41)", `dark theme: the pane's background is ${background}`);
    }
    if (theme === "contrast") {
      // Forced colours repaint fills; each status keeps its own shape and its spoken name.
      const marks = await page.evaluate(() => ({
        forced: matchMedia("(forced-colors: active)").matches,
        marks: [...document.querySelectorAll("svg[data-status]")].map((m) => ({
          status: m.getAttribute("data-status"),
          shape: ((el) => (el ? `${el.tagName}${el.getAttribute("fill") === "none" ? " outline" : ""}` : null))(
            m.querySelector("circle, polygon, rect"),
          ),
          label: m.getAttribute("aria-label"),
        })),
      }));
      assert(marks.forced, "high contrast: forced colours are not active");
      assert(marks.marks.length > 0 && marks.marks.every((m) => m.label), "high contrast: a status mark has no name");
      const shapeOf = new Map(marks.marks.map((m) => [m.status, m.shape]));
      const statuses = [...shapeOf.keys()];
      assert(
        new Set(statuses.map((s) => shapeOf.get(s))).size === statuses.length,
        `high contrast: statuses ${statuses.join(", ")} do not each have their own shape`,
      );
    }

    // Fold the long Columns and Template steps so the screenshot shows the pane's header, source and summary.
    await page.getByRole("button", { name: t.step.columns }).click();
    await page.getByRole("button", { name: t.step.template }).click();
    await page.getByLabel(t.template.pick, { exact: true }).waitFor({ state: "detached" });
    await page.waitForTimeout(300); // the chevrons' CSS rotation
    // Nothing widens the pane past its web view (Office gives the pane a fixed width; a sideways scroll hides text).
    const widths = await page.evaluate(() => ({
      content: document.documentElement.scrollWidth,
      view: innerWidth,
      // The outermost elements that stick out, to say where.
      over: [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
        .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > innerWidth + 1))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || "").slice(0, 40)}"`),
    }));
    assert(
      widths.content <= widths.view,
      `the pane is ${widths.content} px wide in a ${widths.view} px web view: ${widths.over.join("; ")}`,
    );

    await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });

    // Issue 13 §5: weekly cadence. Wednesday 2026-06-17 lies in ISO week 2026-W25 (15–21 June, W01 began
    // on Monday 29 December 2025): the week is scored as it stood that day, 3 of its 5 working days gone,
    // and the history is keyed by week labels, kept as text.
    await page.getByRole("button", { name: t.step.template }).click();
    await page.getByLabel(t.settings.period, { exact: true }).selectOption("week");
    await page.getByLabel(t.apply.asOfDate).fill("2026-06-17");
    const syncsBeforeWeek = await page.evaluate(() => window.__fakeExcel.counters.syncs);
    await apply.click();
    await page.waitForFunction((n) => window.__fakeExcel.counters.syncs > n, syncsBeforeWeek);
    const weekPace = t.apply.pace
      .replace("{{date}}", "2026-06-17")
      .replace("{{elapsed}}", "3")
      .replace("{{total}}", "5");
    await page.getByText(weekPace).waitFor({ timeout: 30000 });
    const weekHistory = await page.evaluate(() => {
      const fake = window.__fakeExcel;
      return fake.values(fake.tables().find((tb) => tb.name === "KpiHistory").sheet);
    });
    assert(
      weekHistory.some((row) => row.includes("2026-W25")) && weekHistory.some((row) => row.includes("2026-W24")),
      "the history after a weekly apply holds no 2026-W24 / 2026-W25 labels",
    );
    assert(errors.length === 0, `page errors after the weekly apply: ${errors.join("; ")}`);
    return { interactiveMs, scorecardSheet, historyRows };
  } catch (error) {
    await page.screenshot({ path: path.join(SHOTS, `${shot}-failed.png`), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await page.close();
  }
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(
      `e2e: Chromium not found at ${CHROMIUM}. Install Debian's "chromium" package (CI's .ci/run does), or set CHROMIUM_PATH.`,
    );
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  if (build) {
    console.log("e2e: building the task pane with the fake Excel host…");
    const webpack = path.join(ROOT, "node_modules/.bin/webpack");
    const result = spawnSync(webpack, ["--mode", "production", "--env", "e2e"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) {
      console.error("e2e: the webpack build failed.");
      console.log("0 passed, 1 failed");
      process.exit(1);
    }
  }
  const server = await serve(SITE);
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  let passed = 0;
  let failed = 0;
  const results = [];
  try {
    for (const run of RUNS.filter((r) => !onlyLang || r.lang === onlyLang)) {
      const started = Date.now();
      try {
        const result = await runLanguage(browser, baseUrl, run);
        passed++;
        results.push({
          lang: run.lang,
          display: run.display,
          theme: run.theme ?? "light",
          ok: true,
          firstInteractiveMs: Math.round(result.interactiveMs),
          screenshot: `test-output/e2e/${shotName(run)}.png`,
        });
        console.log(
          `✓ ${shotName(run)}: scorecard "${result.scorecardSheet}", ${result.historyRows} history rows; ` +
            `first interactive render ${result.interactiveMs.toFixed(0)} ms after page load; ` +
            `screenshot test-output/e2e/${shotName(run)}.png (${Date.now() - started} ms)`,
        );
      } catch (error) {
        failed++;
        results.push({ lang: run.lang, display: run.display, ok: false, error: error.message });
        console.log(`✗ ${shotName(run)}: ${error.message}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  // Figures for the release note: load-to-interactive time and screenshot paths per language.
  fs.writeFileSync(path.join(SHOTS, "results.json"), JSON.stringify({ passed, failed, runs: results }, null, 2) + "\n");
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
