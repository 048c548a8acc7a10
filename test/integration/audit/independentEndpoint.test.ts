/**
 * Issue 19 against an AWS-shaped endpoint written here from the API reference, independent of the
 * simulator (so the two cannot share a misreading): three managed nodes, one compliant, one with
 * missing patches and CVE ids, one with a failed and a pending-reboot patch over two pages. The
 * audit must ask DescribeInstancePatches for the two non-compliant nodes only, once per page, with
 * the State filter, and keep what the answers say. A fourth node is deregistered in between: its
 * InvalidInstanceId is that node's loss alone.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../../electron/core/audit/runAudit';
import { getCatalog } from '../../../shared/catalog';
import { tempStore } from './auditHarness';

const ACCOUNT = '123456789012';
const NODES = ['mi-0aaaaaaaaaaaaaaa1', 'mi-0aaaaaaaaaaaaaaa2', 'mi-0aaaaaaaaaaaaaaa3'];
/** Deregistered between the node list and its patch detail: AWS answers InvalidInstanceId. */
const GONE = 'mi-0aaaaaaaaaaaaaaa4';
const state = (id: string, missing: number, failed: number, pendingReboot: number) => ({
  InstanceId: id,
  BaselineId: 'pb-0123456789abcdef0',
  Operation: 'Scan',
  OperationStartTime: 1764633600,
  OperationEndTime: 1764633900,
  InstalledCount: 40,
  MissingCount: missing,
  FailedCount: failed,
  InstalledPendingRebootCount: pendingReboot,
  CriticalNonCompliantCount: missing,
});
/** DescribeInstancePatches answers per node: pages of `Patches`, as the API reference shows them. */
const PATCHES: Record<string, object[][]> = {
  [NODES[1]!]: [
    [
      {
        Title: '2024-05 Cumulative Update for Windows Server 2019 (KB5037765)',
        KBId: 'KB5037765',
        Classification: 'SecurityUpdates',
        Severity: 'Critical',
        State: 'MISSING',
        InstalledTime: 0,
        CVEIds: 'CVE-2024-30080,CVE-2024-30040',
      },
      {
        Title: '2024-04 Security Update (KB5036896)',
        KBId: 'KB5036896',
        Classification: 'SecurityUpdates',
        Severity: 'Critical',
        State: 'MISSING',
        InstalledTime: 0,
        CVEIds: 'CVE-2024-26234',
      },
    ],
  ],
  [NODES[2]!]: [
    [
      {
        Title: 'openssl.x86_64:1:3.0.8-1.amzn2023.0.12',
        KBId: 'openssl.x86_64',
        Classification: 'Security',
        Severity: 'Important',
        State: 'FAILED',
        InstalledTime: 0,
        CVEIds: 'CVE-2024-5535',
      },
    ],
    [
      {
        Title: 'kernel.x86_64:0:6.1.90-99.173',
        KBId: 'kernel.x86_64',
        Classification: 'Security',
        Severity: 'Important',
        State: 'INSTALLED_PENDING_REBOOT',
        InstalledTime: 1764633900,
      },
    ],
  ],
};

