/** Issue 10: sums that overflow are a reason with a note, never a silent null. */
import * as fs from "fs";
import { runCli } from "../support/runCli";
import { salesCsv, tempFolder } from "./support";

const { at } = tempFolder();

test("two revenues of 9e307: net sales of the rep, region and total carry the sum_overflow reason and a note", async () => {
  const file = salesCsv(at("big.csv"), [
    "2025-03-06,Cy,West,Big,9e307,1,1,1,Premium",
    "2025-03-07,Cy,West,Big,9e307,1,1,1,Premium",
  ]);
  const run = await runCli("apply", file, "--as-of", "2025-03", "--json", at("big.json"), "--quiet");
  expect([run.code, run.stderr]).toEqual([0, ""]);
  const sc = JSON.parse(fs.readFileSync(at("big.json"), "utf8"));
  const cy = sc.rows.find((r: { entity: string }) => r.entity === "Cy");
  const total = sc.rows[sc.rows.length - 1];
  for (const row of [cy, total]) {
    expect(row.kpis.net_sales).toEqual(
      expect.objectContaining({ actual: null, reasonCode: "sum_overflow", reason: expect.stringMatching(/too large/) }),
    );
  }
  // Ann's own sales still add up.
  expect(sc.rows.find((r: { entity: string }) => r.entity === "Ann").kpis.net_sales.actual).toBe(300);
  expect(sc.notes).toContainEqual(expect.objectContaining({ kind: "sum_overflow", value: "net_sales" }));
});
