/**
 * `patch-audit` on the Node it runs under: one line on stderr when that Node is not supported
 * (`SUPPORTED_NODE`), none otherwise, and the command runs either way. On CI (Node 22.13 or
 * later) this checks the silence; on a machine with Node 20 it checks the line.
 */
import { describe, expect, it } from 'vitest';
import { unsupportedNodeLine } from '../../../electron/cli/nodeSupport';
import { runCli } from '../../support/runCli';

const ourLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line.startsWith('patch-audit: Node.js'));

describe('patch-audit on this Node', () => {
  it('says once what is supported when this Node is not supported, and still runs the command', async () => {
    // runCli sets NODE_NO_WARNINGS=1 for quiet output; empty, Node and the CLI warn as for a user.
    const run = await runCli(['--version'], { env: { LANG: 'en_US.UTF-8', NODE_NO_WARNINGS: '' } });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const expected = unsupportedNodeLine(process.version, { LANG: 'en_US.UTF-8' });
    expect(ourLines(run.stderr)).toEqual(expected ? [expected] : []);
  });

  it('prints nothing of it under NODE_NO_WARNINGS=1, as Node prints none of its own warnings', async () => {
    const run = await runCli(['--version'], { env: { LANG: 'en_US.UTF-8' } });
    expect(run.code).toBe(0);
    expect(ourLines(run.stderr)).toEqual([]);
  });
});
