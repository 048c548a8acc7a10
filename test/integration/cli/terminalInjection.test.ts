/**
 * A client's AWS CLI file is attacker-controlled text: its ids, names and platform strings must
 * reach the consultant's terminal without escape sequences (window title, screen clear, OSC 52
 * clipboard writes) or bidi/zero-width tricks, in the table, the notes and the JSON alike.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../../support/runMain';
import { tempDir } from '../../support/tempDir';

const ESC = '\u001b';
const BEL = '\u0007';
const HOSTILE_ID = `i-0abc${ESC}]0;pwned${BEL}${ESC}[2J\u202E`;
const HOSTILE_PLATFORM = `Ubuntu${ESC}]52;c;ZWNobyBoaQ==${BEL}\u200B\u009b31m`;
// Bidi and zero-width characters are not control characters: they pass the value bounds and must be escaped.
const TRICK_PLATFORM = 'Ubuntu\u202Egnp.exe\u200B';
const TRICK_NAME = 'db\u202Etxt.exe\u2066';
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

const run = runMain;

describe('patch-audit evaluate with hostile strings in a client file', () => {
  const dir = tempDir('pa-cli-inject-');
  const info = join(dir, 'info.json');
  writeFileSync(
    info,
    JSON.stringify({
      InstanceInformationList: [
        { InstanceId: HOSTILE_ID, PingStatus: 'Online', PlatformType: 'Linux', PlatformName: HOSTILE_PLATFORM, PlatformVersion: '22.04' },
        { InstanceId: 'i-0abc', ComputerName: TRICK_NAME, PingStatus: 'Online', PlatformType: 'Linux', PlatformName: TRICK_PLATFORM },
        { InstanceId: 'i-0def', PingStatus: 'Online', PlatformType: 'Linux', PlatformName: HOSTILE_PLATFORM, PlatformVersion: '22.04' },
      ],
    }),
  );

  it('prints the table with every control and invisible character spelled out', async () => {
    const { code, stdout, stderr } = await run('evaluate', '--now', '2022-06-15T00:00:00Z', info);
    expect(code).toBe(0);
    // The live audit's bounds: an id with escape sequences is no id (left out, with a note), a
    // platform name with control characters is absent; bidi tricks are shown spelled out.
    expect(stdout).not.toContain('pwned');
    expect(stderr).toContain('1 node(s) left out');
    expect(stdout).not.toContain('ZWNobyBoaQ');
    expect(stdout).not.toMatch(INVISIBLE);
    expect(stderr).not.toMatch(INVISIBLE);
  });

  it('prints JSON that holds the same strings, escaped so nothing invisible is raw', async () => {
    const { code, stdout } = await run('evaluate', '--json', '--now', '2022-06-15T00:00:00Z', info);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(INVISIBLE);
    const doc = JSON.parse(stdout) as { nodes: { instanceId: string; name?: string }[] };
    expect(doc.nodes.map((node) => node.instanceId)).toEqual(['i-0abc', 'i-0def']);
    expect(doc.nodes[0]?.name).toBe(TRICK_NAME);
  });

  it('escapes a hostile file name in an error message too', async () => {
    const { code, stderr } = await run('evaluate', join(dir, `missing${ESC}[2J.json`));
    expect(code).toBe(2);
    expect(stderr).toContain('missing\\x1B[2J.json');
    expect(stderr).not.toMatch(INVISIBLE);
  });
});
