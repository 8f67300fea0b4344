/**
 * Where the time goes: self time per function from a V8 .cpuprofile (node --cpu-prof), top first.
 * Used by `npm run bench -- --cpu-prof` to print the engine's hottest frames per size.
 */
import { readFileSync } from "fs";

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface HotFrame {
  frame: string;
  selfMs: number;
  share: number;
}

export function hottestFrames(profileFile: string, top: number): HotFrame[] {
  const profile = JSON.parse(readFileSync(profileFile, "utf8")) as CpuProfile;
  const frameOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split("/").slice(-2).join("/");
    frameOf.set(node.id, `${functionName || "(anonymous)"} ${file}${file ? `:${lineNumber + 1}` : ""}`);
  }
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = frameOf.get(profile.samples[i]) ?? "(unknown)";
    const delta = profile.timeDeltas[i] ?? 0;
    selfUs.set(frame, (selfUs.get(frame) ?? 0) + delta);
    totalUs += delta;
  }
  return [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, us]) => ({
      frame,
      selfMs: Math.round(us / 1000),
      share: totalUs > 0 ? Math.round((1000 * us) / totalUs) / 10 : 0,
    }));
}
