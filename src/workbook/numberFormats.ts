/** Excel number format codes the output uses (the same codes in .xlsx and Office.js). */
import type { ColumnKind } from "./contract";

export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: "General",
  money: "#,##0",
  percent: "0.0%",
  count: "#,##0",
  units: "#,##0",
  score: "0.00",
  number: "General",
  date: "yyyy-mm-dd",
  boolean: "General",
};
