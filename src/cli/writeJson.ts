/** The scorecard JSON file, written like the workbook: temporary file, then rename. */
import * as fs from "fs";
import { writeAtomically } from "../xlsx/atomicWrite";

export async function writeJsonAtomically(file: string, text: string): Promise<void> {
  await writeAtomically(file, (temporary) => fs.promises.writeFile(temporary, text, "utf8"));
}
