import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../shared/model';
import { runMain } from '../../support/runMain';
import { tempDir } from '../../support/tempDir';

const FIXTURES = fileURLToPath(new URL('../../fixtures/awscli/', import.meta.url));
const fixture = (path: string) => join(FIXTURES, path);
const V2 = [
  'describe-instance-information',
  'describe-instance-patch-states',
  'get-inventory',
  'describe-instances',
  'describe-route-tables',
  'describe-vpc-endpoints',
].map((name) => fixture(`v2/${name}.json`));
const NOW = ['--now', '2022-06-15T00:00:00Z'];

const run = (...args: string[]) => runMain('evaluate', ...args);

interface JsonNode {
  instanceId: string;
  platform: { type: string; family: string; version: string | null };
  checks: { rule: string; status: string; code: string; message: string; remediation?: string; evidence: Record<string, unknown> }[];
}
interface JsonDocument {
  catalog: string;
  nodes: JsonNode[];
  summary: { nodes: number; checks: Record<string, number> };
}

const statuses = (node: JsonNode | undefined) => Object.fromEntries(node?.checks.map((check) => [check.rule, check.status]) ?? []);

describe('patch-audit evaluate', () => {
  it('evaluates AWS CLI v2 files into one JSON document with every rule per node', async () => {
    const { code, stdout, stderr } = await run('--json', '--catalog', 'seed-2022', ...NOW, ...V2);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as JsonDocument;
    expect(doc.catalog).toBe('seed-2022');
    expect(doc.nodes.map((node) => node.instanceId)).toEqual([
      'i-0aaaaaaaaaaaaaaa1',
      'i-0bbbbbbbbbbbbbbb2',
      'i-0ccccccccccccccc3',
      'i-0ddddddddddddddd4',
      'mi-0eeeeeeeeeeeeeee5',
    ]);
    for (const node of doc.nodes) expect(node.checks.map((check) => check.rule)).toEqual([...RULE_IDS]);
    expect(doc.summary.nodes).toBe(5);
    expect(Object.values(doc.summary.checks).reduce((a, b) => a + b, 0)).toBe(5 * RULE_IDS.length);

    const [web, app, isolated, legacy, onPrem] = doc.nodes;
    expect(web?.platform).toEqual({ type: 'Linux', family: 'amazon-linux-2', version: '2' });
    expect(Object.values(statuses(web)).every((status) => status === 'pass' || status === 'not_applicable')).toBe(true);
    expect(statuses(app)).toMatchObject({
      'patch.compliant': 'fail',
      'patch.scan-age': 'fail',
      'patch.pending-reboot': 'warn',
      'network.s3': 'pass',
    });
    const compliant = app?.checks.find((check) => check.rule === 'patch.compliant');
    expect(compliant?.evidence).toMatchObject({
      missingCount: 7,
      failedCount: 1,
      criticalNonCompliantCount: 2,
      securityNonCompliantCount: 5,
    });
    expect(compliant?.message).toBe('7 missing and 1 failed patches (2 critical, 5 security non-compliant).');
    expect(compliant?.remediation).toMatch(/AWS-RunPatchBaseline/);
    // isolated subnet with an S3 gateway endpoint routed from its table
    expect(statuses(isolated)).toMatchObject({
      'network.s3': 'pass',
      'network.patch-source': 'warn',
      'patch.scanned': 'fail',
      'python.version': 'pass',
    });
    // subnet without an explicit association uses the VPC's main table
    expect(legacy?.platform).toEqual({ type: 'Windows', family: 'windows-server', version: '2008 R2' });
    expect(statuses(legacy)).toMatchObject({
      'agent.windows2008': 'fail',
      'network.s3': 'fail',
      'node.online': 'fail',
      'python.version': 'not_applicable',
    });
    expect(legacy?.checks.find((check) => check.rule === 'network.s3')?.evidence).toMatchObject({
      routeTableId: 'rtb-0main00000000000',
      mainRouteTable: true,
    });
    expect(statuses(onPrem)).toMatchObject({
      'os.supported': 'fail',
      'network.patch-source': 'unknown',
      'network.s3': 'unknown',
      'python.version': 'unknown',
    });
  });

  it('reads AWS CLI v1 epoch timestamps the same as v2 ISO strings', async () => {
    const v1 = await run(
      '--json',
      '--catalog',
      'seed-2022',
      ...NOW,
      fixture('v1/describe-instance-information.json'),
      fixture('v1/describe-instance-patch-states.json'),
    );
    const v2 = await run('--json', '--catalog', 'seed-2022', ...NOW, V2[0] as string, V2[1] as string);
    expect(v1.code).toBe(0);
    const [a, b] = [v1.stdout, v2.stdout].map((text) => JSON.parse(text) as JsonDocument);
    expect(a?.nodes).toEqual(b?.nodes);
    const scanAge = a?.nodes[1]?.checks.find((check) => check.rule === 'patch.scan-age');
    expect(scanAge?.evidence).toMatchObject({ operationEndTime: '2022-05-31T18:20:00.000Z' });
  });

  it('leaves sources that were not given unknown, and says why network facts are incomplete', async () => {
    const { code, stdout, stderr } = await run('--json', '--catalog', 'seed-2022', ...NOW, V2[0] as string, V2[3] as string);
    expect(code).toBe(0);
    expect(stderr).toMatch(/network checks need Reservations, RouteTables, VpcEndpoints together; missing RouteTables, VpcEndpoints/);
    const node = (JSON.parse(stdout) as JsonDocument).nodes[0];
    expect(statuses(node)).toMatchObject({
      'python.version': 'unknown',
      'patch.scanned': 'unknown',
      'network.s3': 'unknown',
      'os.supported': 'pass',
    });
  });

  it('takes --scan-age-days, --catalog and --lang', async () => {
    const lenient = JSON.parse(
      (await run('--json', '--catalog', 'seed-2022', ...NOW, '--scan-age-days', '30', ...V2)).stdout,
    ) as JsonDocument;
    expect(statuses(lenient.nodes[1])['patch.scan-age']).toBe('pass');
    const ja = JSON.parse((await run('--json', '--lang', 'ja', '--catalog', 'seed-2022', ...NOW, ...V2)).stdout) as JsonDocument;
    expect(ja.nodes[4]?.checks.find((check) => check.rule === 'os.supported')?.message).toBe(
      'CentOS 6.3 は Patch Manager で明示的にサポートされていません (CentOS 6.3)。',
    );
  });

  it('lists both editions by name in --help and evaluates under aws-2026-11, the default (issue 27)', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'catalog edition: aws-2026-11 (AWS page, November 2026), seed-2022 (Japanese page, 2022 (source document)) (default: "aws-2026-11")',
    );
    const doc = JSON.parse((await run('--json', ...NOW, ...V2)).stdout) as JsonDocument;
    expect(doc.catalog).toBe('aws-2026-11');
    expect(JSON.parse((await run('--json', '--catalog', 'aws-2026-11', ...NOW, ...V2)).stdout)).toEqual(doc);
    const check = (index: number, rule: string) => doc.nodes[index]?.checks.find((candidate) => candidate.rule === rule);
    // Amazon Linux 2, Ubuntu 20.04 and RHEL 8.6 stay listed; Windows Server 2008 R2 and CentOS are no longer.
    expect([0, 1, 2].map((index) => check(index, 'os.supported')?.status)).toEqual(['pass', 'pass', 'pass']);
    expect(check(3, 'os.supported')).toMatchObject({ status: 'fail', code: 'os.version-not-listed' });
    expect(check(3, 'agent.windows2008')).toMatchObject({ status: 'not_applicable', code: 'agent.windows2008.not-in-edition' });
    expect(check(4, 'os.supported')).toMatchObject({ status: 'fail', code: 'os.family-not-listed' });
  });

  it('prints a table with a column per rule and summary counts', async () => {
    const { code, stdout } = await run('--catalog', 'seed-2022', ...NOW, ...V2);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Catalog: seed-2022 (Japanese page, 2022 (source document))');
    expect(lines.find((line) => line.startsWith('i-0ddddddddddddddd4'))?.split(/\s{2,}/)).toEqual([
      'i-0ddddddddddddddd4',
      'Windows Server 2008 R2',
      'ok',
      'FAIL',
      'ok',
      '-',
      '-',
      'warn',
      'FAIL',
      'FAIL',
      'ok',
      'FAIL',
      'ok',
      'ok',
    ]);
    expect(stdout).toMatch(/i-0ddddddddddddddd4\s+FAIL\s+node\.online: The node is ConnectionLost/);
    expect(stdout).toMatch(
      /^5 nodes \(4 with failures, 3 with warnings\)\. Checks: pass 29, fail 9, warn 3, unknown 9, not_applicable 10$/m,
    );
  });

  it('exits 1 when --fail-on is met', async () => {
    expect((await run('--catalog', 'seed-2022', ...NOW, '--fail-on', 'fail', ...V2)).code).toBe(1);
    expect((await run('--catalog', 'seed-2022', ...NOW, '--fail-on', 'warn', ...V2)).code).toBe(1);
    const healthyOnly = tempDir('patch-audit-evaluate-');
    const file = join(healthyOnly, 'info.json');
    writeFileSync(
      file,
      JSON.stringify({
        InstanceInformationList: [
          {
            InstanceId: 'i-1',
            PingStatus: 'Online',
            AgentVersion: '3.1.0.0',
            PlatformType: 'Linux',
            PlatformName: 'Ubuntu',
            PlatformVersion: '20.04',
          },
        ],
      }),
    );
    // unknowns (no inventory, no patch state given) do not trigger --fail-on
    expect((await run(...NOW, '--fail-on', 'warn', file)).code).toBe(0);
  });

  it.each([
    ['not JSON', 'bad/not-json.txt', /bad\/not-json\.txt: not JSON/],
    ['empty', 'bad/empty.json', /bad\/empty\.json: the file is empty/],
    [
      'wrong shape',
      'bad/wrong-shape.json',
      /bad\/wrong-shape\.json: invalid aws ssm describe-instance-information output: InstanceInformationList\[0\]\.InstanceId/,
    ],
    [
      'unknown kind',
      'bad/unknown-kind.json',
      /bad\/unknown-kind\.json: unknown kind of file; expected one of the top-level keys InstanceInformationList/,
    ],
    ['bad timestamp', 'bad/bad-timestamp.json', /bad\/bad-timestamp\.json: invalid .*OperationEndTime: not a timestamp: "yesterday"/],
    ['missing', 'bad/no-such-file.json', /bad\/no-such-file\.json: cannot read the file \(ENOENT\)/],
  ])('exits 2 on a %s file, naming the file and the problem', async (_name, path, message) => {
    const { code, stdout, stderr } = await run(V2[0] as string, fixture(path));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 without an InstanceInformationList, on bad options, or on an unknown catalog', async () => {
    expect(await run(V2[1] as string)).toMatchObject({ code: 2, stderr: expect.stringMatching(/no InstanceInformationList/) });
    expect(await run('--now', 'yesterday', ...V2)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--now must be an ISO 8601 time/),
    });
    // Whole days 1–365, as the app's setting and `reevaluate` take them.
    for (const days of ['0', '0.5', '366', 'abc'])
      expect(await run('--scan-age-days', days, ...V2), days).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(/^patch-audit: --scan-age-days: must be a whole number of days from 1 to 365$/m),
      });
    expect(await run('--catalog', 'aws-2030', ...V2)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown catalog edition "aws-2030" \(available: aws-2026-11 \(AWS page, November 2026\), seed-2022/),
    });
    expect((await run('--lang', 'fr', ...V2)).code).toBe(2);
    expect((await run()).code).toBe(2);
  });

  // Issue 19: describe-instance-patches answers for one node without naming it; the file name does.
  it('reads a node’s describe-instance-patches file by its name, and refuses one that names no node', async () => {
    const dir = tempDir('pa-cli-patches-');
    const patches = {
      Patches: [{ Title: 'KB5037765 update', KBId: 'KB5037765', State: 'MISSING', Severity: 'Critical', CVEIds: 'CVE-2024-30080' }],
    };
    const unnamed = join(dir, 'patches.json');
    writeFileSync(unnamed, JSON.stringify(patches));
    expect(await run(...NOW, ...V2, unnamed)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/names no node; name the file after the node/),
    });
    const info = JSON.parse(readFileSync(V2[0] as string, 'utf8')) as { InstanceInformationList: { InstanceId: string }[] };
    const id = info.InstanceInformationList[0]!.InstanceId;
    const named = join(dir, `patches-${id}.json`);
    writeFileSync(named, JSON.stringify(patches));
    expect(await run('--json', ...NOW, ...V2, named)).toMatchObject({ code: 0, stderr: '' });
  });

  it('runs as the installed binary with the right exit codes', () => {
    const bin = fileURLToPath(new URL('../../../electron/cli/patch-audit.mjs', import.meta.url));
    const ok = spawnSync(process.execPath, [bin, 'evaluate', '--json', ...NOW, ...V2], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as JsonDocument).nodes).toHaveLength(5);
    const bad = spawnSync(process.execPath, [bin, 'evaluate', fixture('bad/unknown-kind.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^patch-audit: .*unknown-kind\.json: unknown kind of file/m); // m: on Node 20 the unsupported-Node line comes first
    const failing = spawnSync(process.execPath, [bin, 'evaluate', '--fail-on', 'fail', ...NOW, ...V2], { encoding: 'utf8' });
    expect(failing.status).toBe(1);
  });
});

