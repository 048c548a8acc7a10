/**
 * A store with three weekly audits of realistic nodes evaluated by the real rules engine, and
 * hostile node names (markup, spreadsheet formulas, Japanese) to prove escaping end to end.
 */
import { getCatalog } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import type { HostManagement, PlacedUnmanagedInstance } from '../../../shared/ec2Coverage';
import type { SnapshotInput } from '../../../shared/model';
import { openStore, type Store } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';

export const HOSTILE_NAMES = ['<script>alert("x")</script>', '=HYPERLINK("http://evil.example","click")', '本番ウェブサーバー 01'] as const;
/** A patch title as hostile as a node name: patch titles come from the client's repositories. */
export const HOSTILE_PATCH_TITLE = '<script>alert("patch")</script>';

const WEEK = 7 * 86_400_000;
export const FIRST_AUDIT = '2026-03-02T01:00:00.000Z';

function evaluated(input: SnapshotInput): SnapshotInput {
  const catalog = getCatalog('seed-2022')!;
  const now = new Date(input.startedAt);
  return {
    ...input,
    nodes: input.nodes.map(({ facts }) => ({
      facts,
      checks: evaluateNode(facts, { catalog, now, scanAgeDays: 7 }),
      platform: platformOf(facts),
    })),
  };
}

/** A Name tag as hostile as a node name: EC2 tags are the client's text too. */
export const HOSTILE_INSTANCE_NAME = '<img src=x onerror="alert(1)">';
/** Unmanaged instances whose cause cannot be told: more than the report prints per cause. */
export const NOT_DETERMINED_INSTANCES = 30;

const PROFILE = 'arn:aws:iam::111111111111:instance-profile/app';
const HOST_MANAGEMENT: Record<string, HostManagement> = {
  '111111111111/ap-northeast-1': 'off',
  '222222222222/us-east-1': 'unknown',
};

/**
 * Issue 30: from the second audit on, every regional scope's EC2 instances are read and some are
 * not managed nodes, one of each cause (and a stopped one, and one whose route is unchecked),
 * and `NOT_DETERMINED_INSTANCES` in one area; the first audit predates the check.
 */
export function unmanagedFixture(): PlacedUnmanagedInstance[] {
  const at = { accountId: '111111111111', region: 'ap-northeast-1' } as const;
  const base = { route: 'yes', rolePolicy: 'unknown', platform: 'Linux/UNIX', vpcId: 'vpc-1', subnetId: 'subnet-1' } as const;
  const fixed: PlacedUnmanagedInstance[] = [
    { ...at, ...base, instanceId: 'i-0a00000000000001', name: HOSTILE_INSTANCE_NAME, state: 'stopped' },
    { ...at, ...base, instanceId: 'i-0a00000000000002', name: HOSTILE_NAMES[1], state: 'running' },
    { ...at, ...base, instanceId: 'i-0a00000000000003', state: 'running', instanceProfileArn: PROFILE, rolePolicy: 'missing' },
    {
      ...at,
      ...base,
      instanceId: 'i-0a00000000000004',
      state: 'running',
      instanceProfileArn: PROFILE,
      rolePolicy: 'attached',
      route: 'no',
    },
    {
      ...at,
      ...base,
      instanceId: 'i-0a00000000000005',
      state: 'running',
      instanceProfileArn: PROFILE,
      rolePolicy: 'attached',
      route: 'unknown',
    },
  ];
  const undetermined = Array.from({ length: NOT_DETERMINED_INSTANCES }, (_, i): PlacedUnmanagedInstance => ({
    ...base,
    accountId: '222222222222',
    region: 'ap-northeast-1',
    instanceId: `i-0b${String(i).padStart(14, '0')}`,
    name: `batch-${i}`,
    state: 'running',
    instanceProfileArn: PROFILE,
    rolePolicy: 'attached',
    platform: 'Windows',
  }));
  return [...fixed, ...undetermined];
}

function withCoverage(input: SnapshotInput): SnapshotInput {
  const unmanaged = unmanagedFixture();
  const key = (accountId: string, region: string | null): string => `${accountId}/${region}`;
  const count = (list: ReadonlyArray<{ accountId: string; region: string | null }>, k: string): number =>
    list.filter((x) => key(x.accountId, x.region) === k).length;
  const nodes = input.nodes.map((n) => n.facts);
  return {
    ...input,
    unmanaged,
    scopes: input.scopes.map((s) => {
      if (s.region === null || s.status !== 'ok') return s;
      const k = key(s.accountId, s.region);
      // Nodes of the area that are EC2 instances (hybrid nodes are mi-) plus its unmanaged instances.
      const ec2Instances =
        nodes.filter((f) => key(f.accountId, f.region) === k && f.instanceId.startsWith('i-')).length + count(unmanaged, k);
      return { ...s, coverage: { ec2Instances, hostManagement: HOST_MANAGEMENT[k] ?? 'on' } };
    }),
  };
}

export interface ReportStore {
  store: Store;
  /** Snapshot ids, oldest first. */
  ids: number[];
}

/** Week by week the fleet grows and patches land; the last audit has one failed scope. */
export function reportStore(nodes = 60, path = ':memory:'): ReportStore {
  const store = openStore({ path });
  const ids: number[] = [];
  for (let week = 0; week < 3; week++) {
    const startedAt = new Date(Date.parse(FIRST_AUDIT) + week * WEEK).toISOString();
    const input = makeSnapshot({
      nodes: nodes + week * 6,
      seed: 11,
      startedAt,
      accounts: ['111111111111', '222222222222'],
      regions: ['ap-northeast-1', 'us-east-1'],
      patches: {},
    });
    input.client = 'Example <Client> 株式会社';
    input.engagement = 'FY2026 パッチ監査';
    input.nodes.forEach((n, i) => {
      const name = HOSTILE_NAMES[i];
      if (name) n.facts.name = name;
      for (const patch of n.facts.patches ?? []) if (patch.title === 'curl') patch.title = HOSTILE_PATCH_TITLE;
      // Weekly patching: a growing share of nodes is brought to zero missing patches.
      if (n.facts.patchState && i % 3 < week) {
        n.facts.patches = n.facts.patches?.filter((p) => p.state === 'InstalledPendingReboot');
        Object.assign(n.facts.patchState, {
          missingCount: 0,
          failedCount: 0,
          criticalNonCompliantCount: 0,
          securityNonCompliantCount: 0,
          otherNonCompliantCount: 0,
        });
      }
    });
    if (week === 2) {
      input.status = 'partial';
      input.scopes.push({
        accountId: '333333333333',
        region: 'eu-west-1',
        status: 'failed',
        error: 'Cannot assume arn:aws:iam::333333333333:role/PatchAuditRole: <AccessDenied>',
        nodes: 0,
        calls: 1,
        throttles: 0,
        gaps: [],
      });
      const first = input.scopes[0];
      if (first) {
        first.gaps = ['ssm:GetInventory'];
        // The denied inventory leaves Python unverified there: nodes neither ready nor not ready.
        for (const n of input.nodes)
          if (n.facts.accountId === first.accountId && n.facts.region === first.region) {
            delete n.facts.inventory;
            n.facts.sources.inventory = 'denied';
          }
      }
      // One area could not list its nodes' patches: they are unknown, not patched.
      for (const n of input.nodes)
        if (n.facts.accountId === '222222222222' && n.facts.region === 'us-east-1') {
          delete n.facts.patches;
          n.facts.sources.patches = 'denied';
        }
    }
    ids.push(store.saveSnapshot(evaluated(week === 0 ? input : withCoverage(input))));
  }
  return { store, ids };
}
