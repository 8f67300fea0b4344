import { readFileSync } from "fs";
import { join } from "path";

/** A fresh, mutable copy of fixtures/valid-rep.json, for tests that break one thing at a time. */
export function validTemplateJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, "fixtures", "valid-rep.json"), "utf8")) as Record<string, unknown>;
}
