/**
 * Uncaught errors go to the log by name and stack locations only: an error message can carry
 * an access key, a session token or a client's account data (an SDK error quotes its request),
 * so the text never reaches the file.
 */
import type { Log } from '../core/host';

/** The `file:line:column` of a V8 frame (`at fn (loc)` or `at loc`); install folders may hold spaces. */
function frameLocation(frame: string): string | undefined {
  // Lines of a multi-line message sit between the name and the frames: they never start with `at `.
  if (!frame.startsWith('at ')) return undefined;
  const inParens = /\(([^()]+:\d+:\d+)\)$/.exec(frame);
  if (inParens) return inParens[1];
  const bare = /^at (?:async )?(.+:\d+:\d+)$/.exec(frame);
  return bare?.[1];
}

/** `TypeError at /app/out/main/main.cjs:12:5 < node:internal/…:3:1` with no message text. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return `non-error ${typeof err}`;
  const locations = (err.stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => frameLocation(line.trim()))
    .filter((location): location is string => location !== undefined)
    .slice(0, 8);
  return locations.length > 0 ? `${err.name} at ${locations.join(' < ')}` : err.name;
}

export type ErrorSource = Pick<NodeJS.Process, 'on'>;

export function logUncaughtErrors(source: ErrorSource, log: Log): void {
  source.on('uncaughtException', (err: Error) => log(`uncaught ${describeError(err)}`));
  source.on('unhandledRejection', (reason: unknown) => log(`unhandled rejection ${describeError(reason)}`));
}
