import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { describeError, logUncaughtErrors, type ErrorSource } from './crashLog';

const SECRET = 'AKIAIOSFODNN7EXAMPLE';

function errorWithStack(name: string, message: string, frames: string[]): Error {
  const err = new Error(message);
  err.name = name;
  err.stack = [`${name}: ${message}`, ...frames.map((frame) => `    at ${frame}`)].join('\n');
  return err;
}

describe('describeError', () => {
  it('keeps the name and the stack locations, never the message', () => {
    const err = errorWithStack('CredentialsProviderError', `profile acme with key ${SECRET} failed`, [
      'resolve (/opt/Patch Auditor/resources/app.asar/out/main/main.cjs:120:15)',
      'async Promise.all (index 0)',
      'C:\\Program Files\\Patch Auditor\\resources\\app.asar\\out\\main\\main.cjs:8:3',
    ]);
    const text = describeError(err);
    expect(text).toBe(
      'CredentialsProviderError at /opt/Patch Auditor/resources/app.asar/out/main/main.cjs:120:15' +
        ' < C:\\Program Files\\Patch Auditor\\resources\\app.asar\\out\\main\\main.cjs:8:3',
    );
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('profile acme');
  });

  it('describes thrown non-errors by type only', () => {
    expect(describeError(`token ${SECRET}`)).toBe('non-error string');
    expect(describeError(errorWithStack('TypeError', 'x', []))).toBe('TypeError');
  });
});

describe('logUncaughtErrors', () => {
  it('logs uncaught exceptions and unhandled rejections without their messages', () => {
    const source = new EventEmitter();
    const lines: string[] = [];
    logUncaughtErrors(source as unknown as ErrorSource, (line) => lines.push(line));
    source.emit('uncaughtException', errorWithStack('RangeError', SECRET, ['f (/app/main.cjs:1:2)']));
    source.emit('unhandledRejection', new Error(SECRET));
    expect(lines[0]).toBe('uncaught RangeError at /app/main.cjs:1:2');
    expect(lines[1]).toMatch(/^unhandled rejection Error at /);
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});
