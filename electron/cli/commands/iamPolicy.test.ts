import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';

const iamDir = join(import.meta.dirname, '..', '..', '..', 'build', 'iam');

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await main(['node', 'patch-audit', ...args]);
  return { code, out };
}

describe('patch-audit iam-policy', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the shipped policy, the same document as build/iam', async () => {
    const { code, out } = await run('iam-policy');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(JSON.parse(readFileSync(join(iamDir, 'patch-auditor-policy.json'), 'utf8')));
  });

  it('with --cloudformation prints the audit role template as shipped', async () => {
    const { code, out } = await run('iam-policy', '--cloudformation');
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(join(iamDir, 'audit-role.yaml'), 'utf8'));
  });
});
