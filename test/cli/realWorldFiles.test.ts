/**
 * Issue 14, file formats: every file of the real-world corpus (test/fixtures/real-world/files/
 * buildFiles.ts) scores exactly as the clean file of the same rows, and says how it was read.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCorpus } from "../fixtures/real-world/files/buildFiles";
import { runCli } from "./support/runCli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-real-files-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

interface Run {
  code: number;
  stderr: string;
  scorecard: {
    rows: unknown;
    history: unknown;
    rowsUsed: number;
    rowsRead: number;
    notes: Array<{ kind: string; problem: string; value?: string; column?: string }>;
  };
}

async function score(name: string, ...extra: string[]): Promise<Run> {
  const run = await runCli("apply", at(name), "--json", "-", "-q", ...extra);
  return { code: run.code, stderr: run.stderr, scorecard: run.code === 0 ? JSON.parse(run.stdout) : null };
}

/** The figures of a scorecard: rows, history and the counts of rows read and used. */
const figures = (r: Run) => ({
  rows: r.scorecard.rows,
  history: r.scorecard.history,
  rowsUsed: r.scorecard.rowsUsed,
  rowsRead: r.scorecard.rowsRead,
});

const clean: Record<string, Run> = {};
beforeAll(async () => {
  await buildCorpus(dir);
  for (const name of [
    "clean-en.csv",
    "clean-vi.csv",
    "clean-zh-Hans.csv",
    "clean-zh-Hant.csv",
    "clean-en.xlsx",
    "clean-vi.xlsx",
    "clean-zh-Hant.xlsx",
  ]) {
    clean[name] = await score(name);
    expect(clean[name].stderr).toBe("");
  }
}, 120_000);

const encodingNote = (r: Run) => r.scorecard.notes.find((n) => n.kind === "text_encoding");

describe("text files in the encodings and delimiters Excel writes", () => {
  test.each([
    ["gb18030-zh-Hans.csv", "clean-zh-Hans.csv", "gb18030", ","],
    ["big5-zh-Hant.csv", "clean-zh-Hant.csv", "big5", ","],
    ["windows-1258-vi.csv", "clean-vi.csv", "windows-1258", ","],
    ["unicode-text-vi.txt", "clean-vi.csv", "utf-16le", "\t"],
    ["semicolon-en.csv", "clean-en.csv", "utf-8", ";"],
    ["tabs-zh-Hans.tsv", "clean-zh-Hans.csv", "utf-8", "\t"],
    ["pipes-en.txt", "clean-en.csv", "utf-8", "|"],
  ])("%s scores as %s, read as %s", async (file, cleanFile, encoding, delimiter) => {
    const run = await score(file);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(figures(run)).toEqual(figures(clean[cleanFile]));
    expect(encodingNote(run)?.value).toBe(`${encoding}; delimiter ${JSON.stringify(delimiter)}`);
  });

  test("--encoding and --delimiter override detection; a wrong --encoding gives other headers, an unknown one exit 2", async () => {
    const forced = await score("big5-zh-Hant.csv", "--encoding", "big5", "--delimiter", ",");
    expect(figures(forced)).toEqual(figures(clean["clean-zh-Hant.csv"]));
    expect(encodingNote(forced)?.problem).toMatch(/--encoding/);
    const wrong = await runCli("apply", at("big5-zh-Hant.csv"), "--json", "-", "-q", "--encoding", "windows-1252");
    expect(wrong.code).toBe(3); // headers read as mojibake: no role found
    const unknown = await runCli("apply", at("big5-zh-Hant.csv"), "--json", "-", "--encoding", "klingon");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--encoding klingon is not an encoding/);
  });

  test("a Big5 CSV with subtotal rows is decoded as Big5 (its headers and labels read)", async () => {
    const run = await score("big5-subtotals-zh-Hant.csv");
    expect(run.code).toBe(0);
    expect(encodingNote(run)?.value).toBe('big5; delimiter ","');
  });

  test("a Big5 CSV with subtotal rows scores as the clean file, the subtotal rows read and left out", async () => {
    const run = await score("big5-subtotals-zh-Hant.csv");
    const cleanRun = clean["clean-zh-Hant.csv"];
    expect({ ...figures(run), rowsRead: 0 }).toEqual({ ...figures(cleanRun), rowsRead: 0 });
    const leftOut = run.scorecard.notes.filter((n) => n.kind === "subtotal_row" || n.kind === "total_row");
    expect(leftOut.length).toBe(run.scorecard.rowsRead - cleanRun.scorecard.rowsRead);
  });
});

describe(".xlsx packages as other tools write them", () => {
  test.each([
    ["date1904-en.xlsx", "clean-en.xlsx"],
    ["libreoffice-vi.xlsx", "clean-vi.xlsx"],
    ["google-zh-Hant.xlsx", "clean-zh-Hant.xlsx"],
    ["prefixed-en.xlsx", "clean-en.xlsx"],
  ])("%s scores as %s", async (file, cleanFile) => {
    const run = await score(file);
    expect(run.stderr).toBe("");
    expect(figures(run)).toEqual(figures(clean[cleanFile]));
  });

  test("the clean package scores as the clean CSV of the same rows", () => {
    expect(figures(clean["clean-en.xlsx"])).toEqual(figures(clean["clean-en.csv"]));
  });

  test("a 1904 workbook's dates are read as in Excel, with a note", async () => {
    const run = await score("date1904-en.xlsx");
    expect(run.scorecard.notes.some((n) => n.kind === "date_system_1904")).toBe(true);
    expect(clean["clean-en.xlsx"].scorecard.notes.some((n) => n.kind === "date_system_1904")).toBe(false);
  });

  test("openpyxl layout (sheets before workbook.xml): the sheet keeps its name; cached formula results are read; an unused formula column is a note", async () => {
    const run = await score("openpyxl-en.xlsx", "--sheet", "Doanh số");
    expect(run.stderr).toBe("");
    expect(figures(run)).toEqual(figures(clean["clean-en.xlsx"]));
    const note = run.scorecard.notes.find((n) => n.kind === "formula_without_value");
    expect(note).toMatchObject({ column: "Check" });
    expect(note?.problem).toMatch(/^300 formula cells/);
  });

  test("formula cells with no cached value in a column the run reads: exit 3 naming the column, the count and the remedy", async () => {
    const run = await runCli("apply", at("openpyxl-uncomputed-en.xlsx"), "--json", "-");
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /sheet "Sales" .* has 300 formula cells with no saved result in "Revenue" \(300, first at row 2\).*open the file in Excel or LibreOffice, save it/,
    );
  });
});
