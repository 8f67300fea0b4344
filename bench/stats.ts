/** Summaries of repeated timings. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function timingSummary(runs: readonly number[]): { ms: number; minMs: number; maxMs: number; runs: number[] } {
  return { ms: median(runs), minMs: Math.min(...runs), maxMs: Math.max(...runs), runs: [...runs] };
}

/** Rounds a figure for the JSON (timings to 0.1 ms, memory to 0.1 MB). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
