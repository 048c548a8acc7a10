import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tempDir';
import { writePrivateFile } from './files';

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('writePrivateFile', () => {
  it('writes a new file readable by its owner only', () => {
    const file = join(tempDir('pa-private-'), 'report.pdf');
    writePrivateFile(file, Buffer.from('%PDF-1.7'));
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7');
    expect(modeOf(file)).toBe(0o600);
  });

  it('narrows a file that was already there, world-readable', () => {
    const file = join(tempDir('pa-private-'), 'nodes.csv');
    writeFileSync(file, 'old', { mode: 0o644 });
    expect(modeOf(file)).toBe(0o644 & ~process.umask());
    writePrivateFile(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(modeOf(file)).toBe(0o600);
  });
});