interface Call {
  operation: string;
  body: Record<string, unknown>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function ssmAnswer(operation: string, body: Record<string, unknown>): object {
  switch (operation) {
    case 'DescribeInstanceInformation':
      return {
        InstanceInformationList: [...NODES, GONE].map((id, i) => ({
          InstanceId: id,
          PingStatus: 'Online',
          AgentVersion: '3.3.40.0',
          PlatformType: i === 2 ? 'Linux' : 'Windows',
          PlatformName: i === 2 ? 'Amazon Linux' : 'Microsoft Windows Server 2019 Datacenter',
          PlatformVersion: i === 2 ? '2023' : '10.0.17763',
          ResourceType: 'ManagedInstance',
          ComputerName: `host-${i}`,
        })),
      };
    case 'DescribeInstancePatchStates':
      return {
        InstancePatchStates: [state(NODES[0]!, 0, 0, 0), state(NODES[1]!, 2, 0, 0), state(NODES[2]!, 0, 1, 1), state(GONE, 1, 0, 0)],
      };
    case 'DescribeInstancePatches': {
      const pages = PATCHES[String(body.InstanceId)] ?? [[]];
      const page = Number(body.NextToken ?? 0);
      return { Patches: pages[page], ...(page + 1 < pages.length ? { NextToken: String(page + 1) } : {}) };
    }
    case 'GetInventory':
      return { Entities: [] };
    case 'DescribePatchBaselines':
      return { BaselineIdentities: [] };
    case 'DescribePatchGroups':
      return { Mappings: [] };
    case 'ListAssociations':
      return { Associations: [] };
    case 'DescribeMaintenanceWindows':
      return { WindowIdentities: [] };
    default:
      return {};
  }
}

const STS_IDENTITY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

/** Every regional scope reads its EC2 instances (issue 30); this hybrid fleet has none (API_DescribeInstances' empty answer). */
const EC2_NO_INSTANCES = `<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>0</requestId><reservationSet/></DescribeInstancesResponse>`;

describe('patch detail from an independent AWS-shaped endpoint', () => {
  let server: Server;
  let url: string;
  const calls: Call[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((text) => {
        const target = String(req.headers['x-amz-target'] ?? '');
        if (target.startsWith('AmazonSSM.')) {
          const operation = target.slice('AmazonSSM.'.length);
          const body = JSON.parse(text || '{}') as Record<string, unknown>;
          calls.push({ operation, body });
          if (operation === 'DescribeInstancePatches' && body.InstanceId === GONE) {
            res
              .writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
              .end(JSON.stringify({ __type: 'InvalidInstanceId', message: `Instance Id ${GONE} is not valid.` }));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(ssmAnswer(operation, body)));
        } else if (/(?:^|&)Action=GetCallerIdentity(?:&|$)/.test(text)) {
          res.writeHead(200, { 'content-type': 'text/xml' }).end(STS_IDENTITY);
        } else if (/(?:^|&)Action=DescribeInstances(?:&|$)/.test(text)) {
          res.writeHead(200, { 'content-type': 'text/xml' }).end(EC2_NO_INSTANCES);
        } else {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'UnknownOperationException' }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks for the detail of the non-compliant nodes only, page by page, and keeps their patches and CVE ids', async () => {
    const store = tempStore();
    const outcome = await runAudit(
      { regions: ['us-east-1'], targets: { kind: 'self' } },
      {
        clientOptions: { endpoint: url, maxAttempts: 1, requestTimeoutMs: 3000 },
        credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example-secret' },
        saveSnapshot: (input) => store.saveSnapshot(input),
        catalog: getCatalog('seed-2022')!,
        scanAgeDays: 3650,
        log: () => {},
      },
    );
    expect(outcome.status).toBe('complete');
    const detailCalls = calls.filter((c) => c.operation === 'DescribeInstancePatches');
    expect(detailCalls.map((c) => [c.body.InstanceId, c.body.NextToken ?? null])).toEqual(
      expect.arrayContaining([
        [NODES[1], null],
        [NODES[2], null],
        [NODES[2], '1'],
        [GONE, null],
      ]),
    );
    expect(detailCalls).toHaveLength(4);
    for (const call of detailCalls) {
      expect(call.body.Filters).toEqual([{ Key: 'State', Values: ['Missing', 'Failed', 'InstalledPendingReboot'] }]);
      expect(call.body.MaxResults).toBeGreaterThanOrEqual(10);
      expect(call.body.MaxResults).toBeLessThanOrEqual(100);
    }
    const facts = new Map(store.loadSnapshotInput(outcome.snapshotId!).input.nodes.map((n) => [n.facts.instanceId, n.facts]));
    expect(facts.get(NODES[0]!)).toMatchObject({ patches: [], sources: { patches: 'ok' } });
    expect(facts.get(GONE)?.sources.patches).toBe('not_collected');
    expect(facts.get(GONE)?.patches).toBeUndefined();
    expect(outcome.scopes[0]!.gaps).toEqual([]);
    expect(facts.get(NODES[1]!)?.patches?.map((p) => [p.kbId, p.state, p.cveIds])).toEqual([
      ['KB5037765', 'Missing', ['CVE-2024-30080', 'CVE-2024-30040']],
      ['KB5036896', 'Missing', ['CVE-2024-26234']],
    ]);
    expect(facts.get(NODES[2]!)?.patches?.map((p) => [p.kbId, p.state, p.cveIds])).toEqual([
      ['openssl.x86_64', 'Failed', ['CVE-2024-5535']],
      ['kernel.x86_64', 'InstalledPendingReboot', []],
    ]);
    store.close();
  });
});
