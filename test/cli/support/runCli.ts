/** Runs the CLI in-process with string streams: exit code, stdout and stderr. */
import { Writable } from "stream";
import { main } from "../../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const err = new Writable({
    write(chunk, _encoding, done) {
      stderr += chunk.toString();
      done();
    },
  });
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: err });
  return { code, stdout, stderr };
}
