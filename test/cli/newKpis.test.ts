/**
 * The two KPIs added as one file and one registry line each, end to end through the command line:
 * columns detected from Vietnamese and Chinese headers, values in the JSON, names and number formats
 * in the written workbook in the chosen language.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Scorecard } from "../../src/engine/types";
import { runCli } from "./support/runCli";

function templateFile(dir: string, kpi: string, target: number): string {
  const file = path.join(dir, `${kpi}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({
      schemaVersion: 1,
      id: kpi,
      names: { en: kpi, vi: kpi, "zh-Hans": kpi, "zh-Hant": kpi },
      groupBy: "salesperson",
      kpis: [{ kpi, weight: 100, target: { type: "fixed", value: target } }],
    }),
  );
  return file;
}

async function applyCsv(lines: string[], kpi: string, target: number, lang: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-new-"));
  const csv = path.join(dir, "sales.csv");
  fs.writeFileSync(csv, lines.join("\n") + "\n");
  const out = path.join(dir, "scorecard.xlsx");
  const json = path.join(dir, "scorecard.json");
  const run = await runCli(
    "apply",
    csv,
    "--template",
    templateFile(dir, kpi, target),
    "--as-of",
    "2026-03",
    "--lang",
    lang,
    "--out",
    out,
    "--json",
    json,
    "--quiet",
  );
  expect([run.code, run.stderr]).toEqual([0, ""]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  return { scorecard: JSON.parse(fs.readFileSync(json, "utf8")) as Scorecard, workbook };
}

/** Every cell of the workbook with its text and number format. */
function cells(workbook: ExcelJS.Workbook): Array<{ sheet: string; text: string; value: unknown; numFmt: string }> {
  const out: Array<{ sheet: string; text: string; value: unknown; numFmt: string }> = [];
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) =>
        out.push({ sheet: ws.name, text: String(cell.text), value: cell.value, numFmt: cell.numFmt }),
      ),
    ),
  );
  return out;
}

test("new_product_distribution from a Vietnamese sheet: JSON share and Vietnamese names in the workbook", async () => {
  const { scorecard, workbook } = await applyCsv(
    [
      "Ngày,Nhân viên,Khách hàng,Sản phẩm mới,Doanh thu",
      "2026-02-10,An,KH1,Có,100",
      "2026-03-02,An,KH1,Có,100",
      "2026-03-05,An,KH2,Không,300",
      "2026-03-06,An,KH3,Không,50",
      "2026-03-07,An,KH3,Có,20",
      "2026-03-09,Bình,KH4,Không,80",
    ],
    "new_product_distribution",
    0.5,
    "vi",
  );
  expect(scorecard.mapping).toMatchObject({ customer: "Khách hàng", new_product: "Sản phẩm mới" });
  expect(scorecard.kpis[0].names.vi).toBe("Độ phủ sản phẩm mới");
  const an = scorecard.rows.find((r) => r.entity === "An")!.kpis.new_product_distribution!;
  // An, 2026-03: KH1 and KH3 bought a new product, of KH1, KH2, KH3 active → 2 / 3; attainment (2/3) / 0.5
  expect(an.actual).toBeCloseTo(2 / 3, 12);
  expect(an.attainment).toBeCloseTo(4 / 3, 12);
  // Bình: 0 of 1
  expect(scorecard.rows.find((r) => r.entity === "Bình")!.kpis.new_product_distribution!.actual).toBe(0);
  const all = cells(workbook);
  expect(all.some((c) => c.text.includes("Độ phủ sản phẩm mới"))).toBe(true);
  const share = all.find((c) => typeof c.value === "number" && Math.abs((c.value as number) - 2 / 3) < 1e-9);
  expect(share?.numFmt).toBe("0.0%");
});

test("customer_satisfaction from a Traditional Chinese sheet: JSON average and 客戶滿意度 with two decimals", async () => {
  const { scorecard, workbook } = await applyCsv(
    [
      "日期,業務人員,客戶,滿意度,銷售額",
      "2026-02-10,王小明,甲,3,100",
      "2026-03-02,王小明,甲,4,100",
      "2026-03-05,王小明,乙,5,300",
      "2026-03-06,王小明,丙,,50",
      "2026-03-09,陳美玲,丁,2,80",
    ],
    "customer_satisfaction",
    4,
    "zh-Hant",
  );
  expect(scorecard.mapping).toMatchObject({ satisfaction: "滿意度" });
  expect(scorecard.kpis[0].names["zh-Hant"]).toBe("客戶滿意度");
  const wang = scorecard.rows.find((r) => r.entity === "王小明")!.kpis.customer_satisfaction!;
  // 王小明, 2026-03: (4 + 5) / 2 = 4.5 (the blank score is left out); attainment 4.5 / 4
  expect(wang.actual).toBe(4.5);
  expect(wang.attainment).toBeCloseTo(1.125, 12);
  // The total: (4 + 5 + 2) / 3
  expect(scorecard.rows[scorecard.rows.length - 1].kpis.customer_satisfaction!.actual).toBeCloseTo(11 / 3, 12);
  const all = cells(workbook);
  expect(all.some((c) => c.text.includes("客戶滿意度"))).toBe(true);
  expect(all.find((c) => c.value === 4.5)?.numFmt).toBe("0.00");
});
