/**
 * Bonus amounts end to end through the command line (issue 13 §3): a base per rep from a column of the
 * targets table, the amounts in the JSON and in a money column of the workbook, the total cost printed,
 * and a rep without a base named in a note instead of a silent 0.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Scorecard } from "../../src/engine/types";
import { runCli } from "./support/runCli";

jest.setTimeout(30000);

test("apply with bonus.targetsColumn: payout × each rep's base, region and total sums, money format, printed total", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-bonus-"));
  const csv = path.join(dir, "sales.csv");
  // March 2026: An 80, Chi 50 (North); Binh 110, Dao 100 (South); net sales target 100 each
  fs.writeFileSync(
    csv,
    [
      "Date,Salesperson,Region,Revenue",
      "2026-03-05,An,North,80",
      "2026-03-06,Chi,North,50",
      "2026-03-07,Binh,South,110",
      "2026-03-08,Dao,South,100",
    ].join("\n") + "\n",
  );
  const targets = path.join(dir, "targets.csv");
  // Dao has a target but no bonus base (blank): no bonus for Dao, and a note.
  fs.writeFileSync(
    targets,
    ["Salesperson,net_sales,bonus_base", "An,100,2000", "Chi,100,1000", "Binh,100,500", "Dao,100,"].join("\n") + "\n",
  );
  const template = path.join(dir, "template.json");
  fs.writeFileSync(
    template,
    JSON.stringify({
      schemaVersion: 1,
      id: "bonus-test",
      names: { en: "Bonus", vi: "Bonus", "zh-Hans": "Bonus", "zh-Hant": "Bonus" },
      groupBy: "salesperson",
      rollup: ["region"],
      kpis: [{ kpi: "net_sales", weight: 100, target: { type: "table" } }],
      bonus: { targetsColumn: "bonus_base" },
    }),
  );
  const out = path.join(dir, "scorecard.xlsx");
  const json = path.join(dir, "scorecard.json");
  const run = await runCli(
    "apply",
    csv,
    "--template",
    template,
    "--targets",
    targets,
    "--as-of",
    "2026-03",
    "--out",
    out,
    "--json",
    json,
  );
  expect([run.code, run.stderr]).toEqual([0, expect.not.stringContaining("error")]);
  const scorecard = JSON.parse(fs.readFileSync(json, "utf8")) as Scorecard;
  const bonusOf = (entity: string) => scorecard.rows.find((row) => row.entity === entity)?.bonus;
  // The default payout curve pays the score: An 0.8 × 2000, Chi 0.5 × 1000, Binh 1.1 × 500
  expect(bonusOf("An")).toBeCloseTo(1600, 9);
  expect(bonusOf("Chi")).toBeCloseTo(500, 9);
  expect(bonusOf("Binh")).toBeCloseTo(550, 9);
  expect(bonusOf("Dao")).toBeNull();
  expect(bonusOf("North")).toBeCloseTo(2100, 9); // 1600 + 500
  expect(bonusOf("South")).toBeCloseTo(550, 9); // Binh only
  expect(bonusOf("Total")).toBeCloseTo(2650, 9);
  expect(scorecard.notes.filter((n) => n.kind === "bonus_base_missing").map((n) => n.value)).toEqual(["Dao"]);
  expect(run.stdout).toContain("total bonus cost: 2,650\n");

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  // The column names are in row 2, under the KPI names of row 1.
  const sheet = workbook.worksheets.find((ws) => (ws.getRow(2).values as unknown[]).includes("Bonus"))!;
  const bonusColumn = (sheet.getRow(2).values as unknown[]).indexOf("Bonus");
  const cellOf = (entity: string) => {
    let found: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === entity) found = row.getCell(bonusColumn);
    });
    return found!;
  };
  expect(cellOf("An").value).toBeCloseTo(1600, 9);
  expect(cellOf("An").numFmt).toBe("#,##0");
  expect(cellOf("Dao").value).toBeNull();
});
