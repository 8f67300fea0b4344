/**
 * A real render: LibreOffice converts the demo output (npm run demo) to PDF, poppler to PNG; the
 * pages are not blank, failed-gate rows are filled, and the status icon colours appear in the
 * rows whose KPIs have those statuses. Skipped, loudly, where LibreOffice is not installed
 * (CI installs libreoffice-calc and poppler-utils).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import type { Scorecard } from "../../src/engine/types";
import { REVIEW_FINDING_NAMES, REVIEW_WORDS } from "../../src/engine/messages";
import { HEADERS, SHEET_NAMES } from "../../src/workbook/labels";
import { LINE_COLORS, TARGET_LINE_COLOR } from "../../src/workbook/palette";

const ROOT = path.join(__dirname, "..", "..");
const onPath = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const available = onPath("libreoffice") && onPath("pdftoppm");
if (!available)
  console.warn(
    "\n*** render.test.ts SKIPPED: libreoffice and pdftoppm are not on PATH (apt-get install libreoffice-calc poppler-utils) ***\n",
  );
/** The scorecard sheet's header rows: the KPI names, merged over their columns, and the column names. */
const HEADER_ROWS = 2;
const describeIfRender = available ? describe : describe.skip;

type Tally = { green: number; yellow: number; red: number; pink: number; ink: number };

/** Colour classes of LibreOffice's traffic-light icons and of the failed-gate fill (#FFC7CE). */
function classify(png: PNG, y0: number, y1: number, x0 = 0, x1 = png.width): Tally {
  const t: Tally = { green: 0, yellow: 0, red: 0, pink: 0, ink: 0 };
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      if (r > 245 && g > 245 && b > 245) continue;
      t.ink++;
      if (Math.abs(r - 255) < 6 && Math.abs(g - 199) < 8 && Math.abs(b - 206) < 8) t.pink++;
      else if (g > r + 25 && g > b + 10) t.green++;
      else if (r > 230 && g > 180 && b < 160 && r - b > 80) t.yellow++;
      else if (r > 180 && g < 140 && b < 140) t.red++;
    }
  }
  return t;
}

describeIfRender("LibreOffice render of the demo output", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-render-"));
  let scorecard: Scorecard;
  let page: PNG;
  let pages: number;
  let scorecardPage: number;
  let sheetNames: string[];
  let pdf: string;

  beforeAll(async () => {
    const demo = spawnSync(process.execPath, [path.join(ROOT, "scripts", "demo.js")], { cwd: ROOT, encoding: "utf8" });
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/workbook: .*scorecard\.xlsx/);
    const xlsx = path.join(ROOT, "out", "demo", "scorecard.xlsx");
    scorecard = JSON.parse(fs.readFileSync(path.join(ROOT, "out", "demo", "scorecard.json"), "utf8"));

    // One page per sheet, so the scorecard sheet is the page at its sheet position.
    const profile = `file://${path.join(work, "profile")}`;
    execFileSync(
      "libreoffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
        "--outdir",
        work,
        xlsx,
      ],
      { stdio: "ignore", timeout: 110_000 },
    );
    pdf = path.join(work, "scorecard.pdf");
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    const workbookXml = await (await JSZip.loadAsync(fs.readFileSync(xlsx))).file("xl/workbook.xml")!.async("string");
    sheetNames = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    scorecardPage = sheetNames.indexOf("KPI Scorecard") + 1;
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "150",
      "-f",
      String(scorecardPage),
      "-l",
      String(scorecardPage),
      pdf,
      path.join(work, "page"),
    ]);
    const png = fs.readdirSync(work).find((f) => f.startsWith("page") && f.endsWith(".png"))!;
    page = PNG.sync.read(fs.readFileSync(path.join(work, png)));
    execFileSync("pdftoppm", ["-png", "-r", "4", pdf, path.join(work, "thumb")]);
  }, 120_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test("every page has content", () => {
    expect(pages).toBe(8); // Sales, Targets, scorecard, history, margin mix, drivers (the demo asks for them), notes, trends
    const thumbs = fs.readdirSync(work).filter((f) => f.startsWith("thumb"));
    expect(thumbs).toHaveLength(pages);
    for (const thumb of thumbs) {
      const png = PNG.sync.read(fs.readFileSync(path.join(work, thumb)));
      expect(classify(png, 0, png.height).ink).toBeGreaterThan(0);
    }
  });

  /** The text LibreOffice drew on one sheet's page. */
  const pageText = (sheet: string) => {
    const at = String(sheetNames.indexOf(sheet) + 1);
    expect(at).not.toBe("0");
    return execFileSync("pdftotext", ["-f", at, "-l", at, "-layout", pdf, "-"], { encoding: "utf8" });
  };

  test("the drivers are drawn: the KPI Drivers sheet lists the total's largest contributors, the scorecard a why column", () => {
    const total = scorecard.rows.find((r) => r.parent === null)!;
    const drivers = total.kpis.net_sales!.drivers!.vsPrevious!;
    const top = drivers.by.customer![0].member;
    expect(pageText(SHEET_NAMES.drivers.en)).toContain(top);
    expect(pageText("KPI Scorecard")).toContain(HEADERS.why.en);
  });

  test("the notes sheet carries the target review block with each finding", () => {
    const text = pageText(SHEET_NAMES.notes.en);
    expect(text).toContain(REVIEW_WORDS.title.en);
    const finding = scorecard.review!.items.find((i) => i.finding !== "fine")!;
    expect(text).toContain(REVIEW_FINDING_NAMES[finding.finding].en);
  });

  /**
   * The table's rows share its inked height equally (two header rows + one row per scorecard row);
   * it ends at the first white gap, the blank rows above the chart.
   */
  function tableRows(): { top: number; height: number } {
    let top = -1;
    let bottom = -1;
    for (let y = 0; y < page.height; y++) {
      if (classify(page, y, y + 1).ink > 0) {
        if (top < 0) top = y;
        bottom = y;
      } else if (top >= 0 && y - bottom >= 6) break;
    }
    return { top, height: (bottom - top + 1) / (scorecard.rows.length + HEADER_ROWS) };
  }

  test("failed gates fill only the gate and payout cells; every status icon's colour shows in its row", () => {
    const { top, height } = tableRows();
    expect(height).toBeGreaterThan(6);
    scorecard.rows.forEach((row, r) => {
      const y0 = Math.floor(top + (r + HEADER_ROWS) * height) + 1;
      const y1 = Math.floor(top + (r + HEADER_ROWS + 1) * height) - 1;
      const band = classify(page, y0, y1);
      const statuses = Object.values(row.kpis).map((k) => k?.status);
      const where = `row ${r + HEADER_ROWS + 1} (${row.entity})`;
      expect([where, band.pink > 200]).toEqual([where, row.gatesPassed === false]);
      // The fill stays on the last columns (payout, gates passed, failed gates): right of every green
      // and yellow icon (red is left out: the dark red text's anti-aliased edges on pink look red).
      if (row.gatesPassed === false) {
        let firstPink = -1;
        let lastIcon = -1;
        for (let x = 0; x < page.width; x++) {
          const at = classify(page, y0, y1, x, x + 1);
          if (at.pink > 0 && firstPink < 0) firstPink = x;
          if (at.green + at.yellow > 0) lastIcon = x;
        }
        expect([where, lastIcon > 0, firstPink > lastIcon]).toEqual([where, true, true]);
      }
      expect([where, "green", band.green > 20]).toEqual([where, "green", statuses.includes("met")]);
      expect([where, "yellow", band.yellow > 10]).toEqual([where, "yellow", statuses.includes("at_risk")]);
      // No row is written in red any more, so red icons are checked on every row.
      expect([where, "red", band.red > 20]).toEqual([where, "red", statuses.includes("missed")]);
    });
  });

  test("entity names are indented under their parent: salespeople right of regions, regions right of the total", () => {
    const { top, height } = tableRows();
    const firstInk = (r: number): number => {
      const y0 = Math.floor(top + (r + HEADER_ROWS) * height) + 1;
      const y1 = Math.floor(top + (r + HEADER_ROWS + 1) * height) - 1;
      for (let x = 0; x < page.width; x++) if (classify(page, y0, y1, x, x + 1).ink > 0) return x;
      return -1;
    };
    const startOf = (level: string) =>
      scorecard.rows
        .map((row, r) => [row.level, firstInk(r)] as const)
        .filter(([l]) => l === level)
        .map(([, x]) => x);
    const total = Math.max(...startOf("total"));
    const regions = startOf("region");
    const reps = startOf("salesperson");
    expect(Math.min(...regions)).toBeGreaterThan(total + 5);
    expect(Math.min(...reps)).toBeGreaterThan(Math.max(...regions) + 5);
  });

  test("the trends page draws one line per KPI, each in its own colour, and the targets' dashed grey", () => {
    const trendsPage = sheetNames.indexOf("KPI Trends") + 1;
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "100",
      "-f",
      String(trendsPage),
      "-l",
      String(trendsPage),
      pdf,
      path.join(work, "trends"),
    ]);
    const png = PNG.sync.read(
      fs.readFileSync(
        path.join(
          work,
          fs.readdirSync(work).find((f) => f.startsWith("trends"))!,
        ),
      ),
    );
    // The lines' colours in order (LINE_COLORS), and the dashed grey of the target lines.
    const colours = [...LINE_COLORS.slice(0, scorecard.kpis.length), TARGET_LINE_COLOR].map((c) => c.slice(1));
    for (const hex of colours) {
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < png.data.length; i += 4)
        if (Math.abs(png.data[i] - r) < 10 && Math.abs(png.data[i + 1] - g) < 10 && Math.abs(png.data[i + 2] - b) < 10)
          n++;
      expect([hex, n > 100]).toEqual([hex, true]);
    }
  });

  test("KPI Trends holds the overview and one chart per KPI, each with its lines: in the file and on the rendered page", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(ROOT, "out", "demo", "scorecard.xlsx")));
    const text = (name: string) => zip.file(name)!.async("string");
    // The sheet's part, its drawing and the drawing's charts, through the relationships.
    const rid = /<sheet [^>]*name="KPI Trends"[^>]*r:id="([^"]+)"/.exec(await text("xl/workbook.xml"))![1];
    const sheetPart = new RegExp(`Id="${rid}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(
      await text("xl/_rels/workbook.xml.rels"),
    )![1];
    const sheetRels = await text(`xl/${sheetPart.replace(/worksheets\/([^/]+)$/, "worksheets/_rels/$1.rels")}`);
    const drawing = /Target="\.\.\/drawings\/([^"]+)"/.exec(sheetRels)![1];
    const drawingXml = await text(`xl/drawings/${drawing}`);
    const drawingRels = await text(`xl/drawings/_rels/${drawing}.rels`);
    const chartIds = [...drawingXml.matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]);
    const charts = await Promise.all(
      chartIds.map((id) =>
        text("xl/charts/" + new RegExp(`Id="${id}"[^>]*Target="\\.\\./charts/([^"]+)"`).exec(drawingRels)![1]),
      ),
    );
    const kpis = scorecard.kpis.length;
    expect(charts).toHaveLength(1 + kpis);
    const lineCount = (xml: string) => xml.split("<c:ser>").length - 1;
    // The overview: one line per KPI. Per KPI: the total, its target and each salesperson (at most 8).
    const reps = [...new Set(scorecard.history.filter((h) => h.level === scorecard.groupBy).map((h) => h.entity))];
    const drawn = reps.slice(0, 8);
    expect(lineCount(charts[0])).toBe(kpis);
    for (const xml of charts.slice(1)) expect(lineCount(xml)).toBe(2 + drawn.length);
    expect(charts.slice(1).map((xml) => /<a:t>([^<]+)<\/a:t>/.exec(xml)![1])).toEqual(
      scorecard.kpis.map((k) => k.names.en),
    );

    // Rendered: every line's name shows twice per KPI (its column header and the chart's legend),
    // and the overview's title once over the data and once on its chart.
    const trendsPage = sheetNames.indexOf("KPI Trends") + 1;
    const words = execFileSync("pdftotext", ["-f", String(trendsPage), "-l", String(trendsPage), pdf, "-"], {
      encoding: "utf8",
    });
    const times = (needle: string) => words.split(needle).length - 1;
    for (const name of ["Total target", ...drawn]) expect([name, times(name)]).toEqual([name, 2 * kpis]);
    expect(times(`Attainment of the total, last 12 periods`)).toBe(2);
    // Each KPI's name: its attainment column, the overview's legend, over its block and its chart's title.
    for (const k of scorecard.kpis) expect([k.id, times(k.names.en)]).toEqual([k.id, 4]);
  });

  test("the score chart is drawn under the table, one bar per scorecard row", () => {
    // Bars are #2E75B6 (the table's data bars, same colour, are far to the right of x = 1500 px):
    // scan columns through the chart's plot area and count the bars crossed.
    let bestBars = 0;
    for (let x = 0; x < Math.min(page.width, 1500); x += 7) {
      let bars = 0;
      let inBar = false;
      for (let y = 0; y < page.height; y++) {
        const i = (y * page.width + x) * 4;
        const bar =
          Math.abs(page.data[i] - 0x2e) < 12 &&
          Math.abs(page.data[i + 1] - 0x75) < 12 &&
          Math.abs(page.data[i + 2] - 0xb6) < 12;
        if (bar && !inBar) bars++;
        inBar = bar;
      }
      bestBars = Math.max(bestBars, bars);
    }
    expect(bestBars).toBe(scorecard.rows.length);
  });
});
