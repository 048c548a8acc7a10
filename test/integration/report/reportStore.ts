/**
 * A store with three weekly audits of realistic nodes evaluated by the real rules engine, and
 * hostile node names (markup, spreadsheet formulas, Japanese) to prove escaping end to end.
 */
import { getCatalog } from '../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
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

export interface ReportStore {
  store: Store;
  /** Snapshot ids, oldest first. */
  ids: number[];
}

/** Week by week the fleet grows and patches land; the last audit has one failed scope. */
export function reportStore(nodes = 60): ReportStore {
  const store = openStore({ path: ':memory:' });
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
    ids.push(store.saveSnapshot(evaluated(input)));
  }
  return { store, ids };
}
