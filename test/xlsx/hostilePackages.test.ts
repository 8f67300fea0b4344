/**
 * Issue 10, zip items: broken and hostile .xlsx packages are refused with exit 3 and one line
 * naming the file or the part, before anything is written; bombs are tried with lowered caps.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import JSZip from "jszip";
import { buildPackage } from "../fixtures/real-world/files/buildFiles";
import { runCli } from "../cli/support/runCli";
import { streamXlsxSheet, streamXlsxTable } from "../../src/xlsx/readXlsxSource";
import type { SourceRowSink } from "../../src/xlsx/sourceRows";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-hostile-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

/** A zip written entry by entry (stored or deflated), so duplicates and lies can be made. */
function rawZip(entries: Array<{ name: string; data: Buffer; deflate?: boolean; declaredSize?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(e.deflate ? 8 : 0, 8);
    header.writeUInt32LE(zlib.crc32(e.data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(zlib.crc32(e.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of a small valid workbook (the corpus's clean package), as name → bytes. */
async function validParts(): Promise<Array<{ name: string; data: Buffer }>> {
  const zip = await JSZip.loadAsync(await buildPackage("en", { order: "excel", sharedStrings: true }));
  const parts: Array<{ name: string; data: Buffer }> = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir))
    parts.push({ name, data: await zip.file(name)!.async("nodebuffer") });
  return parts;
}

const nullSink: SourceRowSink = { header: () => undefined, row: () => undefined };

async function expectRefused(file: string, message: RegExp, ...extra: string[]) {
  const out = at(`out-${path.basename(file)}`);
  const run = await runCli("apply", file, "--out", out, "--json", at("out.json"), ...extra);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(3);
  expect(fs.existsSync(out)).toBe(false);
}

let parts: Array<{ name: string; data: Buffer }>;
beforeAll(async () => {
  parts = await validParts();
});

describe("broken zip packages", () => {
  test("the raw zip builder makes a readable workbook (control)", async () => {
    fs.writeFileSync(at("control.xlsx"), rawZip(parts.map((p) => ({ ...p, deflate: true }))));
    const run = await runCli("apply", at("control.xlsx"), "--json", "-", "-q");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  test("a zip with its central directory cut → 3, saying the file is cut", async () => {
    const whole = rawZip(parts.map((p) => ({ ...p, deflate: true })));
    fs.writeFileSync(at("cut-directory.xlsx"), whole.subarray(0, whole.length - 60));
    await expectRefused(
      at("cut-directory.xlsx"),
      /cut-directory\.xlsx is not a complete zip package: its directory .* missing or cut/,
    );
  });

  test("a truncated zip (half the file) → 3, not FILE_ENDED", async () => {
    const whole = await buildPackage("en", { order: "excel", sharedStrings: true });
    fs.writeFileSync(at("half.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRefused(at("half.xlsx"), /half\.xlsx is not a complete zip package/);
  });

  test("a duplicated entry xl/worksheets/sheet1.xml → 3, ambiguous package", async () => {
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    fs.writeFileSync(at("duplicate.xlsx"), rawZip([...parts, { name: sheet.name, data: Buffer.from("<worksheet/>") }]));
    await expectRefused(
      at("duplicate.xlsx"),
      /duplicate\.xlsx holds part xl\/worksheets\/sheet1\.xml twice: an ambiguous package/,
    );
  });

  test("an XML error names the part (not just '2:830: undefined entity.')", async () => {
    const broken = parts.map((p) =>
      p.name === "xl/worksheets/sheet1.xml"
        ? { ...p, data: Buffer.from(p.data.toString().replace("<sheetData>", "<sheetData>&bogus;")) }
        : p,
    );
    fs.writeFileSync(at("entity.xlsx"), rawZip(broken));
    await expectRefused(
      at("entity.xlsx"),
      /entity\.xlsx: part xl\/worksheets\/sheet1\.xml is not well-formed XML \(\d+:\d+: undefined entity/,
    );
  });
});

describe("decompression caps (limits lowered for the test)", () => {
  /** A sheet part padded with whitespace: tiny packed, large inflated. */
  function bomb(): Buffer {
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    const padded = Buffer.from(
      sheet.data.toString().replace("<sheetData>", `<sheetData>${" ".repeat(4 * 1024 * 1024)}`),
    );
    return rawZip(parts.map((p) => (p === sheet ? { ...p, data: padded, deflate: true } : { ...p, deflate: true })));
  }

  test("a part inflating past the size cap is refused, naming the part", async () => {
    fs.writeFileSync(at("bomb.xlsx"), bomb());
    const limits = { maxPartBytes: 1024 * 1024, maxRatio: 1e9, ratioFloorBytes: 1e12 };
    const read = await streamXlsxSheet(at("bomb.xlsx"), undefined, nullSink, limits);
    expect(read).toMatchObject({
      ok: false,
      message: expect.stringMatching(/part xl\/worksheets\/sheet1\.xml inflates past 1 MiB \(a decompression bomb/),
    });
  });

  test("a part inflating at a bomb's ratio is refused even under the size cap", async () => {
    fs.writeFileSync(at("ratio.xlsx"), bomb());
    const limits = { maxPartBytes: 1e12, maxRatio: 50, ratioFloorBytes: 1024 * 1024 };
    const read = await streamXlsxSheet(at("ratio.xlsx"), undefined, nullSink, limits);
    expect(read).toMatchObject({
      ok: false,
      message: expect.stringMatching(/inflates past 1 MiB at more than 50 times its packed size/),
    });
  });

  test("a directory that declares a size past the cap is refused before inflating", async () => {
    const declared = parts.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, declaredSize: 0xfffffff0 } : p));
    fs.writeFileSync(at("declared.xlsx"), rawZip(declared));
    await expectRefused(at("declared.xlsx"), /part xl\/worksheets\/sheet1\.xml inflates past 1024 MiB/);
  });

  test("the default caps read a normal workbook", async () => {
    const read = await streamXlsxSheet(at("control.xlsx"), undefined, nullSink);
    expect(read.ok).toBe(true);
  });
});

describe("packages other writers make", () => {
  test("a package without xl/styles.xml is read and written (no stack trace at write time)", async () => {
    const noStyles = parts
      .filter((p) => p.name !== "xl/styles.xml")
      .map((p) =>
        p.name === "xl/_rels/workbook.xml.rels"
          ? { ...p, data: Buffer.from(p.data.toString().replace(/<Relationship Id="rId3"[^>]*\/>/, "")) }
          : p.name === "[Content_Types].xml"
            ? {
                ...p,
                data: Buffer.from(p.data.toString().replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, "")),
              }
            : p,
      );
    fs.writeFileSync(at("nostyles.xlsx"), rawZip(noStyles));
    const run = await runCli("apply", at("nostyles.xlsx"), "--out", at("nostyles-out.xlsx"), "-q");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = await JSZip.loadAsync(fs.readFileSync(at("nostyles-out.xlsx")));
    expect(out.file("xl/styles.xml")).not.toBeNull();
    expect(await out.file("xl/_rels/workbook.xml.rels")!.async("string")).toMatch(/Target="styles\.xml"/);
  });

  test("a namespace-prefixed workbook.xml is read, and the output keeps its sheets and adds the scorecard's", async () => {
    fs.writeFileSync(at("prefixed.xlsx"), await buildPackage("en", { order: "excel", prefix: "x:" }));
    const run = await runCli("apply", at("prefixed.xlsx"), "--out", at("prefixed-out.xlsx"), "--sheet", "Sales", "-q");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const workbook = await (
      await JSZip.loadAsync(fs.readFileSync(at("prefixed-out.xlsx")))
    )
      .file("xl/workbook.xml")!
      .async("string");
    expect(workbook.match(/<x:sheet /g)!.length).toBeGreaterThan(2);
    expect(workbook).not.toMatch(/<sheet /);
    const again = await runCli("apply", at("prefixed-out.xlsx"), "--json", "-", "--sheet", "Sales", "-q");
    expect(again.code).toBe(0);
  });

  test("a binary file named .csv says so in one line; a UTF-16 CSV is read as text", async () => {
    fs.writeFileSync(at("binary.csv"), Buffer.from([0x00, 0x01, 0x02, 0x00, 0xff, 0x00, 0x10, 0x00, 0x00, 0x00]));
    const run = await runCli("apply", at("binary.csv"), "--json", "-");
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/binary\.csv is not a text file in .* \(it holds binary data\)/);
    fs.writeFileSync(
      at("utf16.csv"),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from("Date,Salesperson,Revenue\r\n2026-01-05,An,100\r\n2026-02-05,An,200\r\n", "utf16le"),
      ]),
    );
    const utf16 = await runCli("apply", at("utf16.csv"), "--json", "-", "-q", "--template", "sales-rep");
    expect(utf16.stderr).not.toMatch(/binary/);
  });
});

describe("tables are streamed from the package", () => {
  test("--table reads the header and body of the table, never its totals row, with the sheet's name", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Cover");
    const ws = wb.addWorksheet("Bán hàng");
    ws.getCell("A1").value = "title above the table";
    ws.addTable({
      name: "Sales",
      ref: "B3",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "Date", totalsRowLabel: "Total" },
        { name: "Revenue", totalsRowFunction: "sum" },
      ],
      rows: [
        [new Date(Date.UTC(2026, 0, 5)), 10],
        [new Date(Date.UTC(2026, 1, 5)), 20],
      ],
    });
    await wb.xlsx.writeFile(at("table.xlsx"));
    const seen: Array<{ row: number; cells: unknown[] }> = [];
    let headers: string[] = [];
    let sheet = "";
    const read = await streamXlsxTable(at("table.xlsx"), "sales", {
      header: (h, s) => {
        headers = h;
        sheet = s;
      },
      row: (cells, row) => {
        seen.push({ row, cells: cells.slice() });
      },
    });
    expect(read).toMatchObject({ ok: true, sheet: "Bán hàng", rows: 2 });
    expect(sheet).toBe("Bán hàng");
    expect(headers).toEqual(["Date", "Revenue"]);
    expect(seen).toEqual([
      { row: 4, cells: [46027, 10] },
      { row: 5, cells: [46058, 20] },
    ]);
  });
});
