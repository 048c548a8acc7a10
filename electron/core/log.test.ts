import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLog } from './log';
import { tempDir } from '../../test/support/tempDir';

const clock = () => new Date('2026-01-02T03:04:05.000Z');

describe('createFileLog', () => {
  it('appends one line per event, newlines flattened', () => {
    const file = join(tempDir('pa-log-'), 'logs', 'main.log');
    const log = createFileLog(file, 'main', clock);
    log('start');
    log('two\nlines');
    expect(readFileSync(file, 'utf8')).toBe('2026-01-02T03:04:05.000Z [main] start\n2026-01-02T03:04:05.000Z [main] two lines\n');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('rotates by size and keeps a bounded number of old files', () => {
    const file = join(tempDir('pa-log-'), 'main.log');
    const log = createFileLog(file, 'm', clock, { maxBytes: 100, keep: 2 });
    for (let index = 0; index < 12; index++) log(`event ${String(index).padStart(2, '0')} ${'x'.repeat(20)}`);
    expect(statSync(file).size).toBeLessThanOrEqual(100);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('event 11');
    expect(readFileSync(`${file}.1`, 'utf8')).not.toContain('event 11');
  });

  it('counts what is already in the file when it starts', () => {
    const file = join(tempDir('pa-log-'), 'main.log');
    writeFileSync(file, 'y'.repeat(95));
    createFileLog(file, 'm', clock, { maxBytes: 100 })('after restart');
    expect(readFileSync(`${file}.1`, 'utf8')).toBe('y'.repeat(95));
    expect(readFileSync(file, 'utf8')).toContain('after restart');
  });
});
