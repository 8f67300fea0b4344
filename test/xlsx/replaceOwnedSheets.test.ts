/**
 * Re-running the writer on its own output replaces the sheets it wrote (marked in the package)
 * and nothing else: one set of output sheets under the original names, no dangling parts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { OWNED_SHEETS_PROPERTY, readOwnershipMark, sheetTokens } from "../../src/xlsx/ownedSheetsMark";
import { formatOwnershipMark, OWNED_SHEET_NAME } from "../../src/workbook/ownershipMark";
import { workbookSheets } from "../../src/xlsx/packageParts";
import { writeScorecardWorkbook } from "../../src/xlsx/writeScorecardWorkbook";
import { scorecardFixture } from "./fixtures/scorecardFixture";
import { packageProblems } from "./support/packageProblems";

const OUTPUT_NAMES = ["KPI Scorecard", "KPI History", "KPI Margin Mix", "KPI Notes", "KPI Trends"];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-reapply-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
/** Writes the scorecard fixture's output onto `base`; returns the written file's bytes. */
async function apply(base: Buffer): Promise<Buffer> {
  const file = path.join(dir, `out${fileNo++}.xlsx`);
  // The run reads "Data", as `kpi-scorecard apply` passes the sheet it read.
  await writeScorecardWorkbook(base, buildWorkbookOutput(scorecardFixture(), "en"), file, "Data");
  return fs.readFileSync(file);
}

async function edit(bytes: Buffer, change: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "nodebuffer" });
}

async function part(bytes: Buffer, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

function cellValues(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n] = row.values as unknown[]));
  return rows;
}

const count = (names: string[], pattern: RegExp) => names.filter((n) => pattern.test(n)).length;

