/** `patch-audit` in this process: main() with stdout and stderr captured, for tests of what it prints. */
import { vi } from 'vitest';
import { main } from '../../electron/cli/main';
import type { CliRun } from './runCli';

export async function runMain(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(['node', 'patch-audit', ...args]), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
