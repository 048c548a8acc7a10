/**
 * EC2 coverage's calls at scale (issue 30 item 5): one account × region holding 10,000 EC2
 * instances, most of them not managed nodes. The coverage sources must cost per page and per
 * distinct instance profile, never per instance: DescribeInstances in pages of 1,000,
 * GetServiceSetting once, and for each distinct profile of an unmanaged instance one
 * GetInstanceProfile and its role's ListAttachedRolePolicies pages (one: the simulated roles hold
 * fewer than the 1,000 policies a page takes).
 */
import { runAudit } from '../../electron/core/audit/runAudit';
import { openStore } from '../../electron/core/store';
import { startSimulator, unmanagedInstances } from '../../electron/core/sim';
import { getCatalog } from '../../shared/catalog';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './figures';

const REGION = 'eu-west-1';
/** A round trip in-region: calls in series would show as time, calls per instance as both. */
const LATENCY_MS = 20;

export async function benchCoverage(instances: number): Promise<Figure[]> {
  const managed = Math.round(instances * 0.02);
  const sim = await startSimulator({
    fleetOptions: {
      seed: 'bench-coverage',
      accounts: 1,
      regions: [REGION],
      nodesPerRegion: managed,
      unmanagedPerRegion: instances - managed,
    },
    faults: [{ latencyMs: LATENCY_MS }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-coverage-'));
  const store = openStore({ path: join(dir, 'bench.sqlite') });
  try {
    const account = sim.fleet().accounts[0]!;
    const region = account.regions[REGION]!;
    const unmanaged = unmanagedInstances(region);
    const ec2 = region.nodes.filter((n) => n.ec2).length + unmanaged.length;
    const profileNames = new Set(unmanaged.flatMap((i) => (i.instanceProfile ? [i.instanceProfile] : [])));
    const profiles = account.iam.instanceProfiles.filter((p) => profileNames.has(p.name));
    const roles = new Set(profiles.flatMap((p) => (p.roleName ? [p.roleName] : [])));
    const rolePages = [...roles].reduce(
      (n, name) => n + Math.max(1, Math.ceil((account.iam.roles.find((r) => r.name === name)?.attachedPolicyArns.length ?? 0) / 1000)),
      0,
    );
    // DescribeInstances also lists the terminated instances it still shows (under an hour old).
    const listed = region.nodes.filter((n) => n.ec2).length + region.otherInstances.length;
    const bound = Math.ceil(listed / 1000) + 1 + profiles.length + rolePages;
    const credentials = sim.credentials[0]!;
    sim.resetCounters();
    const t = performance.now();
    const outcome = await runAudit(
      { regions: [REGION], targets: { kind: 'self' } },
      {
        clientOptions: { endpoint: sim.url },
        credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
        saveSnapshot: (input) => store.saveSnapshot(input),
        catalog: getCatalog('aws-2026-11')!,
        scanAgeDays: 7,
      },
    );
    const wallMs = performance.now() - t;
    const calls = sim.counters().calls;
    const coverageCalls = [
      'EC2.DescribeInstances',
      'SSM.GetServiceSetting',
      'IAM.GetInstanceProfile',
      'IAM.ListAttachedRolePolicies',
    ].reduce((n, action) => n + (calls[action] ?? 0), 0);
    const figures = store.figureInput(outcome.snapshotId!);
    const counted = figures.areas.reduce((n, a) => n + a.ec2Instances, 0);
    const group = `EC2 coverage, ${ec2.toLocaleString('en')} instances in one scope`;
    return [
      { group, name: 'EC2 instances counted ÷ instances in the fleet', value: counted / ec2, unit: '', target: 1 },
      {
        group,
        name: "coverage calls ÷ (⌈listed/1,000⌉ + 1 + distinct profiles + their roles' policy pages)",
        value: coverageCalls / bound,
        unit: '',
        target: 1.1,
      },
      { group, name: 'coverage calls', value: coverageCalls, unit: 'calls' },
      { group, name: 'distinct instance profiles of unmanaged instances', value: profiles.length, unit: 'profiles' },
      { group, name: 'audit wall time (20 ms a call)', value: wallMs / 1000, unit: 's' },
    ];
  } finally {
    store.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
