/**
 * `patch-audit audit` as a user runs it: a separate process, credentials from the shared
 * config files, the simulator reached through the standard AWS_ENDPOINT_URL override.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { openStore } from '../../../electron/core/store';
import { runCli } from '../../support/runCli';
import { tempDir } from '../../support/tempDir';

const run = (args: string[], env: Record<string, string>) => runCli(args, { env });

describe('patch-audit audit', () => {
  let sim: Simulator;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    sim = await startSimulator({
      fleetOptions: { seed: 'cli-audit', accounts: 2, regions: ['us-east-1', 'eu-west-1'], nodesPerRegion: 60 },
    });
    dir = tempDir('pa-cli-audit-');
    const [main, member] = sim.credentials;
    writeFileSync(
      join(dir, 'credentials'),
      `[client]\naws_access_key_id = ${main!.accessKeyId}\naws_secret_access_key = ${main!.secretAccessKey}\n`,
    );
    writeFileSync(
      join(dir, 'config'),
      [
        '[profile client]',
        'region = us-east-1',
        '[profile member-audit]',
        `role_arn = arn:aws:iam::${member!.accountId}:role/PatchAuditRole`,
        'source_profile = client',
        'external_id = patch-audit-external-id',
        'region = us-east-1',
        '',
      ].join('\n'),
    );
    env = {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_ENDPOINT_URL: sim.url,
      PATCH_AUDITOR_DATA_DIR: join(dir, 'data'),
      NODE_NO_WARNINGS: '1',
    };
  });
  afterAll(async () => sim?.close());

  it('audits with a profile and prints one JSON document; the secret appears nowhere', async () => {
    const { code, stdout, stderr } = await run(
      ['audit', '--profile', 'client', '--regions', 'us-east-1,eu-west-1', '--json', '--label', 'weekly'],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      snapshotId: number;
      status: string;
      nodes: number;
      scopes: { account: string; region: string; status: string; nodes: number }[];
      checks: Record<string, number>;
      calls: Record<string, number>;
    };
    expect(doc.status).toBe('complete');
    expect(doc.scopes).toEqual([
      { account: sim.credentials[0]!.accountId, region: 'us-east-1', status: 'ok', nodes: 60 },
      { account: sim.credentials[0]!.accountId, region: 'eu-west-1', status: 'ok', nodes: 60 },
    ]);
    expect(doc.nodes).toBe(120);
    expect(Object.keys(doc.checks).sort()).toEqual(['fail', 'not_applicable', 'pass', 'unknown', 'warn']);
    expect(doc.calls['SSM.DescribeInstanceInformation']).toBe(4);

    const secret = sim.credentials[0]!.secretAccessKey;
    const keyId = sim.credentials[0]!.accessKeyId;
    for (const text of [stdout, stderr]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(keyId);
    }
    for (const file of readdirSync(join(dir, 'data'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      const bytes = readFileSync(join(file.parentPath, file.name)).toString('latin1');
      expect(bytes).not.toContain(secret);
      expect(bytes).not.toContain(keyId);
      expect(bytes).not.toMatch(/ASIA[A-Z0-9]{12,}/);
    }
  });

  it("audits through a role profile (role_arn, source_profile, external_id) with the SDK's own provider", async () => {
    const db = join(dir, 'role-profile.sqlite');
    const args = ['audit', '--profile', 'member-audit', '--regions', 'us-east-1', '--catalog', 'aws-2026-11', '--db', db, '--json'];
    const { code, stdout } = await run(args, env);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { snapshotId: number; scopes: { account: string; status: string }[] };
    expect(doc.scopes).toEqual([expect.objectContaining({ account: sim.credentials[1]!.accountId, status: 'ok' })]);
    const store = openStore({ path: db });
    expect(store.getSnapshot(doc.snapshotId)?.catalogEdition).toBe('aws-2026-11');
    store.close();
  });

  it('audits listed accounts through --role-name with the external id from the environment', async () => {
    const { code, stdout } = await run(
      [
        'audit',
        '--profile',
        'client',
        '--regions',
        'eu-west-1',
        '--accounts',
        sim.credentials[1]!.accountId,
        '--role-name',
        'PatchAuditRole',
        '--json',
      ],
      { ...env, PATCH_AUDIT_EXTERNAL_ID: 'patch-audit-external-id' },
    );
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { status: string }).status).toBe('complete');
  });

  it('exits 1 with a clear message when nothing could be audited', async () => {
    const { code, stdout, stderr } = await run(['audit', '--profile', 'nobody', '--regions', 'us-east-1', '--json'], env);
    expect(code).toBe(1);
    // A script reading --json gets one document in this case too.
    expect(JSON.parse(stdout)).toMatchObject({
      snapshotId: null,
      status: 'failed',
      error: expect.stringContaining('profile "nobody"'),
      scopes: [],
    });
    expect(stderr).toMatch(/^patch-audit: .*profile "nobody"/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints each scope on its own line, and each source it could not read with the AWS error', async () => {
    sim.setFaults([
      {
        policy: {
          Statement: [
            { Effect: 'Allow', Action: '*' },
            { Effect: 'Deny', Action: 'ssm:DescribeInstancePatchStates' },
          ],
        },
      },
    ]);
    try {
      const text = await run(['audit', '--profile', 'client', '--regions', 'us-east-1,eu-west-1'], env);
      expect(text.code).toBe(0);
      const lines = text.stdout.split('\n');
      for (const region of ['us-east-1', 'eu-west-1']) {
        const at = lines.findIndex((l) => l.includes(` ${region} `));
        expect(lines[at]).toMatch(new RegExp(`^  \\d{12} ${region} +ok +60 nodes$`));
        // The AWS error code and AWS's own words, which name the principal that was refused.
        expect(lines[at + 1]).toMatch(
          /^ {6}not read: ssm:DescribeInstancePatchStates — Access denied for ssm:DescribeInstancePatchStates \(AccessDeniedException: User: arn:aws:iam::\d{12}:user\/auditor is not authorized to perform: ssm:DescribeInstancePatchStates .*\)\. Grant ssm:DescribeInstancePatchStates to the audit role: the policy it needs can be copied in Settings → “Policy for the audit role” or printed with `patch-audit iam-policy`\.$/,
        );
      }
      const json = await run(['audit', '--profile', 'client', '--regions', 'us-east-1', '--json'], env);
      expect(JSON.parse(json.stdout).scopes[0]).toMatchObject({
        gaps: ['ssm:DescribeInstancePatchStates'],
        gapErrors: {
          'ssm:DescribeInstancePatchStates': { code: 'AccessDeniedException', message: expect.stringMatching(/^Access denied for/) },
        },
      });
    } finally {
      sim.setFaults([]);
    }
  });

  it('with --json prints one document with every scope and why when no scope could be audited, and exits 1', async () => {
    sim.setFaults([
      {
        policy: {
          Statement: [
            { Effect: 'Allow', Action: '*' },
            { Effect: 'Deny', Action: 'ssm:DescribeInstanceInformation' },
          ],
        },
      },
    ]);
    try {
      const json = await run(['audit', '--profile', 'client', '--regions', 'us-east-1,eu-west-1', '--json'], env);
      expect(json.code).toBe(1);
      const doc = JSON.parse(json.stdout) as {
        status: string;
        error: string;
        scopes: { region: string; status: string; errorCode: string }[];
      };
      expect(doc).toMatchObject({
        snapshotId: null,
        status: 'failed',
        error: 'No scope could be audited.',
        scopeCounts: { total: 2, collected: 0, failed: 2, cancelled: 0, accountLevel: 0 },
        nodes: 0,
      });
      expect(doc.scopes.map((s) => [s.region, s.status, s.errorCode])).toEqual([
        ['us-east-1', 'failed', 'access_denied'],
        ['eu-west-1', 'failed', 'access_denied'],
      ]);
      const text = await run(['audit', '--profile', 'client', '--regions', 'us-east-1,eu-west-1'], env);
      expect(text.code).toBe(1);
      expect(text.stderr.trimEnd().split('\n')).toEqual([
        'patch-audit: No scope could be audited.',
        expect.stringMatching(/^ {2}\d{12}\/us-east-1: Access denied for ssm:DescribeInstanceInformation/),
        expect.stringMatching(/^ {2}\d{12}\/eu-west-1: Access denied for ssm:DescribeInstanceInformation/),
      ]);
    } finally {
      sim.setFaults([]);
    }
  });

  // Issue 28's reproduction and issue 27's run summary: an account never reached, in a region list and under all regions.
  it('counts an unreachable account as the scopes it is, and its snapshot exports and imports', async () => {
    const reachable = sim.credentials[1]!.accountId;
    const accounts = [
      '--accounts',
      `${reachable},123456789012`,
      '--role-name',
      'PatchAuditRole',
      '--external-id',
      'patch-audit-external-id',
    ];
    const db = join(dir, 'unreachable.sqlite');
    const listed = await run(['audit', '--profile', 'client', ...accounts, '--regions', 'eu-west-1,us-east-1', '--db', db, '--json'], env);
    expect(listed.code).toBe(0);
    const doc = JSON.parse(listed.stdout) as {
      snapshotId: number;
      status: string;
      scopeCounts: unknown;
      scopes: { account: string; region: string }[];
    };
    expect(doc.status).toBe('partial');
    expect(doc.scopeCounts).toEqual({ total: 4, collected: 2, failed: 2, cancelled: 0, accountLevel: 0 });
    expect(doc.scopes.filter((s) => s.account === '123456789012').map((s) => s.region)).toEqual(['eu-west-1', 'us-east-1']);

    const all = await run(['audit', '--profile', 'client', ...accounts, '--regions', 'all', '--db', db], env);
    expect(all.code).toBe(0);
    const lines = all.stdout.split('\n');
    expect(lines[0]).toMatch(/^Snapshot \d+ saved \(partial: finished with gaps\): 120 nodes$/);
    expect(lines[1]).toMatch(/^Scopes: \d+ of \d+ collected, 1 failed, 0 cancelled$/);
    expect(lines[2]).toBe(
      '  1 of them is an account never reached under --regions all: one scope each, its regions unknown without the account',
    );
    expect(lines.find((l) => l.startsWith('  123456789012 '))).toMatch(
      /^ {2}123456789012 all regions \(account not reached\) failed +0 nodes {2}/,
    );

    const file = join(dir, 'unreachable.patchaudit');
    const exported = await run(['export', String(doc.snapshotId), String(doc.snapshotId + 1), '--output', file, '--db', db], env);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const imported = await run(['import', file, '--db', join(dir, 'restored.sqlite')], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const shown = await run(['snapshots', 'show', '2', '--db', join(dir, 'restored.sqlite')], env);
    expect(shown.stdout).toMatch(/123456789012 +all regions \(account not reached\) +failed/);
  });

  it('exits 2 on bad options without echoing the external id', async () => {
    const bad = await run(['audit', '--regions', 'mars-north-9', '--json'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^patch-audit: --regions: not a region name/);
    const noRole = await run(['audit', '--accounts', '123456789012', '--external-id', 'sekrit$$', '--json'], env);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('--role-name is required');
    const badId = await run(['audit', '--accounts', '123456789012', '--role-name', 'R', '--external-id', 'sekrit$$'], env);
    expect(badId.code).toBe(2);
    expect(badId.stderr).not.toContain('sekrit');
  });
});