/** Issue 30: the EC2 instances of the files that are not managed nodes, and their causes. */
describe('patch-audit evaluate: EC2 instances that are not managed nodes', () => {
  const coverage = (name: string) => fixture(`coverage/${name}.json`);
  const FLEET = ['describe-instance-information', 'describe-instances', 'describe-route-tables', 'describe-vpc-endpoints'].map(coverage);

  interface JsonUnmanaged {
    instanceId: string;
    state: string;
    hostManagement: string;
    causes: { cause: string; label: string; todo: string }[];
    unchecked: { check: string; text: string }[];
  }
  const unmanagedOf = (stdout: string) => (JSON.parse(stdout) as { unmanaged?: JsonUnmanaged[] }).unmanaged;
  const causes = (list: JsonUnmanaged[] | undefined) =>
    Object.fromEntries(list?.map((u) => [u.instanceId, u.causes.map((c) => c.cause)]) ?? []);

  it('lists each with its causes: a ConnectionLost node is managed, a terminated instance is not listed', async () => {
    const { code, stdout, stderr } = await run('--json', ...NOW, ...FLEET, coverage('get-service-setting-off'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const unmanaged = unmanagedOf(stdout);
    expect(causes(unmanaged)).toEqual({
      // No profile, Default Host Management Configuration off in ap-northeast-1, an isolated subnet.
      'i-0ccccccccccccccc3': ['noProfile', 'noRoute'],
      // Stopped in a public subnet: it released its auto-assigned public IP, and may get one when started.
      'i-0ddddddddddddddd4': ['stopped'],
    });
    expect(unmanaged?.map((u) => u.hostManagement)).toEqual(['off', 'off']);
    // Without the IAM files, a profile's role is unchecked.
    expect(unmanaged?.[1]?.unchecked.map((u) => u.check)).toEqual(['rolePolicy', 'route']);
    expect(unmanaged?.[0]?.causes[0]?.todo).toMatch(/AmazonSSMManagedInstanceCore/);
  });

  it("reads the attached policies of each profile's role from the IAM files, the role named by its file", async () => {
    const iam = [coverage('get-instance-profile-AppServer'), coverage('role-policies-AppServerRole')];
    const { code, stdout, stderr } = await run('--json', ...NOW, ...FLEET, coverage('get-service-setting-off'), ...iam);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const unmanaged = unmanagedOf(stdout);
    // AppServerRole has only AmazonS3ReadOnlyAccess: its instance cannot register once started either.
    expect(causes(unmanaged)['i-0ddddddddddddddd4']).toEqual(['stopped', 'roleWithoutPolicy']);
    expect(unmanaged?.find((u) => u.instanceId === 'i-0ddddddddddddddd4')?.unchecked.map((u) => u.check)).toEqual(['route']);

    // The profile without its role's file: the role's policies stay unknown, and the user is told which file is missing.
    const partial = await run('--json', ...NOW, ...FLEET, iam[0]!);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toMatch(/no list-attached-role-policies file for role\(s\) AppServerRole/);
    expect(
      unmanagedOf(partial.stdout)
        ?.find((u) => u.instanceId === 'i-0ddddddddddddddd4')
        ?.unchecked.map((u) => u.check),
    ).toContain('rolePolicy');
  });

  it('refuses a list-attached-role-policies file not named after its role, saying how to name it', async () => {
    const dir = tempDir('pa-evaluate-iam-');
    const unnamed = join(dir, 'attached.json');
    copyFileSync(coverage('role-policies-AppServerRole'), unnamed);
    const { code, stderr } = await run(...NOW, ...FLEET, unnamed);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(
      /attached\.json: a aws iam list-attached-role-policies output names no role; .*role-policies-MyInstanceRole\.json/,
    );
  });

  it('takes a denied or absent setting as unknown, never off, and a setting of another region as not this one’s', async () => {
    for (const extra of [[], [coverage('get-service-setting-other-region')]]) {
      const { code, stdout } = await run('--json', ...NOW, ...FLEET, ...extra);
      expect(code).toBe(0);
      const unmanaged = unmanagedOf(stdout);
      expect(causes(unmanaged)['i-0ccccccccccccccc3']).toEqual(['noRoute']);
      expect(unmanaged?.[0]?.hostManagement).toBe('unknown');
      expect(unmanaged?.[0]?.unchecked.map((u) => u.check)).toEqual(['hostManagement']);
    }
  });

  it('reads describe-instances without the route files: the routes are unknown, the instances still listed', async () => {
    const { stdout, stderr } = await run('--json', ...NOW, coverage('describe-instance-information'), coverage('describe-instances'));
    expect(stderr).toMatch(/network checks need Reservations, RouteTables, VpcEndpoints together/);
    const unmanaged = unmanagedOf(stdout);
    expect(unmanaged?.map((u) => u.instanceId)).toEqual(['i-0ccccccccccccccc3', 'i-0ddddddddddddddd4']);
    for (const u of unmanaged ?? []) expect(u.unchecked.map((c) => c.check)).toContain('route');
  });

  it('has no unmanaged list without describe-instances: nothing is known of the instances', async () => {
    const { stdout } = await run('--json', ...NOW, coverage('describe-instance-information'));
    expect(unmanagedOf(stdout)).toBeUndefined();
  });

  it('prints them after the nodes in either language, with what to do', async () => {
    const en = await run(...NOW, ...FLEET, coverage('get-service-setting-off'));
    expect(en.stdout).toContain('EC2 instances not managed by Systems Manager (2; Patch Manager cannot patch them):');
    expect(en.stdout).toMatch(
      /i-0ccccccccccccccc3 {2}batch {2}running {2}No instance profile, host management off, No route to Systems Manager/,
    );
    const ja = await run('--lang', 'ja', ...NOW, ...FLEET, coverage('get-service-setting-off'));
    expect(ja.stdout).toContain('Systems Manager で管理されていない EC2 インスタンス (2、Patch Manager はパッチを適用できません):');
    expect(ja.stdout).toContain('対処: ');
  });
});
