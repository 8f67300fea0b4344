/**
 * Preloaded (node --require) into a process the bench does not own, such as the CLI: on exit it
 * writes that process's peak RSS to the file named by BENCH_PEAK_FILE, so the CLI runs unchanged.
 */
import { writeFileSync } from "fs";
import { peakRssMb } from "./peakRss";

const target = process.env.BENCH_PEAK_FILE;
if (target) {
  process.on("exit", () => {
    writeFileSync(target, JSON.stringify({ peakRssMb: peakRssMb() }));
  });
}
