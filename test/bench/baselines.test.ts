/**
 * Smoke test of the benchmark's baselines: on a small seeded sample, the SQL (DuckDB) and formula
 * (HyperFormula) baselines give the engine's five figures per salesperson per month, and the
 * comparison catches a figure that differs.
 */
import { getBuiltinTemplate, type Template } from "../../src/engine";
import { benchSample } from "../../bench/benchSample";
import { withComparedKpis } from "../../bench/compareTemplate";
import { runDuckdbBaseline } from "../../bench/duckdbBaseline";
import { BENCH_NOW, engineRun } from "../../bench/engineBench";
import { compareFigures, figureKey, figuresFromHistory, type FigureSet } from "../../bench/figures";
import { runHyperformulaBaseline } from "../../bench/hyperformulaBaseline";

const ROWS = 200;

function engineFigures(): FigureSet {
  const { sales, targets } = benchSample(ROWS);
  const template = withComparedKpis(getBuiltinTemplate("sales-rep") as Template);
  const scorecard = engineRun(sales, template, { targetsTable: targets, now: BENCH_NOW });
  return figuresFromHistory(scorecard.history, "salesperson");
}

describe("benchmark baselines", () => {
  const engine = engineFigures();

  it("the engine's history holds all five figures for every salesperson-month with sales", () => {
    const withSales = Object.values(engine).filter((f) => (f.net_sales ?? 0) > 0);
    expect(withSales.length).toBeGreaterThan(20);
    for (const f of withSales) {
      expect(f.gross_margin_pct).not.toBeNull();
      expect(f.bad_debt_rate).not.toBeNull();
      expect(f.active_customers).toBeGreaterThan(0);
    }
  });

  it("DuckDB's GROUP BY gives the engine's figures", async () => {
    const { sales } = benchSample(ROWS);
    const duck = await runDuckdbBaseline(sales.rows, 1);
    expect(Object.keys(duck.figures).length).toBeGreaterThan(20);
    expect(compareFigures(engine, duck.figures)).toEqual([]);
  });

  it.each(["match", "countifs"] as const)(
    "HyperFormula's SUMIFS sheet (%s variant) gives the engine's figures",
    (variant) => {
      const { sales } = benchSample(ROWS);
      const formulas = runHyperformulaBaseline(sales.rows, variant);
      expect(Object.keys(formulas.figures).length).toBeGreaterThan(20);
      expect(compareFigures(engine, formulas.figures)).toEqual([]);
    },
  );

  it("a figure off by more than the tolerance is reported, with its salesperson, month and KPI", () => {
    const key = Object.keys(engine).find((k) => (engine[k].net_sales ?? 0) > 0)!;
    const tampered: FigureSet = {
      ...engine,
      [key]: { ...engine[key], net_sales: engine[key].net_sales! * (1 + 1e-6) },
    };
    expect(compareFigures(engine, tampered)).toEqual([
      { key, kpi: "net_sales", expected: engine[key].net_sales, actual: tampered[key].net_sales },
    ]);
    // Within 1e-9 relative counts as the same (summation order differs between contenders).
    const rounded: FigureSet = {
      ...engine,
      [key]: { ...engine[key], net_sales: engine[key].net_sales! * (1 + 1e-12) },
    };
    expect(compareFigures(engine, rounded)).toEqual([]);
  });

  it("a salesperson-month the baseline lists but the engine lacks is a mismatch", () => {
    const extra: FigureSet = { ...engine, [figureKey("Nobody", "2024-01")]: { ...Object.values(engine)[0] } };
    expect(compareFigures(engine, extra).length).toBeGreaterThan(0);
  });
});