/** A source sheet "Data" with text, numbers, a date and a formula, and a user's "KPI Scorecard". */
async function inputWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  data.addRow(["Date", "Salesperson", "Revenue", "Double"]);
  data.addRow([new Date(Date.UTC(2026, 2, 1)), "Ann", 1200.5, { formula: "C2*2", result: 2401 }]);
  data.addRow([new Date(Date.UTC(2026, 2, 2)), "Bo", 800, { formula: "C3*2", result: 1600 }]);
  wb.addWorksheet("KPI Scorecard").getCell("A1").value = "a user's own sheet";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("apply twice: INPUT → A → B", () => {
  let input: Buffer;
  let a: Buffer;
  let b: Buffer;
  beforeAll(async () => {
    input = await inputWorkbook();
    a = await apply(input);
    b = await apply(a);
  });

  test("B has one set of output sheets, under the same names and in the same number as A", async () => {
    const namesA = (await open(a)).worksheets.map((w) => w.name);
    const namesB = (await open(b)).worksheets.map((w) => w.name);
    // The user's "KPI Scorecard" was there first, so ours is "(2)" in both runs.
    expect(namesA).toEqual(["Data", "KPI Scorecard", "KPI Scorecard (2)", ...OUTPUT_NAMES.slice(1)]);
    expect(namesB).toEqual(namesA);
  });

  test("the mark lists exactly the sheets the last run wrote, each bearing the mark's token", async () => {
    const zip = await JSZip.loadAsync(b);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookSheets(workbook)).toHaveLength(7);
    const written = ["KPI Scorecard (2)", ...OUTPUT_NAMES.slice(1)];
    const mark = await readOwnershipMark(zip);
    expect(mark?.sheets).toEqual(written);
    expect(
      sheetTokens(workbook)
        .filter((s) => s.token === mark!.token)
        .map((s) => s.name),
    ).toEqual(written);
    expect(workbook.split(OWNED_SHEET_NAME)).toHaveLength(1 + written.length); // one local name per sheet
    const custom = await zip.file("docProps/custom.xml")!.async("string");
    expect(custom.split(OWNED_SHEETS_PROPERTY)).toHaveLength(2); // one property, replaced not added
  });

  test("no dangling or orphan parts, and exactly one chart, drawing and set of tables", async () => {
    const zipA = await JSZip.loadAsync(a);
    const zipB = await JSZip.loadAsync(b);
    expect(await packageProblems(zipA)).toEqual([]);
    expect(await packageProblems(zipB)).toEqual([]);
    const partsA = Object.keys(zipA.files)
      .filter((n) => !zipA.files[n].dir)
      .sort();
    const partsB = Object.keys(zipB.files)
      .filter((n) => !zipB.files[n].dir)
      .sort();
    expect(count(partsB, /^xl\/charts\/chart\d+\.xml$/)).toBe(1);
    expect(count(partsB, /^xl\/drawings\/drawing\d+\.xml$/)).toBe(1);
    expect(count(partsB, /^xl\/tables\//)).toBe(count(partsA, /^xl\/tables\//));
    // Parts freed by the old output are reused: the same package layout.
    expect(partsB).toEqual(partsA);
    const tableNames = async (zip: JSZip) =>
      Promise.all(
        Object.keys(zip.files)
          .filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))
          .map(async (n) => /\sname="([^"]+)"/.exec(await zip.file(n)!.async("string"))![1]),
      );
    // The old tables went with their sheets, so the new ones keep their names (no "KpiHistory2").
    expect((await tableNames(zipB)).sort()).toEqual((await tableNames(zipA)).sort());
  });

  test("B reopens; the source sheet's cells and the user's sheet equal INPUT's; the output is rewritten", async () => {
    const [before, after, middle] = [await open(input), await open(b), await open(a)];
    expect(cellValues(after.getWorksheet("Data")!)).toEqual(cellValues(before.getWorksheet("Data")!));
    expect(after.getWorksheet("KPI Scorecard")!.getCell("A1").value).toBe("a user's own sheet");
    for (const name of ["KPI Scorecard (2)", ...OUTPUT_NAMES.slice(1)])
      expect(cellValues(after.getWorksheet(name)!)).toEqual(cellValues(middle.getWorksheet(name)!));
  });

  test("the chart of B refers to B's scorecard sheet", async () => {
    const chart = await part(b, "xl/charts/chart1.xml");
    expect(chart).toContain("<c:f>'KPI Scorecard (2)'!$A$3:$A$4</c:f>");
  });
});

describe("only sheets listed in the mark that carry its token in their own local name are replaced", () => {
  test("a renamed output sheet is the user's: kept with its table; the new table takes a free name", async () => {
    const a = await apply(await inputWorkbook());
    const renamed = await edit(a, async (zip) => {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file("xl/workbook.xml", xml.replace('name="KPI History"', 'name="My History"'));
    });
    const b = await apply(renamed);
    const wb = await open(b);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Data",
      "KPI Scorecard",
      "My History",
      "KPI Scorecard (2)",
      ...OUTPUT_NAMES.slice(1),
    ]);
    expect(cellValues(wb.getWorksheet("My History")!)).toEqual(
      cellValues((await open(a)).getWorksheet("KPI History")!),
    );
    expect(await packageProblems(await JSZip.loadAsync(b))).toEqual([]);
    const tables = await Promise.all(
      Object.entries((await JSZip.loadAsync(b)).files)
        .filter(([n]) => /^xl\/tables\/[^/]+\.xml$/.test(n))
        .map(async ([, f]) => /\sname="([^"]+)"/.exec(await f.async("string"))![1]),
    );
    expect(tables).toContain("KpiHistory");
    expect(tables).toContain("KpiHistory2");
  });

  test("a sheet with an output's name but without our local name (the user's own) survives; ours takes (2)", async () => {
    const a = await apply(await inputWorkbook());
    // As if the user deleted our "KPI Notes" and made a sheet of that name: it has no local mark.
    const faked = await edit(a, async (zip) => {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      const index = workbookSheets(xml).findIndex((s) => s.name === "KPI Notes");
      const local = new RegExp(
        `<definedName name="${OWNED_SHEET_NAME}" localSheetId="${index}"[^>]*>[^<]*</definedName>`,
      );
      expect(xml).toMatch(local);
      zip.file("xl/workbook.xml", xml.replace(local, ""));
    });
    const b = await apply(faked);
    const wb = await open(b);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Data",
      "KPI Scorecard",
      "KPI Notes",
      "KPI Scorecard (2)",
      "KPI History",
      "KPI Margin Mix",
      "KPI Notes (2)",
      "KPI Trends",
    ]);
    expect(cellValues(wb.getWorksheet("KPI Notes")!)).toEqual(cellValues((await open(a)).getWorksheet("KPI Notes")!));
    expect(await packageProblems(await JSZip.loadAsync(b))).toEqual([]);
  });

  test("a package without the mark is never trimmed: a first run on an old output adds (2) sheets", async () => {
    const a = await apply(await inputWorkbook());
    const unmarked = await edit(a, async (zip) => {
      const xml = await zip.file("docProps/custom.xml")!.async("string");
      zip.file("docProps/custom.xml", xml.replace(OWNED_SHEETS_PROPERTY, "Someone.Else"));
    });
    const names = (await open(await apply(unmarked))).worksheets.map((w) => w.name);
    expect(names).toHaveLength(2 + 5 + 5);
    expect(names).toContain("KPI History (2)");
  });
});

