import { describe, expect, it } from 'vitest';
import { NOW, SEED, nodeFacts } from '../test/unit/nodeFactsFixture';
import { CATALOG_EDITIONS, defineCatalog } from './catalog';
import { evaluateNode } from './evaluate';
import { MESSAGE_CODES, messageFor, remediationFor } from './messages';
import { Check, type NodeFacts, RULE_IDS } from './model';

const options = { catalog: SEED, now: NOW, scanAgeDays: 7 };

/** A fleet touching every branch of every rule. */
const FLEET: NodeFacts[] = [
  nodeFacts(),
  nodeFacts({
    agentVersion: '2.0.800.0',
    isLatestVersion: false,
    platformName: 'CentOS',
    platformVersion: '6.3',
    inventory: [{ name: 'python', version: '2.5.1' }],
  }),
  nodeFacts({
    agentVersion: '3.0.1124.0',
    isLatestVersion: false,
    platformName: 'Amazon Linux AMI',
    platformVersion: '2018.03',
    pingStatus: 'ConnectionLost',
    patchState: null,
  }),
  nodeFacts({ agentVersion: undefined, platformName: 'AlmaLinux', platformVersion: '8.6', pingStatus: undefined, inventory: null }),
  nodeFacts({ platformName: 'Ubuntu', platformVersion: '22.04', inventory: [{ name: 'python', version: '2.7.18' }] }),
  nodeFacts({ platformName: 'Ubuntu', platformVersion: 'NotAvailable', inventory: [] }),
  nodeFacts({ platformType: 'Linux', platformName: 'Gentoo', platformVersion: '2.8', inventory: [{ name: 'python', version: '2.7.18' }] }),
  nodeFacts({
    platformType: 'MacOS',
    platformName: 'macOS',
    platformVersion: '11.4',
    inventory: [],
    sources: { patchState: 'denied', inventory: 'error', network: 'not_collected' },
  }),
  // A hybrid Mac in aws-2026-11's range: supported on EC2 only (issue 27).
  nodeFacts({
    instanceId: 'mi-0fedcba9876543210',
    resourceType: 'ManagedInstance',
    platformType: 'MacOS',
    platformName: 'macOS',
    platformVersion: '14.6.1',
  }),
  nodeFacts({
    instanceId: 'mi-0123456789abcdef0',
    sourceType: 'AWS::IoT::Thing',
    resourceType: 'ManagedInstance',
    platformType: 'Windows',
    platformName: 'Microsoft Windows 10 Enterprise',
    platformVersion: '10.0.19044',
  }),
  nodeFacts({
    sourceType: 'AWS::IoT::Thing',
    platformType: 'Windows',
    platformName: 'NotAvailable',
    platformVersion: '10.0.19044',
    network: null,
  }),
  nodeFacts({
    sourceType: 'AWS::IoT::Thing',
    instanceId: 'mi-0bbbbbbbbbbbbbbbb',
    platformName: 'Raspbian GNU/Linux',
    platformVersion: '10',
  }),
  ...[
    ['2.3.1644.0', undefined],
    ['3.0.1124.0', { vpcId: 'vpc-1', subnetId: 'subnet-1', routeTableId: 'rtb-1', routes: [], vpcEndpoints: [] }],
    [undefined, { routes: [{ destination: '0.0.0.0/0', target: 'transit-gateway', targetId: 'tgw-1' }], vpcEndpoints: [] }],
  ].map(([agentVersion, network]) =>
    nodeFacts({
      agentVersion: agentVersion as string | undefined,
      platformType: 'Windows',
      platformName: 'Microsoft Windows Server 2008 R2 Datacenter',
      platformVersion: '6.1.7601',
      ...(network ? { network: network as NodeFacts['network'] } : {}),
      patchState: {
        operation: 'Install',
        operationStartTime: '2022-01-01T00:00:00Z',
        missingCount: 4,
        failedCount: 1,
        installedPendingRebootCount: 2,
      },
    }),
  ),
  nodeFacts({
    network: { routes: [], vpcEndpoints: [{ id: 'vpce-1', serviceName: 'com.amazonaws.ap-northeast-1.s3', type: 'Interface' }] },
  }),
  nodeFacts({
    network: {
      routeTableId: 'rtb-1',
      routes: [{ destination: '0.0.0.0/0', target: 'igw', targetId: 'igw-1' }],
      vpcEndpoints: [{ id: 'vpce-2', serviceName: 'com.amazonaws.ap-northeast-1.s3', type: 'Gateway', routeTableIds: ['rtb-1'] }],
    },
  }),
  nodeFacts({
    network: { routeTableId: 'rtb-1', routes: [{ destination: '0.0.0.0/0', target: 'igw', targetId: 'igw-1' }], vpcEndpoints: [] },
  }),
  nodeFacts({
    network: {
      routes: [],
      vpcEndpoints: [{ id: 'vpce-3', serviceName: 'com.amazonaws.ap-northeast-1.s3', type: 'Interface', privateDnsEnabled: false }],
    },
  }),
  nodeFacts({ patchState: { operation: 'Scan' } }),
  // Nothing left to install, but a reboot pending: NON_COMPLIANT by AWS's rule.
  nodeFacts({
    patchState: {
      operation: 'Install',
      operationStartTime: '2022-01-01T00:00:00Z',
      missingCount: 0,
      failedCount: 0,
      installedPendingRebootCount: 1,
    },
  }),
  nodeFacts({ network: null, pingStatus: 'Inactive' }),
  nodeFacts({ platformType: 'Linux', platformName: 'Mac OS X', platformVersion: '10.15.7', inventory: [] }),
];

