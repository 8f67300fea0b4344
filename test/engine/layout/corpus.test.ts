/**
 * The layout corpus (test/fixtures/real-world/layoutCorpus.ts) through the engine's table entry
 * point, as the add-in calls it: every messy sheet gives its clean sheet's figures, and the notes
 * name exactly the layout rows left out.
 */
import { layoutCases } from "../../fixtures/real-world/layoutCorpus";
import { figures, layoutNotes, score } from "./support";

const cases = layoutCases();
const clean = new Map(cases.filter((c) => c.file.endsWith("-clean.csv")).map((c) => [c.lang, score(c.sheet)]));

describe.each(cases.map((c) => [c.file, c] as const))("layout corpus: %s", (_file, c) => {
  const run = score(c.sheet);

  test("scored (score() throws on a refusal), the header found where it is", () => {
    expect(run.layout?.headerRow).toBe(c.headerRow);
  });

  test("same figures as the clean sheet", () => {
    expect(figures(run.scorecard)).toEqual(figures(clean.get(c.lang)!.scorecard));
  });

  test("the notes name every layout row left out, and only those", () => {
    expect(layoutNotes(run.scorecard)).toEqual([...c.leftOut].sort((a, b) => a.row - b.row));
  });
});
