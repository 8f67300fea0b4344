/**
 * Optional rules on the source table that flag rows with bad debt or a negative margin (pure, so
 * both writers build the same formulas). Formulas are relative to the first data row.
 */
import type { FormulaFillRule, SourceRuleColumns } from "./contract";
import { columnLetter } from "./outputSheet";

export const BAD_DEBT_FILL = "#FCE4D6";
export const BAD_DEBT_FONT = "#843C0C";
export const NEGATIVE_MARGIN_FILL = "#FFC7CE";
export const NEGATIVE_MARGIN_FONT = "#9C0006";

/**
 * @param firstDataRow 1-based sheet row of the first data row
 * @param firstColumn 0-based sheet column of the source's first column
 * @param width number of source columns (the rule fills the whole row)
 */
export function sourceRules(
  columns: SourceRuleColumns,
  firstDataRow: number,
  firstColumn: number,
  width: number,
): FormulaFillRule[] {
  const ref = (column: number) => `$${columnLetter(firstColumn + column)}${firstDataRow}`;
  const rules: FormulaFillRule[] = [];
  const span = { fromColumn: 0, toColumn: width - 1 };
  if (columns.badDebt !== undefined) {
    const b = ref(columns.badDebt);
    rules.push({
      type: "formulaFill",
      ...span,
      formula: `=AND(ISNUMBER(${b}),${b}>0)`,
      fill: BAD_DEBT_FILL,
      fontColor: BAD_DEBT_FONT,
    });
  }
  let margin: string | null = null;
  if (columns.revenue !== undefined && columns.cost !== undefined) {
    const r = ref(columns.revenue);
    const c = ref(columns.cost);
    margin = `=AND(ISNUMBER(${r}),ISNUMBER(${c}),${r}-${c}<0)`;
  } else if (columns.profit !== undefined) {
    const p = ref(columns.profit);
    margin = `=AND(ISNUMBER(${p}),${p}<0)`;
  }
  if (margin)
    rules.push({
      type: "formulaFill",
      ...span,
      formula: margin,
      fill: NEGATIVE_MARGIN_FILL,
      fontColor: NEGATIVE_MARGIN_FONT,
    });
  return rules;
}
