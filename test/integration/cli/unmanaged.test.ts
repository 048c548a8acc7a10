/**
 * `patch-audit unmanaged` as a user runs it (issue 30): the EC2 instances that are not managed
 * nodes, the app page's filters, what to do per cause, and a refused value named as its option.
 * The listed rows come from the store's `unmanagedInstances` (the store's part of the issue).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalValue } from '../../../electron/cli/terminal';
import { unmanagedText } from '../../../electron/core/report/text/unmanaged';
import { CAUSE_TEXT, causesOf, userGuideUrl, type UnmanagedPage } from '../../../shared/ec2Coverage';
import { runCli } from '../../support/runCli';
import { tempDir } from '../../support/tempDir';
import { HOSTILE_INSTANCE_NAME, NOT_DETERMINED_INSTANCES, reportStore, unmanagedFixture } from '../report/reportStore';

const ESC = '\u001b';
const BEL = '\u0007';
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

describe('patch-audit unmanaged', () => {
  const dir = tempDir('pa-cli-unmanaged-');
  const db = join(dir, 'audit.db');
  let last: number;
  const run = (...args: string[]) => runCli(['unmanaged', ...args, '--db', db], { cwd: dir });

  beforeAll(() => {
    const { store, ids } = reportStore(20, db);
    last = ids[2]!;
    store.close();
  });

  it('refuses a cause or a limit it does not know, naming the option, with exit code 2', async () => {
    const cause = await run(String(last), '--causes', 'noAgent');
    expect(cause.code).toBe(2);
    expect(cause.stderr).toContain('--causes');
    expect(cause.stdout).toBe('');
    const limit = await run(String(last), '--limit', '0');
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit');
    expect((await run('999')).code).not.toBe(0);
  });

  it('prints a hostile Name tag or platform with every control and invisible character spelled out', () => {
    const facts = { instanceId: 'i-0abc', state: 'running', route: 'yes', rolePolicy: 'unknown' } as const;
    const hostile = {
      ...facts,
      name: `web${ESC}]0;pwned${BEL}\u202Etxt.exe`,
      platform: `Linux${ESC}[2J\u200B`,
      accountId: '111111111111',
      region: 'us-east-1',
      hostManagement: 'off',
      ...causesOf(facts, 'off'),
    } as const;
    const page: UnmanagedPage = {
      total: 1,
      rows: [hostile],
      byCause: { stopped: 0, noProfile: 1, roleWithoutPolicy: 0, noRoute: 0, notDetermined: 0 },
      scopesRead: 1,
      scopesNotRead: 0,
    };
    const text = unmanagedText(page, {}, 'en', terminalValue);
    expect(text).toContain('i-0abc');
    expect(text).not.toMatch(INVISIBLE);
  });

  it('says so when no scope’s EC2 instances were read', async () => {
    const first = await run('1');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('No scope’s EC2 instances were read.');
  });

  // Store query: the rows come from the store's `unmanagedInstances`.
  it('lists every unmanaged instance with its causes and says what to do once per cause, in the language asked for', async () => {
    const json = await run(String(last), '--json', '--limit', '10000');
    expect(json.code).toBe(0);
    const page = JSON.parse(json.stdout) as UnmanagedPage;
    expect(page.total).toBe(unmanagedFixture().length);
    expect(page.byCause.notDetermined).toBeGreaterThanOrEqual(NOT_DETERMINED_INSTANCES);
    const text = await run(String(last), '--lang', 'ja');
    expect(text.stdout).toContain(HOSTILE_INSTANCE_NAME);
    for (const cause of ['stopped', 'noProfile', 'roleWithoutPolicy', 'noRoute', 'notDetermined'] as const) {
      expect(text.stdout.split(CAUSE_TEXT[cause].todo.ja)).toHaveLength(2);
      expect(text.stdout).toContain(userGuideUrl(CAUSE_TEXT[cause].docs[0]!, 'ja'));
    }
  });

  it('filters by account, cause and state as the app’s page does', async () => {
    const page = async (...args: string[]) => JSON.parse((await run(String(last), '--json', ...args)).stdout) as UnmanagedPage;
    expect((await page('--accounts', '222222222222')).total).toBe(NOT_DETERMINED_INSTANCES);
    expect((await page('--states', 'stopped')).rows.map((r) => r.instanceId)).toEqual(['i-0a00000000000001']);
    expect((await page('--causes', 'noRoute')).rows.map((r) => r.instanceId)).toEqual(['i-0a00000000000004']);
  });
});
