/** Issue 10, output strings: what Excel can open, and a note for each text changed (both writers share the rule). */
import * as fs from "fs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { buildWorkbookOutput } from "../../../src/workbook/exporter";
import { EXCEL_CELL_MAX_CHARS, excelText } from "../../../src/workbook/excelText";
import { runCli } from "../support/runCli";
import { salesCsv, tempFolder } from "./support";

const { at } = tempFolder();
const LONG = "L".repeat(100_000);

/** Every XML part of the package parses as well-formed XML 1.0. */
async function expectWellFormed(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  let all = "";
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const parser = new SaxesParser({ xmlns: false });
    let error: Error | null = null;
    parser.on("error", (e) => (error = e));
    parser.write(xml).close();
    expect([name, error && String(error)]).toEqual([name, null]);
    all += xml;
  }
  return all;
}

test("U+FFFF, C0 controls and a 100,000-character name in a CSV: the output opens, each change is noted", async () => {
  const file = salesCsv(at("names.csv"), [
    "2025-03-06,Bad\uFFFFName,West,Shop,10,1,1,1,Premium",
    "2025-03-07,Bell\u0007Name,West,Shop,10,1,1,1,Premium",
    `2025-03-08,${LONG},West,Shop,10,1,1,1,Premium`,
  ]);
  const out = at("names.xlsx");
  const json = at("names.json");
  const run = await runCli("apply", file, "--out", out, "--json", json, "--as-of", "2025-03", "--quiet");
  expect([run.code, run.stderr]).toEqual([0, ""]);
  const xml = await expectWellFormed(out);
  expect(xml).toContain("Bad\uFFFDName");
  expect(xml).toContain("Bell\uFFFDName");
  expect(xml).not.toContain("L".repeat(EXCEL_CELL_MAX_CHARS + 1));
  expect(xml).toContain("L".repeat(EXCEL_CELL_MAX_CHARS));
  // The JSON keeps the names as read; the notes say what the workbook changed.
  const sc = JSON.parse(fs.readFileSync(json, "utf8"));
  expect(sc.rows.map((r: { entity: string }) => r.entity)).toContain("Bad\uFFFFName");
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const strings = await Promise.all(Object.values(zip.files).map((f) => f.async("string")));
  const notesXml = strings.join("");
  expect(notesXml).toMatch(/replaced by U\+FFFD/);
  expect(notesXml).toMatch(/shortened from 100000 to 32767 characters/);
}, 60_000);

test("the exporter gives both writers the same cleaned values and notes what it changed", () => {
  const scorecard = JSON.parse(fs.readFileSync(at("names.json"), "utf8"));
  const output = buildWorkbookOutput(scorecard, "en");
  const cells = output.sheets.flatMap((s) => s.rows.flat()).filter((v): v is string => typeof v === "string");
  for (const cell of cells) expect(excelText(cell).change).toBeNull();
  const notes = output.sheets[3].rows.filter((r) => r[5] && /sheet ".*" row \d+:/.test(String(r[5])));
  expect(notes.length).toBeGreaterThanOrEqual(3);
});

test("excelText: lone surrogates replaced, pairs kept, a cut never splits a pair", () => {
  expect(excelText("a\uD800b\uDC00c\uD83D\uDE00").text).toBe("a\uFFFDb\uFFFDc\uD83D\uDE00");
  const cut = excelText("x".repeat(EXCEL_CELL_MAX_CHARS - 1) + "\uD83D\uDE00");
  expect(cut.text).toBe("x".repeat(EXCEL_CELL_MAX_CHARS - 1));
  expect(excelText("tab\tand\nnewline").change).toBeNull();
});
