/** Bad input from the user (a file, an option): exit code 2 with a clear message, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Sets the process exit code from inside a command action. */
export type SetExitCode = (code: number) => void;
