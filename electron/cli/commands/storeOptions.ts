/** The `--db` option shared by the history commands, and the core over the database it names. */
import { Option, type Command } from 'commander';
import type { Services } from '../../core';
import { withCore } from '../cliCore';
import { printOut, terminalJson } from '../terminal';

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