describe("what Excel may have added to the earlier output is cleaned up with it", () => {
  let a: Buffer;
  let b: Buffer;
  beforeAll(async () => {
    a = await apply(await inputWorkbook());
    // As Excel saves it: a user sheet "Later" after the output, names local to sheets (by index),
    // the active tab on the output, all sheets in app.xml titles, and a user's custom property.
    const edited = await edit(a, async (zip) => {
      zip.file("xl/worksheets/sheet99.xml", await zip.file("xl/worksheets/sheet1.xml")!.async("string"));
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file(
        "xl/_rels/workbook.xml.rels",
        rels.replace(
          "</Relationships>",
          '<Relationship Id="rIdLater" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>',
        ),
      );
      const types = await zip.file("[Content_Types].xml")!.async("string");
      zip.file(
        "[Content_Types].xml",
        types.replace(
          "</Types>",
          '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
      );
      // Sheet indexes: 0 Data, 1 KPI Scorecard (user), 2..6 output, 7 Later.
      let workbook = await zip.file("xl/workbook.xml")!.async("string");
      workbook = workbook
        .replace("</sheets>", '<sheet name="Later" sheetId="99" r:id="rIdLater"/></sheets>')
        .replace(
          "</sheets>",
          "</sheets><definedNames>" +
            '<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">\'KPI History\'!$A$1:$B$2</definedName>' +
            '<definedName name="Mine" localSheetId="7">Later!$A$1</definedName>' +
            '<definedName name="Everywhere">Data!$A$1</definedName></definedNames>',
        )
        .replace("<sheets>", '<bookViews><workbookView activeTab="7"/></bookViews><sheets>');
      zip.file("xl/workbook.xml", workbook);
      const all = ["Data", "KPI Scorecard", "KPI Scorecard (2)", ...OUTPUT_NAMES.slice(1), "Later"];
      const app = await zip.file("docProps/app.xml")!.async("string");
      zip.file(
        "docProps/app.xml",
        app
          .replace(/(<vt:lpstr>Worksheets<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>)\d+/, `$1${all.length}`)
          .replace(
            /<TitlesOfParts>[\s\S]*<\/TitlesOfParts>/,
            `<TitlesOfParts><vt:vector size="${all.length}" baseType="lpstr">${all.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>`,
          ),
      );
      const custom = await zip.file("docProps/custom.xml")!.async("string");
      zip.file(
        "docProps/custom.xml",
        custom.replace(
          "</Properties>",
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Department"><vt:lpwstr>Sales</vt:lpwstr></property></Properties>',
        ),
      );
    });
    b = await apply(edited);
  });

  test("names local to a dropped sheet go; local names of later sheets follow their new index", async () => {
    const workbook = await part(b, "xl/workbook.xml");
    expect(workbook).not.toContain("_xlnm._FilterDatabase");
    // "Later" moved from index 7 to 2: Data, KPI Scorecard (user), Later, then the new output.
    expect(workbook).toContain('<definedName name="Mine" localSheetId="2">Later!$A$1</definedName>');
    expect(workbook).toContain('<definedName name="Everywhere">Data!$A$1</definedName>');
    expect(workbook).toContain('activeTab="2"');
    expect((await open(b)).worksheets.map((w) => w.name)).toEqual([
      "Data",
      "KPI Scorecard",
      "Later",
      "KPI Scorecard (2)",
      ...OUTPUT_NAMES.slice(1),
    ]);
  });

  test("app.xml titles lose the dropped sheets and keep the others, counts included", async () => {
    const app = await part(b, "docProps/app.xml");
    expect(app).toContain("<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4>");
    expect(app).toContain(
      '<vt:vector size="3" baseType="lpstr"><vt:lpstr>Data</vt:lpstr><vt:lpstr>KPI Scorecard</vt:lpstr><vt:lpstr>Later</vt:lpstr></vt:vector>',
    );
  });

  test("the user's custom property stays beside the renewed mark; the package has no dangling parts", async () => {
    const custom = await part(b, "docProps/custom.xml");
    expect(custom).toContain('name="Department"><vt:lpwstr>Sales</vt:lpwstr>');
    expect(custom.split(OWNED_SHEETS_PROPERTY)).toHaveLength(2);
    expect(await packageProblems(await JSZip.loadAsync(b))).toEqual([]);
  });

  test("a mark naming the user's data sheet never removes it, even with a forged local name (issue 10)", async () => {
    const forged = await edit(await inputWorkbook(), async (zip) => {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      const name = `<definedName name="${OWNED_SHEET_NAME}" localSheetId="0" hidden="1">"abcdef123456"</definedName>`;
      zip.file(
        "xl/workbook.xml",
        xml.includes("</definedNames>")
          ? xml.replace("</definedNames>", `${name}</definedNames>`)
          : xml.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`),
      );
      zip.file(
        "docProps/custom.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${OWNED_SHEETS_PROPERTY}"><vt:lpwstr>${formatOwnershipMark({ token: "abcdef123456", sheets: ["Data", "KPI Scorecard"] }).replace(/"/g, "&quot;")}</vt:lpwstr></property></Properties>`,
      );
      const types = await zip.file("[Content_Types].xml")!.async("string");
      if (!types.includes("docProps/custom.xml"))
        zip.file(
          "[Content_Types].xml",
          types.replace(
            "</Types>",
            `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
          ),
        );
    });
    const names = (await open(await apply(forged))).worksheets.map((w) => w.name);
    // "Data" is the source: kept whatever the mark says; the user's "KPI Scorecard" has no local mark: kept.
    expect(names.slice(0, 2)).toEqual(["Data", "KPI Scorecard"]);
    expect(names).toContain("KPI Scorecard (2)");
  });

  test("a bare claim on the data sheet (an id-and-name mark of the old format) removes nothing", async () => {
    const claimed = await edit(await apply(await inputWorkbook()), async (zip) => {
      const xml = await zip.file("docProps/custom.xml")!.async("string");
      const dataId = workbookSheets(await zip.file("xl/workbook.xml")!.async("string"))[0].sheetId;
      zip.file(
        "docProps/custom.xml",
        xml.replace(/<vt:lpwstr>[^<]*<\/vt:lpwstr>/, `<vt:lpwstr>[[${dataId},&quot;Data&quot;]]</vt:lpwstr>`),
      );
    });
    const names = (await open(await apply(claimed))).worksheets.map((w) => w.name);
    expect(names[0]).toBe("Data");
  });
});
