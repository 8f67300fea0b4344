/**
 * Read less, once (issue 9 point 12): past its first rows, Apply reads only the columns the plan picks
 * from them, keeping every column at its place; the Columns step's preview reads the header and at
 * most 200 rows; and the scorecard is the same as when every column is read.
 */
import { getBuiltinTemplate } from "../../src/engine";
import type { RawCell, SourceTable } from "../../src/engine/types";
import { runScorecard } from "../../src/workbook/runScorecard";
import type { WorkbookPort } from "../../src/workbook/contract";
import { salesRows, UNUSED_HEADERS } from "../../bench/excel-roundtrips";
import { fakePort } from "./support/excelPort";

/** JSON bytes of cells, as the fake counts a loaded `values`. */
const jsonBytes = (rows: RawCell[][]) => new TextEncoder().encode(JSON.stringify(rows)).length;

/** The 11 sales columns and 7 no template reads: 18 columns. */
function wideRows(count: number): RawCell[][] {
  return salesRows(count).map((row, i) =>
    i === 0
      ? [...row, ...UNUSED_HEADERS]
      : [...row, `Note ${i % 97}`, `City ${i % 40}`, `P${i % 13}`, "30 days", `W${i % 5}`, `B${i % 300}`, ""],
  );
}

describe("readSource with columns chosen from the head", () => {
  const values: RawCell[][] = [
    ["Rep", "Note", "Revenue", "Cost", "Comment"],
    ...Array.from({ length: 500 }, (_, i) => [`Rep ${i % 7}`, `note ${i}`, i, i / 2, `c${i}`]),
  ];

  it("hands the header and the head rows whole to the chooser, then reads the rest in the chosen columns at their places", async () => {
    const { fake, port } = fakePort({ sheets: [{ name: "Data", values }] });
    const heads: SourceTable[] = [];
    const table = await port.readSource({ kind: "sheet", name: "Data" }, undefined, {
      headRows: 10,
      columns: (head) => {
        heads.push(head);
        return [0, 2, 3];
      },
    });
    expect(heads).toHaveLength(1);
    expect(heads[0].headers).toEqual(["Rep", "Note", "Revenue", "Cost", "Comment"]);
    expect(heads[0].rows.length).toBeGreaterThanOrEqual(10);
    expect(heads[0].rows[0]).toEqual(["Rep 0", "note 0", 0, 0, "c0"]);
    expect(table.headers).toEqual(["Rep", "Note", "Revenue", "Cost", "Comment"]);
    expect(table.rows).toHaveLength(500);
    expect(table.firstRow).toBe(2);
    // A row past the head: the columns not read are blank, the others where they were.
    expect(table.rows[400]).toEqual(["Rep 1", "", 400, 200, ""]);
    // Head (with its address) + one block of two ranges (A and C:D), in one sync.
    expect(fake.counters.syncs).toBe(2);
    expect(fake.mutations("Data")).toBe(0);
  });

  it("reads nothing past the head when no column is chosen, and everything when null is", async () => {
    const none = fakePort({ sheets: [{ name: "Data", values }] });
    const blank = await none.port.readSource({ kind: "sheet", name: "Data" }, undefined, {
      headRows: 10,
      columns: () => [],
    });
    expect(blank.rows).toHaveLength(500);
    expect(blank.rows[499]).toEqual(["", "", "", "", ""]);
    expect(none.fake.counters.syncs).toBe(1);

    const all = fakePort({ sheets: [{ name: "Data", values }] });
    const whole = await all.port.readSource({ kind: "sheet", name: "Data" }, undefined, {
      headRows: 10,
      columns: () => null,
    });
    expect(whole.rows[499]).toEqual(["Rep 2", "note 499", 499, 249.5, "c499"]);
  });

  it("a source starting low on its sheet still gets its whole head before the columns are chosen", async () => {
    const low: RawCell[][] = [...Array.from({ length: 300 }, () => []), ...values];
    const { port } = fakePort({
      sheets: [{ name: "Low", values: low }],
      selection: { sheet: "Low", address: "A301:E801" },
    });
    let headRows = 0;
    const table = await port.readSource({ kind: "selection" }, undefined, {
      headRows: 10,
      columns: (head) => {
        headRows = head.rows.length;
        return [2];
      },
    });
    expect(headRows).toBe(10);
    expect(table.firstRow).toBe(302);
    expect(table.rows[5]).toEqual(["Rep 5", "note 5", 5, 2.5, "c5"]);
    expect(table.rows[300]).toEqual(["", "", 300, "", ""]);
  });
});

