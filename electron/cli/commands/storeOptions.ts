/** The `--db` option shared by the history commands, and the core over the database it names. */
import { Option, type Command } from 'commander';
import type { Services } from '../../core';
import { withCore } from '../cliCore';
import { printOut, terminalJson, terminalValue } from '../terminal';

export interface DbOptions {
  db?: string;
  json?: boolean;
}

/** The database a command reads or writes: the app's unless `--db` names another. */
export const dbOption = (): Option => new Option('--db <path>', 'database file (default: the app database)');

export const withDbOptions = (command: Command): Command => command.addOption(dbOption()).option('--json', 'print JSON');

/** Runs `fn` on the core's services; only writing commands (`create`) may start a new database. */
export function useServices<T>(opts: DbOptions, fn: (services: Services) => T | Promise<T>, create = false): Promise<T> {
  return withCore({ db: opts.db, create }, (core) => fn(core.services));
}

export const print = printOut;
export const printJson = (value: unknown): void => printOut(terminalJson(value));

/** A plain left-aligned text table; numbers right-aligned. */
export function table(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  // One value per cell and line: a label or node name with a line feed must not fake a row.
  const cells = [head, ...rows].map((r) => r.map((c) => terminalValue(String(c))));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[], raw: ReadonlyArray<string | number>) =>
    r
      .map((c, i) => (typeof raw[i] === 'number' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? [], head), ...rows.map((r, i) => line(cells[i + 1] ?? [], r))].join('\n');
}

/** A figure, or "unknown" when its source could not be read for any node (never a 0 that was not seen). */
export const pct = (value: number | null): string => (value === null ? 'unknown' : `${value.toFixed(1)}%`);
export const countOrUnknown = (value: number | null): number | string => value ?? 'unknown';
/** Over how many nodes the patch figures were computed: `80/100` when 20 nodes' state could not be read. */
export const patchBasis = (a: { patchRead: number; nodes: number }): string => `${a.patchRead}/${a.nodes}`;
