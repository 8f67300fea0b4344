/**
 * Peak resident memory of this process. VmHWM (Linux) is the kernel's high-water mark, so a
 * short spike between samples is still counted; maxRSS is the portable fallback.
 */
import { readFileSync } from "fs";

export function peakRssMb(): number {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

export function currentRssMb(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}