describe('evaluateNode', () => {
  it('returns exactly one valid Check per rule id, in RULE_IDS order', () => {
    for (const facts of FLEET) {
      const checks = evaluateNode(facts, options);
      expect(checks.map((check) => check.rule)).toEqual([...RULE_IDS]);
      for (const check of checks) expect(() => Check.parse(check)).not.toThrow();
    }
  });

  it('never passes a check without evidence', () => {
    for (const facts of FLEET) {
      for (const check of evaluateNode(facts, options)) {
        if (check.status === 'pass') expect(Object.keys(check.evidence).length, check.rule).toBeGreaterThan(0);
      }
    }
  });

  // Under every registered edition: some codes exist for one edition's data only (aws-2026-11 has no Windows Server 2008 rule).
  it('reaches every message code, and every message resolves all its placeholders in both languages', () => {
    const seen = new Set<string>();
    const runs = CATALOG_EDITIONS.flatMap((catalog) => FLEET.map((facts) => evaluateNode(facts, { ...options, catalog })));
    for (const checks of runs) {
      for (const check of checks) {
        seen.add(check.code);
        for (const lang of ['en', 'ja'] as const) {
          expect(messageFor(check, lang), `${check.code} ${lang}`).not.toMatch(/\{\w+\}/);
          const fix = remediationFor(check, lang);
          if (fix !== undefined) expect(fix, `${check.code} fix ${lang}`).not.toMatch(/\{\w+\}/);
          if (check.status === 'fail' || check.status === 'warn' || check.status === 'unknown')
            expect(fix, `${check.code} needs a fix`).toBeTruthy();
        }
      }
    }
    expect([...MESSAGE_CODES].filter((code) => !seen.has(code))).toEqual([]);
  });

  it('evaluates with another edition given as data alone', () => {
    const next = defineCatalog({
      ...SEED,
      id: 'test-2024',
      agent: { ...SEED.agent, minimum: '3.2.0.0' },
      os: [
        ...SEED.os,
        {
          family: 'amazon-linux-2023',
          label: 'Amazon Linux 2023',
          versions: [{ from: '2023', to: '2023' }],
          source: { rule: 'P5', quote: 'Amazon Linux 2023' },
        },
      ],
      python: { ...SEED.python, range: { from: '2.6', to: '3.11' } },
    });
    const al2023 = nodeFacts({
      agentVersion: '3.1.1188.0',
      platformName: 'Amazon Linux',
      platformVersion: '2023',
      inventory: [{ name: 'python3', version: '3.11.2-2.amzn2023' }],
    });
    const bySeed = Object.fromEntries(evaluateNode(al2023, options).map((check) => [check.rule, check.status]));
    const byNext = Object.fromEntries(evaluateNode(al2023, { ...options, catalog: next }).map((check) => [check.rule, check.status]));
    expect([bySeed['os.supported'], bySeed['python.version'], bySeed['agent.version']]).toEqual(['fail', 'fail', 'pass']);
    expect([byNext['os.supported'], byNext['python.version'], byNext['agent.version']]).toEqual(['pass', 'pass', 'fail']);
  });
});
