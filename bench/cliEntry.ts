/**
 * The command line as bin/kpi-scorecard.js starts it, from the bench's own compiled copy of src/cli
 * (out/bench), because webpack's production build empties dist/ and with it dist/node, which other
 * work on this machine may rebuild at any moment.
 */
import { main } from "../src/cli/main";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kpi-scorecard: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
