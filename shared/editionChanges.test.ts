import { describe, expect, it } from 'vitest';
import { nodeFacts, NOW, SEED } from '../test/unit/nodeFactsFixture';
import { getCatalog } from './catalog';
import type { CatalogEdition } from './catalog/schema';
import { editionChanges } from './editionChanges';
import type { NodeFacts } from './model';

const AWS = getCatalog('aws-2026-11') as CatalogEdition;

const node = (instanceId: string, accountId: string, overrides: Partial<NodeFacts>) => ({
  row: { accountId, region: 'us-east-1', instanceId, name: null },
  facts: nodeFacts({ instanceId, accountId, ...overrides }),
});

const FLEET = [
  node('i-al2023', '111111111111', {
    platformName: 'Amazon Linux',
    platformVersion: '2023',
    inventory: [{ name: 'python3', version: '3.9.16-1.amzn2023.0.4' }],
  }),
  node('i-jammy', '111111111111', {
    platformName: 'Ubuntu',
    platformVersion: '22.04',
    inventory: [{ name: 'python3', version: '3.10.12-1~22.04' }],
  }),
  node('i-focal', '111111111111', { platformName: 'Ubuntu', platformVersion: '20.04' }),
  node('i-win2008', '222222222222', {
    platformType: 'Windows',
    platformName: 'Microsoft Windows Server 2008 R2 Datacenter',
    platformVersion: '6.1.7601',
    agentVersion: '2.3.1644.0',
    inventory: [],
  }),
  node('i-raspbian', '222222222222', { platformName: 'Raspbian GNU/Linux', platformVersion: '10' }),
];

const compare = (limit?: number) =>
  editionChanges(FLEET, { snapshotId: 7, from: SEED, to: AWS, now: NOW, scanAgeDays: 7, ...(limit ? { limit } : {}) });

describe('editionChanges (seed-2022 → aws-2026-11)', () => {
  it('names the checks the edition alone changes, node by node', () => {
    const changes = compare().changes.map((c) => `${c.instanceId} ${c.rule} ${c.before}→${c.after} (${c.afterCode})`);
    expect(changes).toEqual([
      'i-al2023 os.supported fail→pass (os.supported)',
      'i-jammy os.supported fail→pass (os.supported)',
      'i-jammy python.version fail→pass (python.ok)',
      'i-win2008 agent.windows2008 warn→not_applicable (agent.windows2008.not-in-edition)',
      'i-win2008 os.supported pass→fail (os.version-not-listed)',
      'i-raspbian os.supported pass→fail (os.family-not-listed)',
    ]);
  });

  it('counts ready nodes under each edition, in total, per platform and per account', () => {
    const result = compare();
    expect(result).toMatchObject({ snapshotId: 7, from: 'seed-2022', to: 'aws-2026-11' });
    expect(result.totals).toEqual({ nodes: 5, changedNodes: 4, changedChecks: 6, readyBefore: 3, readyAfter: 3 });
    expect(result.byAccount).toEqual([
      { accountId: '111111111111', nodes: 3, changedNodes: 2, readyBefore: 1, readyAfter: 3 },
      { accountId: '222222222222', nodes: 2, changedNodes: 2, readyBefore: 2, readyAfter: 0 },
    ]);
    expect(result.byPlatform.map((p) => [p.platform, p.changedNodes, p.readyBefore, p.readyAfter])).toEqual([
      ['Amazon Linux 2023', 1, 0, 1],
      ['Raspberry Pi OS 10', 1, 1, 0],
      ['Ubuntu Server 22.04', 1, 0, 1],
      ['Windows Server 2008 R2', 1, 1, 0],
    ]);
  });

  it('groups changes per rule (in rule order) by transition, most frequent first, and cuts the list only', () => {
    const result = compare(2);
    expect(result.byRule).toEqual([
      { rule: 'agent.windows2008', changed: 1, transitions: [{ before: 'warn', after: 'not_applicable', nodes: 1 }] },
      {
        rule: 'os.supported',
        changed: 4,
        transitions: [
          { before: 'pass', after: 'fail', nodes: 2 },
          { before: 'fail', after: 'pass', nodes: 2 },
        ],
      },
      { rule: 'python.version', changed: 1, transitions: [{ before: 'fail', after: 'pass', nodes: 1 }] },
    ]);
    expect(result.changes).toHaveLength(2);
    expect(result.totals.changedChecks).toBe(6);
  });

  it('finds nothing to change between an edition and itself', () => {
    const same = editionChanges(FLEET, { snapshotId: 7, from: AWS, to: AWS, now: NOW, scanAgeDays: 7 });
    expect(same.changes).toEqual([]);
    expect(same.byRule).toEqual([]);
    expect(same.totals.changedNodes).toBe(0);
  });
});
