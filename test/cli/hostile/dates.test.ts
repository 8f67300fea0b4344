/** Issue 10, dates: far-future and typo dates cost what the data has; --as-of far from the data is exit 2. */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { runCli } from "../support/runCli";
import { CSV_HEADER, expectOneLineFailure, salesCsv, tempFolder } from "./support";

const { at } = tempFolder();
const ordinary = Array.from(
  { length: 40 },
  (_, i) => `2025-${String((i % 6) + 1).padStart(2, "0")}-10,Rep${i % 4},North,C${i},100,50,100,100,Premium`,
);

async function scorecard(file: string, ...extra: string[]) {
  const json = at(`${fs.readdirSync(at(".")).length}.json`);
  const run = await runCli("apply", file, "--json", json, "--quiet", ...extra);
  expect([run.code, run.stderr]).toEqual([0, ""]);
  return JSON.parse(fs.readFileSync(json, "utf8"));
}

test("a typo date (2205-03-15 among 2025 rows) is left out with a note; the scored month comes from the data", async () => {
  const file = salesCsv(at("typo.csv"), [...ordinary, "2205-03-15,Ann,North,Mart,999,60,90,100,Premium"]);
  const sc = await scorecard(file);
  expect(sc.asOf).toBe("2025-06");
  expect(sc.notes).toContainEqual(
    expect.objectContaining({ kind: "date_out_of_range", row: 45, column: "Date", value: "2205-03-15" }),
  );
  expect(sc.rowsUsed).toBe(43);
  expect(new Set(sc.history.map((h: { period: string }) => h.period)).size).toBeLessThanOrEqual(6);
});

test("9999-12-31 in one cell of an xlsx does not make 8,000 years of periods", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.addRow(CSV_HEADER.split(","));
  for (const line of ordinary) {
    const [d, ...rest] = line.split(",");
    ws.addRow([new Date(`${d}T00:00:00Z`), ...rest.map((v) => (/^\d+$/.test(v) ? +v : v))]);
  }
  ws.addRow([new Date("9999-12-31T00:00:00Z"), "Ann", "North", "Mart", 5, 1, 1, 1, "Premium"]);
  await wb.xlsx.writeFile(at("far.xlsx"));
  const sc = await scorecard(at("far.xlsx"));
  expect(sc.asOf).toBe("2025-06");
  expect(sc.notes).toContainEqual(expect.objectContaining({ kind: "date_out_of_range", row: 42, value: "9999-12-31" }));
  expect(new Set(sc.history.map((h: { period: string }) => h.period)).size).toBeLessThanOrEqual(6);
});

test("--as-of 9999-12 with 2025 data → 2, one line, no work", async () => {
  const file = salesCsv(at("asof.csv"), ordinary);
  const json = at("asof.json");
  expectOneLineFailure(
    await runCli("apply", file, "--as-of", "9999-12", "--json", json),
    2,
    /As of 9999-12 cannot be scored: it is more than 100 years from the data \(2025-01 to 2025-06\)/,
    [json],
  );
});

test("--as-of a few years after the data is still scored (bounded)", async () => {
  const file = salesCsv(at("later.csv"), ordinary);
  const sc = await scorecard(file, "--as-of", "2027-01");
  expect(sc.asOf).toBe("2027-01");
});

test("two real eras of data far apart, both large, are both kept", async () => {
  const old = ordinary.map((l) => l.replace(/^2025/, "2019"));
  const sc = await scorecard(salesCsv(at("eras.csv"), [...old, ...ordinary]));
  expect(sc.notes.filter((n: { kind: string }) => n.kind === "date_out_of_range")).toEqual([]);
  expect(sc.rowsUsed).toBe(83);
});
