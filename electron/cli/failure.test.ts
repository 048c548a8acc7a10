import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { ChromiumNotFound, DatabaseError, UserFacingError, validInput } from '../core';
import { failureOf, optionOfField, wantsJson } from './failure';
import { UsageError } from './io';

const errno = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

describe('the CLI’s one error path', () => {
  it('exits 2 for what the user gave and 1 for an operation that failed', () => {
    expect(failureOf(new UsageError('bad --now'))).toEqual({ message: 'bad --now', exitCode: 2 });
    expect(failureOf(new UserFacingError('The file was not imported: x'))).toMatchObject({ exitCode: 2 });
    expect(failureOf(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toEqual({
      message: "unknown option '--x'",
      exitCode: 2,
    });
    expect(failureOf(new DatabaseError('damaged', 'damaged'))).toMatchObject({ exitCode: 2 });
    expect(failureOf(new DatabaseError('read-only', 'read_only'))).toMatchObject({ exitCode: 2 });
    expect(failureOf(new DatabaseError('full', 'full'))).toEqual({ message: 'full', exitCode: 1 });
    expect(failureOf(new ChromiumNotFound('no browser'))).toMatchObject({ exitCode: 1 });
  });

  it('names a file error’s path and cause: a path the user gave is bad input, a full disk a failure', () => {
    expect(failureOf(errno('ENOENT', 'open', '/x/out.csv'))).toEqual({
      message: 'cannot open /x/out.csv: no such file or folder',
      exitCode: 2,
    });
    expect(failureOf(errno('ENOSPC', 'write', '/x/out.csv'))).toEqual({
      message: 'cannot write /x/out.csv: the disk is full',
      exitCode: 1,
    });
  });

  it('names an unforeseen error without its message, which may quote client data', () => {
    let thrown: unknown;
    try {
      JSON.parse('{"instanceId":"i-0123456789abcdef0","name":"payroll-db"');
    } catch (err) {
      thrown = err;
    }
    const failure = failureOf(thrown);
    expect(failure.exitCode).toBe(1);
    expect(failure.message).toMatch(/^failed unexpectedly \(SyntaxError\)/);
    expect(failure.message).not.toMatch(/payroll|i-0123/);
  });

  it('names a refused field as the option that sets it, with the contract’s reason', () => {
    let thrown: unknown;
    try {
      validInput('audit:start', {
        regions: ['us-east-1'],
        targets: { kind: 'accounts', accountIds: ['12'], roleName: 'r' },
        concurrency: 0.5,
      });
    } catch (err) {
      thrown = err;
    }
    const failure = failureOf(thrown);
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toMatch(/^--accounts: .+; --concurrency: .+$/);
    expect(optionOfField(['scanAgeDays'])).toBe('--scan-age-days');
    expect(optionOfField(['catalogEdition'])).toBe('--catalog');
    expect(optionOfField(['targets', 'roleName'])).toBe('--role-name');
  });

  it('reads --json from the options only', () => {
    expect(wantsJson(['node', 'patch-audit', 'snapshots', '--json'])).toBe(true);
    expect(wantsJson(['node', 'patch-audit', 'evaluate', '--', '--json'])).toBe(false);
  });
});
