/** The CLI streams only the columns the template uses into the engine, yet reports the whole mapping. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Scorecard } from "../../src/engine/types";
import { runCli } from "./support/runCli";

const lines = [
  "Date,Order ID,Salesperson,Region,Customer,Tier,Revenue,Cost,Receivable,Collected",
  "2026-02-03,SO-1,An,North,C1,Premium,100,60,100,100",
  "2026-03-02,#N/A,An,North,C1,Standard,100,60,100,90",
  "2026-03-05,SO-3,An,North,C2,Economy,300,200,300,300",
];

async function apply(template: string): Promise<Scorecard> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-columns-"));
  const csv = path.join(dir, "sales.csv");
  fs.writeFileSync(csv, lines.join("\n") + "\n");
  const run = await runCli("apply", csv, "--template", template, "--as-of", "2026-03", "--json", "-", "--quiet");
  expect([run.code, run.stderr]).toEqual([0, ""]);
  return JSON.parse(run.stdout) as Scorecard;
}

test("sales-rep never reads the order ids: the #N/A there makes no note, and the mapping still names the column", async () => {
  const scorecard = await apply("sales-rep");
  expect(scorecard.mapping.order_id).toBe("Order ID");
  expect(scorecard.notes.filter((n) => n.column === "Order ID")).toEqual([]);
});

test("a template that counts orders reads them, and the #N/A gets its note with the sheet row", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-columns-"));
  const template = path.join(dir, "aov.json");
  const base = JSON.parse((await runCli("templates", "--json")).stdout) as Array<
    Record<string, unknown> & { id: string }
  >;
  const salesRep = base.find((t) => t.id === "sales-rep")!;
  fs.writeFileSync(
    template,
    JSON.stringify({
      ...salesRep,
      id: "aov",
      kpis: [{ kpi: "avg_order_value", weight: 100, target: { type: "fixed", value: 100 } }],
    }),
  );
  const scorecard = await apply(template);
  expect(scorecard.notes).toContainEqual(expect.objectContaining({ row: 3, column: "Order ID", kind: "error_value" }));
});
