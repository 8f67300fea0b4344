/**
 * Exit codes of the command line (product.md §8) and the failure value each step returns:
 * one line for stderr saying what went wrong and what to do.
 */
export const EXIT = {
  ok: 0,
  badArguments: 2,
  unreadableInput: 3,
  invalidTemplate: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Failure {
  ok: false;
  exit: ExitCode;
  message: string;
}

export type Outcome<T> = ({ ok: true } & T) | Failure;

export function fail(exit: ExitCode, message: string): Failure {
  return { ok: false, exit, message };
}
