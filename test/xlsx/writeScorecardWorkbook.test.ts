import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sheetXml } from "./support/xlsxParts";
import { packageProblems } from "./support/packageProblems";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { writeScorecardWorkbook } from "../../src/xlsx/writeScorecardWorkbook";
import { scorecardFixture } from "./fixtures/scorecardFixture";
import { smallScorecard } from "../workbook/support/scorecardFixture";

describe("writeScorecardWorkbook", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-writer-"));
  const file = path.join(dir, "out.xlsx");
  let report: Awaited<ReturnType<typeof writeScorecardWorkbook>>;
  let xml: string;
  let base: Buffer;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("KPI Scorecard").getCell("A1").value = "a user's own sheet";
    base = Buffer.from(await workbook.xlsx.writeBuffer());
    report = await writeScorecardWorkbook(base, buildWorkbookOutput(scorecardFixture(), "en"), file);
    xml = await sheetXml(file, report.sheets.scorecard!);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a user's sheet with the scorecard's name is kept; ours takes the next free name", async () => {
    expect(report.sheets.scorecard).toBe("KPI Scorecard (2)");
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    expect(back.getWorksheet("KPI Scorecard")!.getCell("A1").value).toBe("a user's own sheet");
    expect(back.worksheets.map((w) => w.name)).toEqual([
      "KPI Scorecard",
      "KPI Scorecard (2)",
      "KPI History",
      "KPI Margin Mix",
      "KPI Notes",
      "KPI Trends",
    ]);
  });

  test("the trends sheet: one drawing, one anchor and one chart part per chart (overview + one per KPI), rels and types right", async () => {
    const scorecard = scorecardFixture();
    const at = (entity: string, level: string, period: string) =>
      scorecard.kpis.map((k) => ({ ...scorecard.history[0], entity, level, period, kpi: k.id, target: 5 }));
    for (const period of ["2026-02", "2026-03"])
      scorecard.history.push(...at("Total", "total", period), ...at("An", "salesperson", period));
    const output = buildWorkbookOutput(scorecard, "en");
    const trends = output.sheets.find((s) => s.key === "trends")!;
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kpi-trends-")), "trends.xlsx");
    await writeScorecardWorkbook(base, output, out);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const text = (name: string) => zip.file(name)!.async("string");
    expect(await packageProblems(zip)).toEqual([]);

    // The sheet's one drawing, through the sheet's rels.
    const workbookXml = await text("xl/workbook.xml");
    const rid = new RegExp(`<sheet [^>]*name="KPI Trends"[^>]*r:id="([^"]+)"`).exec(workbookXml)![1];
    const bookRels = await text("xl/_rels/workbook.xml.rels");
    const sheetPart = "xl/" + new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(bookRels)![1].replace(/^\/?xl\//, "");
    const sheetRels = await text(sheetPart.replace(/worksheets\/([^/]+)$/, "worksheets/_rels/$1.rels"));
    const drawings = [...sheetRels.matchAll(/Type="[^"]*\/drawing" Target="..\/drawings\/([^"]+)"/g)].map((m) => m[1]);
    expect(drawings).toHaveLength(1);
    const drawing = await text(`xl/drawings/${drawings[0]}`);
    const anchors = [...drawing.matchAll(/<xdr:twoCellAnchor>.*?<\/xdr:twoCellAnchor>/g)].map((m) => m[0]);
    expect(anchors).toHaveLength(1 + scorecard.kpis.length);
    expect(anchors.map((a) => /name="([^"]+)"/.exec(a)![1])).toEqual(trends.charts.map((c) => c.name));
    // Each anchor where the exporter put it (the "to" marker is the corner after the last cell).
    anchors.forEach((a, i) => {
      const spec = trends.charts[i].anchor!;
      const marker = (tag: string) => {
        const m = new RegExp(
          `<xdr:${tag}><xdr:col>(\\d+)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>(\\d+)</xdr:row>`,
        ).exec(a)!;
        return [Number(m[1]), Number(m[2])];
      };
      expect(marker("from")).toEqual([spec.fromColumn, spec.fromRow]);
      expect(marker("to")).toEqual([spec.toColumn + 1, spec.toRow + 1]);
    });
    // Each anchor's r:id is its own chart part, declared in the content types.
    const drawingRels = await text(`xl/drawings/_rels/${drawings[0]}.rels`);
    const types = await text("[Content_Types].xml");
    const parts = anchors.map((a) => {
      const id = /r:id="([^"]+)"/.exec(a)![1];
      return "xl/charts/" + new RegExp(`Id="${id}"[^>]*Target="../charts/([^"]+)"`).exec(drawingRels)![1];
    });
    expect(new Set(parts).size).toBe(parts.length);
    for (const p of parts)
      expect(types).toContain(
        `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    const charts = await Promise.all(parts.map(text));

    // The overview: one line per KPI (the attainment columns), periods as categories (rows 3-4, under the band).
    const series = (xml: string) => [...xml.matchAll(/<c:ser>.*?<\/c:ser>/g)].map((m) => m[0]);
    expect(series(charts[0])).toHaveLength(scorecard.kpis.length);
    series(charts[0]).forEach((ser, i) => {
      const col = String.fromCharCode(66 + i); // B, C, …
      expect(ser).toContain(`<c:tx><c:strRef><c:f>'KPI Trends'!$${col}$2</c:f>`);
      expect(ser).toContain(`<c:cat><c:strRef><c:f>'KPI Trends'!$A$3:$A$4</c:f>`);
      expect(ser).toContain(`<c:val><c:numRef><c:f>'KPI Trends'!$${col}$3:$${col}$4</c:f>`);
    });
    // Per KPI: its name as the title; the total, its target (dashed), then each rep of the history.
    const reps = new Set(scorecard.history.filter((h) => h.level === "salesperson").map((h) => h.entity)).size;
    charts.slice(1).forEach((xml, k) => {
      expect(xml).toContain(`<a:t>${scorecard.kpis[k].names.en}</a:t>`);
      const lines = series(xml);
      expect(lines).toHaveLength(2 + reps);
      expect(lines.map((l) => l.includes('<a:prstDash val="dash"/>'))).toEqual(lines.map((_, i) => i === 1));
      for (const l of lines) expect(l).toContain(`<c:cat><c:strRef><c:f>'KPI Trends'!$A$3:$A$4</c:f>`);
    });
  });

  test("two header rows: each KPI's name merged over its four columns, the column names below, both frozen", () => {
    expect(xml).toContain('<mergeCell ref="E1:H1"/>');
    expect(xml).toContain('<mergeCell ref="I1:L1"/>');
    expect(xml).toMatch(/<c r="E1"[^>]*t="inlineStr"><is><t>Net sales<\/t>/);
    expect(xml).toMatch(/<c r="E2"[^>]*t="inlineStr"><is><t>Actual<\/t>/);
    expect(xml).toContain('<pane ySplit="2" topLeftCell="A3"');
  });

  test("icon sets are Excel's 3TrafficLights1 with thresholds equal to the bands (0.9 at risk, 1 met)", () => {
    const iconSets = [...xml.matchAll(/<iconSet iconSet="([^"]+)"[^>]*>(.*?)<\/iconSet>/g)];
    expect(iconSets).toHaveLength(2); // one per KPI attainment column
    for (const [, name, body] of iconSets) {
      expect(name).toBe("3TrafficLights1");
      expect(body).toBe('<cfvo type="percent" val="0"/><cfvo type="num" val="0.9"/><cfvo type="num" val="1"/>');
    }
    // Net sales attainment is column G (entity, level, parent, period, actual, target, attainment).
    expect(xml).toMatch(/<conditionalFormatting sqref="G3:G4"><cfRule type="iconSet"/);
  });

  test("the score data bar links to its x14 rule by a real GUID", () => {
    const id = /<cfRule type="dataBar"[^>]*>.*?<x14:id>([^<]*)<\/x14:id>/.exec(xml)![1];
    expect(id).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    expect(xml).toContain(`<x14:cfRule type="dataBar" id="${id}"><x14:dataBar`);
    expect(xml).toContain('<color rgb="FF9DC3E6"/>');
  });

  test("the data bar runs on a fixed scale, 0 .. the score cap, in the 2007 rule and the x14 one", () => {
    expect(xml).toMatch(/<dataBar><cfvo type="num" val="0"\/><cfvo type="num" val="1.2"\/>/);
    expect(xml).toContain(
      '<x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>1.2</xm:f></x14:cfvo>',
    );
    expect(xml).not.toContain("autoMax");
  });

  test("hierarchy: names indented by depth, subtotal rows bold with a top border, rows at outline levels, expanded", async () => {
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet(report.sheets.scorecard!)!;
    const levels = [3, 4].map((r) => ws.getRow(r).outlineLevel);
    expect(levels).toEqual(
      scorecardFixture().rows.map((row) => (row.level === "total" ? 0 : row.level === "region" ? 1 : 2)),
    );
    expect(ws.getCell("A3").alignment?.indent).toBe(levels[0]);
    expect(xml).toContain('<outlinePr summaryBelow="1"');
    expect(xml).not.toContain('collapsed="1"');
  });

  test("a roll-up's subtotal rows are bold with a thin top border; the total is not indented", async () => {
    const scorecard = smallScorecard();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kpi-rollup-")), "rollup.xlsx");
    const written = await writeScorecardWorkbook(base, buildWorkbookOutput(scorecard, "en"), out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet(written.sheets.scorecard!)!;
    const total = scorecard.rows.findIndex((r) => r.level === "total") + 3;
    const rep = scorecard.rows.findIndex((r) => r.level === "salesperson") + 3;
    expect(ws.getCell(`A${total}`).font?.bold).toBe(true);
    expect(ws.getCell(`P${total}`).border?.top?.style).toBe("thin");
    expect(ws.getCell(`A${total}`).alignment?.indent ?? 0).toBe(0);
    expect(ws.getRow(total).outlineLevel ?? 0).toBe(0);
    expect(ws.getCell(`A${rep}`).font?.bold).toBeFalsy();
    expect(ws.getCell(`A${rep}`).border?.top).toBeUndefined();
    expect(ws.getCell(`A${rep}`).alignment?.indent).toBe(2);
  });

  test("failed gates fill the payout and gate cells (N:P), not the row, through a formula rule with its dxf fill", async () => {
    const rule =
      /<conditionalFormatting sqref="N3:P4"><cfRule type="expression" dxfId="(\d+)"[^>]*><formula>\$P3&lt;&gt;&quot;&quot;<\/formula>/.exec(
        xml,
      );
    expect(rule).not.toBeNull();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const dxfs = [...styles.matchAll(/<dxf>(.*?)<\/dxf>/g)].map((m) => m[1]);
    expect(dxfs[Number(rule![1])]).toContain('<bgColor rgb="FFFFC7CE"/>');
  });

  test("text that looks like a formula is stored as text, never as a formula", async () => {
    expect(xml).not.toContain("<f>");
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    expect(back.getWorksheet(report.sheets.scorecard!)!.getCell("A3").value).toBe('=HYPERLINK("http://x")');
  });

  test("the score chart is a bar chart of the score column by entity, drawn on the scorecard sheet", async () => {
    expect(report.chartWritten).toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    // Two data rows; the weighted score is column M (4 fixed + 2 KPIs × 4 columns = 12 before it).
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<c:cat><c:strRef><c:f>'KPI Scorecard (2)'!$A$3:$A$4</c:f>");
    expect(chart).toContain("<c:val><c:numRef><c:f>'KPI Scorecard (2)'!$M$3:$M$4</c:f>");
    // After the page setup, before the sheet's own extLst (not inside a rule's).
    expect(xml).toMatch(
      /<pageSetup [^>]*\/><drawing r:id="rIdKpiDrawing"\/>(<tableParts|<extLst><ext uri="\{78C0D931|<\/worksheet>)/,
    );
    expect(xml.match(/<drawing /g)).toHaveLength(1);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml"');
  });

  test("a failed write leaves no file behind", async () => {
    const target = path.join(dir, "missing-folder", "x.xlsx");
    await expect(
      writeScorecardWorkbook(fs.readFileSync(file), buildWorkbookOutput(scorecardFixture(), "en"), target),
    ).rejects.toThrow();
    expect(fs.existsSync(path.dirname(target))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });
});