describe("the Columns step's preview", () => {
  it("reads the header and at most 200 rows of a 10,000-row source, in one round trip, and counts all its rows", async () => {
    const rows = wideRows(10_000);
    const { fake, port } = fakePort({
      sheets: [{ name: "Sales data", values: rows, tables: [{ name: "Sales", address: `A1:R10001` }] }],
    });
    const preview = await port.previewSource({ kind: "sheet", name: "Sales data" }, 200);
    expect(preview.table.headers).toEqual(rows[0]);
    expect(preview.table.rows).toHaveLength(200);
    expect(preview.table.rows[199]).toEqual(rows[200]);
    expect(preview.rowCount).toBe(10_000);
    expect(fake.counters.syncs).toBe(1);
    // What came back is the 201 rows (and the address): far below the whole source.
    expect(fake.counters.totalResponseBytes).toBeLessThan(jsonBytes(rows.slice(0, 201)) + 1_000);

    const table = await port.previewSource({ kind: "table", name: "Sales" }, 200);
    expect(table.table.rows.length).toBeLessThanOrEqual(201);
    expect(table.rowCount).toBe(10_000);
  });
});

describe("Apply on an 18-column source", () => {
  const request = {
    source: { kind: "table" as const, name: "Sales" },
    template: getBuiltinTemplate("sales-rep")!,
    lang: "en" as const,
    asOf: "2026-03",
    now: new Date("2026-04-15T00:00:00Z"),
  };
  const seed = (rows: RawCell[][]) => ({
    sheets: [{ name: "Sales data", values: rows, tables: [{ name: "Sales", address: `A1:R${rows.length}` }] }],
  });

  it("gives the same scorecard as reading every column, and reads far fewer bytes", async () => {
    const rows = wideRows(3_000);
    // A port that ignores the columns asked for: the whole source, as before.
    const whole = fakePort(seed(rows));
    const everything: WorkbookPort = {
      ...whole.port,
      readSource: (ref, onProgress) => whole.port.readSource(ref, onProgress),
    };
    const full = await runScorecard(everything, request);
    const part = fakePort(seed(rows));
    let readBytes = -1;
    const chosen = await runScorecard(part.port, request, (p) => {
      if (p.phase !== "reading" && readBytes < 0) readBytes = part.fake.counters.totalResponseBytes;
    });
    if (!full.ok || !chosen.ok) throw new Error("run failed");
    // Compared as text: a failing deep diff of two scorecards would take minutes to print.
    expect(JSON.stringify(chosen.scorecard) === JSON.stringify(full.scorecard)).toBe(true);
    expect(chosen.detections).toEqual(full.detections);
    expect(readBytes).toBeLessThan(jsonBytes(rows) * 0.75);
  });

  it("keeps a data note's column name right when the cell is in a column read past the head", async () => {
    const rows = wideRows(1_000);
    rows[900][7] = "n/a"; // Revenue, sheet row 901
    const { port } = fakePort(seed(rows));
    const result = await runScorecard(port, request);
    if (!result.ok) throw new Error(result.error.message);
    const note = result.scorecard.notes.find((n) => n.row === 901);
    expect(note).toBeDefined();
    expect(note).toMatchObject({ column: "Revenue", value: "n/a" });
  });
});
