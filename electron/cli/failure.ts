/**
 * The CLI's one error path (issue 28): every failure is `patch-audit: <message>` on stderr and,
 * with `--json`, one JSON document `{"error": …}` on stdout, with exit code 2 for bad input (an
 * option, a file or a database the user named) and 1 for an operation that failed (a full disk,
 * no browser, anything unforeseen). An unforeseen error is named, never printed: its message
 * can quote what it was reading (a JSON.parse error quotes the client's node facts).
 */
import { CommanderError } from 'commander';
import { ChromiumNotFound, DatabaseError, InvalidInputError, SimOptionError, UserFacingError } from '../core';
import { UsageError } from './io';

export interface CliFailure {
  message: string;
  exitCode: 1 | 2;
}

/** File-system errors about a path the user gave (bad input) rather than the machine's state. */
const PATH_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
};
const MACHINE_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'input/output error',
};

interface ErrnoLike {
  code: string;
  path?: string;
  syscall?: string;
}

const isErrno = (err: unknown): err is Error & ErrnoLike =>
  err instanceof Error && typeof (err as Partial<ErrnoLike>).code === 'string' && typeof (err as Partial<ErrnoLike>).syscall === 'string';

function fileFailure(err: ErrnoLike): CliFailure | undefined {
  const what = PATH_ERRORS[err.code] ?? MACHINE_ERRORS[err.code];
  if (!what) return undefined;
  const target = err.path ? ` ${err.path}` : '';
  return { message: `cannot ${err.syscall ?? 'use'}${target}: ${what}`, exitCode: PATH_ERRORS[err.code] ? 2 : 1 };
}

/** The options whose name is not the field's own in kebab case. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = { accountIds: 'accounts', catalogEdition: 'catalog' };

/** A contract field as the option that sets it: `scanAgeDays` → `--scan-age-days`, `targets.accountIds.0` → `--accounts`. */
export function optionOfField(path: readonly (string | number)[]): string {
  const field = [...path].reverse().find((key): key is string => typeof key === 'string');
  if (!field) return 'input';
  return `--${OPTION_OF_FIELD[field] ?? field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The service's refusal in the CLI's words: each option named as the user typed it. */
const invalidInputText = (err: InvalidInputError): string =>
  err.fields.map(({ path, reason }) => `${optionOfField(path)}: ${reason}`).join('; ');

export function failureOf(err: unknown): CliFailure {
  if (err instanceof InvalidInputError) return { message: invalidInputText(err), exitCode: 2 };
  if (err instanceof CommanderError) return { message: err.message.replace(/^error: /, ''), exitCode: 2 };
  if (err instanceof DatabaseError) return { message: err.message, exitCode: err.fault === 'full' ? 1 : 2 };
  if (err instanceof UsageError || err instanceof UserFacingError || err instanceof SimOptionError)
    return { message: err.message, exitCode: 2 };
  if (err instanceof ChromiumNotFound) return { message: err.message, exitCode: 1 };
  const file = isErrno(err) ? fileFailure(err) : undefined;
  if (file) return file;
  const name = err instanceof Error ? err.name : typeof err;
  return {
    message: `failed unexpectedly (${name}). Run the command again; if it fails again, report it with the command line.`,
    exitCode: 1,
  };
}

/** Whether the command line asks for JSON output (options after `--` are arguments). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}
