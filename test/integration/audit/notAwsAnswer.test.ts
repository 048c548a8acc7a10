/**
 * An endpoint that answers with something other than AWS (a mock's HTML page for an operation it
 * lacks, a proxy's error page): the audit names the operation, the HTTP status and what came
 * back, does not ask again what will come back the same, and keeps the reason with the gap.
 * A loopback proxy in front of the simulator answers HTML for the chosen operations.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DescribeInstancePatchStatesCommand } from '@aws-sdk/client-ssm';
import { AuditFailed } from '../../../electron/core/audit/runAudit';
import { emptyCallStats } from '../../../electron/core/aws/callStats';
import { createClients } from '../../../electron/core/aws/clients';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { scopeErrorText } from '../../../shared/scopeErrors';
import { audit, fleetNodes } from './auditHarness';

const PAGE = '<!DOCTYPE html><html><head><title>501 Not Implemented</title></head><body>not implemented</body></html>';

interface HtmlProxy {
  url: string;
  /** Requests answered with the page, per operation. */
  answered: Map<string, number>;
  /** Operations (`DescribeInstancePatchStates`) answered with the page, and the status it goes with. */
  html: { operations: Set<string>; status: number };
  close(): Promise<void>;
}

async function htmlProxy(sim: Simulator): Promise<HtmlProxy> {
  const target = new URL(sim.url);
  const state: HtmlProxy = { url: '', answered: new Map(), html: { operations: new Set(), status: 500 }, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // SSM names the operation in a header, EC2 in the form body.
      const operation =
        String(req.headers['x-amz-target'] ?? '').replace(/^AmazonSSM\./, '') ||
        (/(?:^|&)Action=(\w+)/.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '');
      if (state.html.operations.has(operation)) {
        state.answered.set(operation, (state.answered.get(operation) ?? 0) + 1);
        res.writeHead(state.html.status, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        return;
      }
      // Headers go on unchanged (the Host header is part of the signature the simulator checks).
      const upstream = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

const REGION = 'us-east-1';
let sim: Simulator;
let proxy: HtmlProxy;

beforeAll(async () => {
  sim = await startSimulator({ fleetOptions: { seed: 'not-aws', accounts: 1, regions: [REGION], nodesPerRegion: 120 } });
  proxy = await htmlProxy(sim);
});
afterAll(async () => {
  await proxy?.close();
  await sim?.close();
});
afterEach(() => {
  proxy.html.operations.clear();
  proxy.answered.clear();
});

const run = (maxAttempts = 6) =>
  audit(
    sim,
    { regions: [REGION], targets: { kind: 'self' } },
    { deps: { clientOptions: { endpoint: proxy.url, maxAttempts, requestTimeoutMs: 5000 } } },
  );

describe('an endpoint that answers an HTML page instead of AWS', () => {
  it('records the optional source as a gap that names the operation, the status and the page, asked once per call', async () => {
    proxy.html.operations.add('DescribeInstancePatchStates');
    proxy.html.status = 500;
    const { outcome, store } = await run();
    const batches = Math.ceil(fleetNodes(sim, 0, REGION) / 50);
    // The SDK would retry a 500 nine more times; the same page would come back each time.
    expect(proxy.answered.get('DescribeInstancePatchStates')).toBe(batches);
    const [scope] = outcome.scopes;
    expect(scope).toMatchObject({ status: 'ok', gaps: ['ssm:DescribeInstancePatchStates'] });
    const reason = scope!.gapErrors?.['ssm:DescribeInstancePatchStates'];
    expect(reason).toMatchObject({
      errorCode: 'not_aws_answer',
      errorParams: { operation: 'SSM.DescribeInstancePatchStates', status: '500', received: 'html' },
    });
    const en = scopeErrorText(reason!, 'en');
    expect(en).toBe(
      'SSM.DescribeInstancePatchStates: the endpoint answered HTTP 500 with an HTML page, not an AWS answer. Check the endpoint setting (AWS_ENDPOINT_URL, the profile’s endpoint_url) and that the service there supports SSM.DescribeInstancePatchStates.',
    );
    expect(scopeErrorText(reason!, 'ja')).toContain('HTML ページ');
    // Kept with the snapshot, so the report and the app can say it later.
    expect(store.getSnapshot(outcome.snapshotId!)!.scopes[0]!.gapErrors).toEqual(scope!.gapErrors);
  });

  it('does not take a 200 HTML page for an empty EC2 answer: the network source is a gap naming the call', async () => {
    proxy.html.operations.add('DescribeRouteTables');
    proxy.html.status = 200;
    const { outcome } = await run();
    const gap = 'ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints';
    expect(outcome.scopes[0]!.gaps).toEqual([gap]);
    expect(outcome.scopes[0]!.gapErrors?.[gap]).toMatchObject({
      errorCode: 'not_aws_answer',
      errorParams: { operation: 'EC2.DescribeRouteTables', status: '200' },
    });
  });

  it.each([
    [200, 1],
    [404, 1],
    [500, 1],
    [501, 1],
    // A gateway in front of a real endpoint gives 502–504 pages while it is briefly away.
    [503, 3],
  ])('asks once for a page with HTTP %i, %i times in all', async (status, attempts) => {
    proxy.html.operations.add('DescribeInstancePatchStates');
    proxy.html.status = status;
    const creds = sim.credentials[0]!;
    const clients = createClients(
      REGION,
      { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      { endpoint: proxy.url, maxAttempts: 3 },
      emptyCallStats(),
    );
    try {
      await expect(
        clients.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ['i-0123456789abcdef0'] })),
      ).rejects.toMatchObject({
        name: 'NotAwsAnswer',
        status,
        received: 'html',
      });
      expect(proxy.answered.get('DescribeInstancePatchStates')).toBe(attempts);
    } finally {
      clients.destroy();
    }
  });

  it('fails a scope whose required call gets a 404 page, with the reasons per scope and nothing about hidden fields', async () => {
    proxy.html.operations.add('DescribeInstanceInformation');
    proxy.html.status = 404;
    const failure = await run().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(AuditFailed);
    const { message, scopes } = failure as AuditFailed;
    expect(proxy.answered.get('DescribeInstanceInformation')).toBe(1);
    expect(message.split('\n')).toEqual([
      'No scope could be audited.',
      `${sim.credentials[0]!.accountId}/${REGION}: SSM.DescribeInstanceInformation: the endpoint answered HTTP 404 with an HTML page, not an AWS answer. Check the endpoint setting (AWS_ENDPOINT_URL, the profile’s endpoint_url) and that the service there supports SSM.DescribeInstanceInformation.`,
    ]);
    expect(message).not.toMatch(/hidden field|\$response|SyntaxError/);
    expect(scopes).toEqual([expect.objectContaining({ status: 'failed', errorCode: 'not_aws_answer' })]);
  });
});
