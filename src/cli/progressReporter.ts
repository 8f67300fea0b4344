/**
 * The progress line on stderr for long runs (phase and rows read), with cli-progress.
 * Silent when stderr is not a terminal or with --quiet, so pipes and logs stay clean.
 */
import cliProgress from "cli-progress";

export interface ProgressReporter {
  phase(name: string): void;
  rows(done: number): void;
  stop(): void;
}

const SILENT: ProgressReporter = { phase() {}, rows() {}, stop() {} };

export function progressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  quiet: boolean,
): ProgressReporter {
  if (quiet || !stream.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: "{phase} | {value} rows | {duration_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let phase = "";
  let done = 0;
  return {
    phase(name) {
      phase = name;
      if (!started) {
        bar.start(0, done, { phase });
        started = true;
      } else bar.update(done, { phase });
    },
    rows(n) {
      done = n;
      if (started) bar.update(done, { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
