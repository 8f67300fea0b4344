/** Issue 10, messages: one line, bounded, whatever a header or a file name holds. */
import * as fs from "fs";
import { MAX_MESSAGE_LENGTH, oneLine } from "../../../src/cli/outcome";
import { runCli } from "../support/runCli";
import { expectOneLineFailure, tempFolder } from "./support";

const { at } = tempFolder();

test("a header with a line break in it gives a one-line message", async () => {
  fs.writeFileSync(at("newline.csv"), 'Date,"Sales\nperson",Region\n2025-01-05,Ann,North\n');
  const run = await runCli("apply", at("newline.csv"), "--json", "-", "--strict");
  expectOneLineFailure(run, 3, /headers seen: "Date", "Sales person", "Region"/);
});

test("a header of 100,000 characters gives a bounded message", async () => {
  fs.writeFileSync(at("wide.csv"), `Date,${"H".repeat(100_000)},Region\n2025-01-05,Ann,North\n`);
  const run = await runCli("apply", at("wide.csv"), "--json", "-");
  expectOneLineFailure(run, 3, /no column for the required role.*characters cut.*choose the header row, and run again/);
  expect(run.stderr.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 20);
});

test("oneLine: control characters shown, lone surrogates replaced, cut keeps both ends", () => {
  expect(oneLine("a\r\nb\tc\u0007d")).toBe("a b c\\u0007d");
  expect(oneLine("x\uD800y")).toBe("x\uFFFDy");
  const cut = oneLine("START " + "m".repeat(5000) + " END", 100);
  expect(cut.length).toBeLessThanOrEqual(100);
  expect(cut).toMatch(/^START m+ … \[\d+ characters cut\] … m+ END$/);
});
