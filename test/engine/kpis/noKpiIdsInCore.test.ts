/**
 * A new KPI is one file and one registry line (issue 12 §3): outside src/engine/kpis/, no code decides
 * anything by comparing a KPI id with a literal; it reads the KPI's definition instead.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "../../../src");
const AREAS = ["engine", "workbook", "cli", "taskpane", "excel", "xlsx"];
/** `tk.kpi === "margin_mix"`, `def.id !== "x"`, `kpi.kpi === 'x'`, `["a", "b"].includes(tk.kpi)`. */
const ID_TEST = /\b(?:kpi|id)\s*[!=]==?\s*["'][a-z_]+["']|\]\.includes\((?:\w+\.)?kpi\)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full.endsWith(path.join("engine", "kpis")) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test("no code outside kpis/ tests a KPI id by name", () => {
  const found = AREAS.flatMap((area) => sourceFiles(path.join(ROOT, area))).flatMap((file) =>
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .map((line, i) => ({ where: `${path.relative(ROOT, file)}:${i + 1}`, line: line.trim() }))
      .filter(({ line }) => ID_TEST.test(line) && !line.startsWith("*") && !line.startsWith("//")),
  );
  expect(found).toEqual([]);
});
