/** Where the CLI writes: process streams in the binary, string buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };
