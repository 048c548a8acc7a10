import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Log = (line: string) => void;

/**
 * A line-per-event log, appended synchronously so the last lines survive a crash.
 * Callers log names, counts and ids, never request bodies or credentials.
 */
export function createFileLog(path: string, prefix: string, clock: () => Date = () => new Date()): Log {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return (line) => {
    appendFileSync(path, `${clock().toISOString()} [${prefix}] ${line.replace(/[\r\n]+/g, ' ')}\n`, { mode: 0o600 });
  };
}
