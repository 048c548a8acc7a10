import { getCatalog } from '../../shared/catalog';
import type { CatalogEdition } from '../../shared/catalog/schema';
import { evaluateNode } from '../../shared/evaluate';
import type { Check, NodeFacts, RuleId } from '../../shared/model';

export const SEED = getCatalog('seed-2022') as CatalogEdition;
export const NOW = new Date('2022-06-15T00:00:00Z');

/** A healthy EC2 Ubuntu 20.04 node with every source read; tests override what they examine. */
export function nodeFacts(overrides: Partial<NodeFacts> = {}): NodeFacts {
  return {
    accountId: '111122223333',
    region: 'ap-northeast-1',
    instanceId: 'i-0123456789abcdef0',
    resourceType: 'EC2Instance',
    sourceType: 'AWS::EC2::Instance',
    pingStatus: 'Online',
    agentVersion: '3.1.1188.0',
    isLatestVersion: true,
    platformType: 'Linux',
    platformName: 'Ubuntu',
    platformVersion: '20.04',
    patchState: {
      operation: 'Scan',
      operationStartTime: '2022-06-13T23:50:00.000Z',
      operationEndTime: '2022-06-14T00:00:00.000Z',
      installedCount: 100,
      installedPendingRebootCount: 0,
      missingCount: 0,
      failedCount: 0,
    },
    inventory: [{ name: 'python3', version: '3.8.2-0ubuntu2' }],
    network: {
      vpcId: 'vpc-1',
      subnetId: 'subnet-1',
      routeTableId: 'rtb-1',
      routes: [
        { destination: '10.0.0.0/16', target: 'local', targetId: 'local', state: 'active' },
        { destination: '0.0.0.0/0', target: 'nat-gateway', targetId: 'nat-1', state: 'active' },
      ],
      vpcEndpoints: [],
    },
    sources: { patchState: 'ok', inventory: 'ok', network: 'ok' },
    ...overrides,
  };
}

export function check(facts: NodeFacts, rule: RuleId, options: { catalog?: CatalogEdition; scanAgeDays?: number; now?: Date } = {}): Check {
  const checks = evaluateNode(facts, { catalog: options.catalog ?? SEED, now: options.now ?? NOW, scanAgeDays: options.scanAgeDays ?? 7 });
  const found = checks.find((candidate) => candidate.rule === rule);
  if (!found) throw new Error(`no check for ${rule}`);
  return found;
}
