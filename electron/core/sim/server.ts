/**
 * The simulated AWS endpoint: one loopback HTTP server that speaks awsJson1_1 (SSM,
 * Organizations), awsQuery (STS, IAM) and ec2Query (EC2) so the unmodified SDK clients talk to it
 * through `endpoint: url` (docs/design.md §9).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DescribeInstancesRequest$,
  DescribeInstancesResult$,
  DescribeRegionsRequest$,
  DescribeRegionsResult$,
  DescribeRouteTablesRequest$,
  DescribeRouteTablesResult$,
  DescribeSubnetsRequest$,
  DescribeSubnetsResult$,
  DescribeVpcEndpointsRequest$,
  DescribeVpcEndpointsResult$,
} from '@aws-sdk/client-ec2';
import {
  GetInstanceProfileRequest$,
  GetInstanceProfileResponse$,
  ListAttachedRolePoliciesRequest$,
  ListAttachedRolePoliciesResponse$,
} from '@aws-sdk/client-iam';
import { AssumeRoleRequest$, AssumeRoleResponse$, GetCallerIdentityRequest$, GetCallerIdentityResponse$ } from '@aws-sdk/client-sts';
import type { Caller, Handler, HandlerContext, SimSession } from './context';
import { pageItems } from './context';
import type { SimCounters } from './counters';
import { bump, cloneCounters, emptyCounters } from './counters';
import { EC2_OPERATIONS } from './ec2Operations';
import type { CorruptOptions } from './corrupt';
import { corruptResult } from './corrupt';
import type { CommonFault, ServiceName } from './errors';
import { SimError, serviceError } from './errors';
import type { FaultRule } from './faults';
import { TokenBucket, ruleMatches, throttleKey } from './faults';
import type { Fleet } from './fleet';
import { isRegionEnabled } from './fleet';
import type { FleetOptions } from './generateFleet';
import { generateFleet } from './generateFleet';
import { IAM_OPERATIONS } from './iamOperations';
import { NextTokenCodec } from './nextToken';
import { ORGANIZATIONS_OPERATIONS } from './organizationsOperations';
import { isActionAllowed } from './policy';
import type { Prng } from './prng';
import { createPrng } from './prng';
import type { SchemaRef } from './querySerde';
import { escapeXml, readQuery, writeXml } from './querySerde';
import type { CredentialScope } from './sigv4';
import { parseAuthorization, verifySignature } from './sigv4';
import { SSM_OPERATIONS } from './ssmOperations';
import { STS_OPERATIONS } from './stsOperations';
import { World } from './world';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** A ready fleet; otherwise one is generated from `fleetOptions`. */
  fleet?: Fleet;
  fleetOptions?: FleetOptions;
  faults?: FaultRule[];
  /** Re-sign every request and refuse a wrong signature, as AWS does. Default true. */
  verifySignatures?: boolean;
  /** Seed for the random part of faults (5xx and timeout fractions). */
  faultSeed?: string;
}

export interface SimCredentials {
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Simulator {
  url: string;
  port: number;
  /** Long-term keys of each simulated account; the first is the Organizations management account. */
  credentials: SimCredentials[];
  fleet(): Fleet;
  counters(): SimCounters;
  resetCounters(): void;
  setFaults(rules: FaultRule[]): void;
  /** Temporary keys issued by AssumeRole so far, so a test can look for them where they must never be. */
  issuedSessions(): Pick<SimSession, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>[];
  /** Replaces the fleet; later calls see the new one (sessions issued so far stay valid). */
  setFleet(fleet: Fleet): void;
  /** Edits the current fleet in place, then serves the edited one. */
  mutate(edit: (fleet: Fleet) => void): void;
  close(): Promise<void>;
}

const JSON_TARGETS: Record<string, ServiceName> = { AmazonSSM: 'SSM', AWSOrganizationsV20161128: 'Organizations' };
const IAM_PREFIX: Record<ServiceName, string> = { SSM: 'ssm', STS: 'sts', EC2: 'ec2', Organizations: 'organizations', IAM: 'iam' };
const HANDLERS: Record<ServiceName, Record<string, Handler>> = {
  SSM: SSM_OPERATIONS,
  STS: STS_OPERATIONS,
  EC2: EC2_OPERATIONS,
  Organizations: ORGANIZATIONS_OPERATIONS,
  IAM: IAM_OPERATIONS,
};
/** Services with one endpoint for every region: a region the account has not enabled does not refuse them. */
const GLOBAL_SERVICES: ReadonlySet<ServiceName> = new Set(['Organizations', 'IAM']);
const QUERY_SCHEMAS: Record<string, [SchemaRef, SchemaRef]> = {
  'STS.GetCallerIdentity': [GetCallerIdentityRequest$, GetCallerIdentityResponse$],
  'STS.AssumeRole': [AssumeRoleRequest$, AssumeRoleResponse$],
  'IAM.GetInstanceProfile': [GetInstanceProfileRequest$, GetInstanceProfileResponse$],
  'IAM.ListAttachedRolePolicies': [ListAttachedRolePoliciesRequest$, ListAttachedRolePoliciesResponse$],
  'EC2.DescribeRegions': [DescribeRegionsRequest$, DescribeRegionsResult$],
  'EC2.DescribeInstances': [DescribeInstancesRequest$, DescribeInstancesResult$],
  'EC2.DescribeSubnets': [DescribeSubnetsRequest$, DescribeSubnetsResult$],
  'EC2.DescribeRouteTables': [DescribeRouteTablesRequest$, DescribeRouteTablesResult$],
  'EC2.DescribeVpcEndpoints': [DescribeVpcEndpointsRequest$, DescribeVpcEndpointsResult$],
};
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
/** The awsQuery services and their XML namespace. */
const QUERY_NS: Partial<Record<ServiceName, string>> = { STS: STS_NS, IAM: IAM_NS };
const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const MAX_BODY = 1024 * 1024;

interface ParsedRequest {
  service: ServiceName;
  action: string;
  input: Record<string, unknown>;
  requestId: string;
}

/** AWS JSON carries timestamps as epoch seconds (fractional allowed). */
function toAwsJson(value: object): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const original = this[key];
    return original instanceof Date ? original.getTime() / 1000 : v;
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new SimError('RequestEntityTooLarge', 'Request body too large', 413));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  let world = new World(options.fleet ?? generateFleet(options.fleetOptions ?? { seed: 'patch-auditor' }), Date.now());
  let faults: FaultRule[] = options.faults ?? [];
  let faultState = new Map<FaultRule, { buckets: Map<string, TokenBucket>; calls: number }>();
  let counters = emptyCounters();
  const faultPrng: Prng = createPrng(options.faultSeed ?? 'faults');
  const verify = options.verifySignatures ?? true;
  const sessions = new Map<string, SimSession>();
  const codec = new NextTokenCodec(randomBytes(32));
  const heldSockets = new Set<ReturnType<typeof setTimeout>>();
  let serverErrorToggle = 0;

  const stateOf = (rule: FaultRule) => {
    let s = faultState.get(rule);
    if (!s) faultState.set(rule, (s = { buckets: new Map(), calls: 0 }));
    return s;
  };

  function send(res: ServerResponse, status: number, contentType: string, body: string, requestId: string): void {
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': requestId });
    res.end(body);
  }

  function sendError(res: ServerResponse, service: ServiceName, error: SimError, requestId: string): void {
    bump(counters.errors, error.code);
    if (service === 'SSM' || service === 'Organizations') {
      send(res, error.status, 'application/x-amz-json-1.1', JSON.stringify({ __type: error.code, message: error.message }), requestId);
    } else if (QUERY_NS[service]) {
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      send(
        res,
        error.status,
        'text/xml',
        `<ErrorResponse xmlns="${QUERY_NS[service]}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
        requestId,
      );
    } else {
      send(
        res,
        error.status,
        'text/xml;charset=UTF-8',
        `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
        requestId,
      );
    }
  }

  function sendResult(res: ServerResponse, parsed: ParsedRequest, result: object): void {
    const { service, action, requestId } = parsed;
    if (service === 'SSM' || service === 'Organizations') {
      send(res, 200, 'application/x-amz-json-1.1', toAwsJson(result), requestId);
      return;
    }
    const output = QUERY_SCHEMAS[`${service}.${action}`]?.[1];
    const members = output ? writeXml(output, result) : '';
    const namespace = QUERY_NS[service];
    const body = namespace
      ? `<${action}Response xmlns="${namespace}"><${action}Result>${members}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_NS}"><requestId>${requestId}</requestId>${members}</${action}Response>`;
    send(res, 200, 'text/xml;charset=UTF-8', body, requestId);
  }

  /** Which service: X-Amz-Target for JSON; for the query protocols the signing scope, else the action name. */
  function serviceOf(req: IncomingMessage, params: URLSearchParams, scope: CredentialScope | undefined): ServiceName {
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') return JSON_TARGETS[target.split('.')[0] ?? ''] ?? 'SSM';
    if (scope?.service === 'sts') return 'STS';
    if (scope?.service === 'ec2') return 'EC2';
    // IAM is global: its client signs for `iam` in us-east-1 whatever region the audit is in.
    if (scope?.service === 'iam') return 'IAM';
    const action = params.get('Action') ?? '';
    return action in STS_OPERATIONS ? 'STS' : action in IAM_OPERATIONS ? 'IAM' : 'EC2';
  }

  function parse(req: IncomingMessage, service: ServiceName, body: string, params: URLSearchParams, requestId: string): ParsedRequest {
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') {
      const [prefix = '', action = ''] = target.split('.');
      if (!JSON_TARGETS[prefix]) throw serviceError(service, 'unknownOperation', `Unknown target ${target}`);
      let input: unknown;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        throw new SimError('SerializationException', 'Malformed JSON body');
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        throw new SimError('SerializationException', 'Request body must be a JSON object');
      return { service, action, input: input as Record<string, unknown>, requestId };
    }
    const action = params.get('Action') ?? '';
    const schemas = QUERY_SCHEMAS[`${service}.${action}`];
    if (!schemas) throw serviceError(service, 'unknownOperation', `Could not find operation ${action}`);
    return { service, action, input: readQuery(schemas[0], params, service === 'EC2') as Record<string, unknown>, requestId };
  }

  async function authenticate(
    req: IncomingMessage,
    body: string,
    scope: CredentialScope | undefined,
    service: ServiceName,
  ): Promise<Caller> {
    if (!scope) throw serviceError(service, 'missingAuth');
    const session = sessions.get(scope.accessKeyId);
    const account = session ? world.account(session.accountId) : world.accountByKey(scope.accessKeyId);
    if (!account) throw serviceError(service, 'unrecognized');
    if (session && req.headers['x-amz-security-token'] !== session.sessionToken) throw serviceError(service, 'unrecognized');
    if (verify) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const ok = await verifySignature(
        { method: req.method ?? 'POST', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body },
        scope,
        session ?? { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
      );
      if (!ok) throw serviceError(service, 'signature');
    }
    if (session && session.expiresAtMs <= Date.now()) throw serviceError(service, 'expired');
    return session
      ? {
          account,
          accessKeyId: session.accessKeyId,
          arn: `arn:aws:sts::${account.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
          userId: `${session.roleId}:${session.sessionName}`,
          session,
        }
      : {
          account,
          accessKeyId: account.accessKeyId,
          arn: `arn:aws:iam::${account.accountId}:user/${account.userName}`,
          userId: `AIDA${account.accessKeyId.slice(4)}`,
        };
  }

  type FaultOutcome = { error: SimError; fault: CommonFault } | { hold: number } | { corrupt: CorruptOptions } | undefined;

  /** Applies every matching fault rule in order; the first failure wins, else the first corruption drawn. */
  async function applyFaults(service: ServiceName, action: string, caller: Caller, region: string): Promise<FaultOutcome> {
    const accountId = caller.account.accountId;
    const name = `${service}.${action}`;
    const now = Date.now();
    const fail = (fault: CommonFault, message?: string) => ({ error: serviceError(service, fault, message), fault });
    let corrupt: CorruptOptions | undefined;
    // Opt-in regions that are not enabled reject the account's credentials (global services excepted).
    if (!GLOBAL_SERVICES.has(service) && !isRegionEnabled(caller.account, region)) return fail('regionDisabled');
    for (const rule of faults) {
      if (!ruleMatches(rule, accountId, region, name)) continue;
      const state = stateOf(rule);
      state.calls++;
      if (rule.regionDisabled && !GLOBAL_SERVICES.has(service)) return fail('regionDisabled');
      const expiry = rule.expireSession;
      if (
        expiry &&
        ((expiry.afterCalls !== undefined && state.calls > expiry.afterCalls) || (expiry.atMs !== undefined && now >= expiry.atMs))
      )
        return fail('expired');
      if (rule.timeout && faultPrng.chance(rule.timeout.rate ?? 1)) return { hold: rule.timeout.holdMs };
      if (rule.latencyMs) await sleep(rule.latencyMs);
      if (rule.throttle) {
        const key = throttleKey(rule.throttle, accountId, region, name);
        let bucket = state.buckets.get(key);
        if (!bucket) state.buckets.set(key, (bucket = new TokenBucket(rule.throttle.ratePerSecond, rule.throttle.burst, now)));
        if (!bucket.take(Date.now())) return fail('throttled');
      }
      if (rule.serverErrorRate && faultPrng.chance(rule.serverErrorRate))
        return fail(serverErrorToggle++ % 2 === 0 ? 'internal' : 'unavailable');
      if (rule.policy) {
        const iamAction = `${IAM_PREFIX[service]}:${action}`;
        if (!isActionAllowed(rule.policy, iamAction)) {
          const because = `because no identity-based policy allows the ${iamAction} action`;
          const message =
            service === 'EC2'
              ? `You are not authorized to perform this operation. User: ${caller.arn} is not authorized to perform: ${iamAction} ${because}`
              : `User: ${caller.arn} is not authorized to perform: ${iamAction} ${because}`;
          return fail('denied', message);
        }
      }
      if (rule.corrupt && !corrupt && faultPrng.chance(rule.corrupt.rate ?? 1)) corrupt = rule.corrupt;
    }
    return corrupt ? { corrupt } : undefined;
  }

  function count(outcome: FaultOutcome, service: ServiceName, action: string): void {
    if (!outcome) return;
    if ('corrupt' in outcome) {
      counters.corrupted++;
      return;
    }
    if ('hold' in outcome) {
      counters.timeouts++;
      return;
    }
    if (outcome.fault === 'throttled') {
      counters.throttled++;
      bump(counters.throttledByAction, `${service}.${action}`);
    } else if (outcome.fault === 'denied') {
      counters.denied++;
      bump(counters.deniedActions, `${IAM_PREFIX[service]}:${action}`);
    } else if (outcome.fault === 'internal' || outcome.fault === 'unavailable') counters.serverErrors++;
    else if (outcome.fault === 'expired') counters.expired++;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    let service: ServiceName = 'SSM';
    try {
      const body = await readBody(req);
      const scope = parseAuthorization(req.headers.authorization);
      const params = new URLSearchParams(typeof req.headers['x-amz-target'] === 'string' ? '' : body);
      service = serviceOf(req, params, scope);
      const parsed = parse(req, service, body, params, requestId);
      const caller = await authenticate(req, body, scope, service);
      const region = scope?.region ?? 'us-east-1';
      counters.total++;
      bump(counters.calls, `${service}.${parsed.action}`);
      bump(counters.scopes, `${caller.account.accountId}/${region}`);
      const outcome = await applyFaults(service, parsed.action, caller, region);
      count(outcome, service, parsed.action);
      if (outcome && 'hold' in outcome) {
        // A timeout: keep the socket open without answering, then drop it.
        const timer = setTimeout(() => {
          heldSockets.delete(timer);
          req.socket.destroy();
        }, outcome.hold);
        heldSockets.add(timer);
        return;
      }
      if (outcome && 'error' in outcome) throw outcome.error;
      const handler = HANDLERS[service][parsed.action];
      if (!handler) throw serviceError(service, 'unknownOperation', `Unsupported operation ${parsed.action}`);
      const currentWorld = world;
      const ctx: HandlerContext = {
        service,
        action: parsed.action,
        region,
        caller,
        world: currentWorld,
        view: () => currentWorld.view(caller.account, region),
        page: (items, input, limits) => pageItems(codec, ctx, items, input, limits),
        createSession: (s) => {
          const session: SimSession = {
            ...s,
            accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
            secretAccessKey: randomBytes(30).toString('base64'),
            sessionToken: randomBytes(96).toString('base64'),
          };
          sessions.set(session.accessKeyId, session);
          return session;
        },
        now: () => Date.now(),
      };
      const result = handler(parsed.input, ctx);
      sendResult(res, parsed, outcome ? corruptResult(result, faultPrng, outcome.corrupt) : result);
    } catch (err) {
      if (err instanceof SimError) sendError(res, service, err, requestId);
      else sendError(res, service, serviceError(service, 'internal', err instanceof Error ? err.message : String(err)), requestId);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const credentialsOf = (fleet: Fleet): SimCredentials[] =>
    fleet.accounts.map((a) => ({ accountId: a.accountId, accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey }));

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    credentials: credentialsOf(world.fleet),
    fleet: () => world.fleet,
    counters: () => cloneCounters(counters),
    resetCounters: () => {
      counters = emptyCounters();
    },
    setFaults: (rules) => {
      faults = rules;
      faultState = new Map();
    },
    issuedSessions: () =>
      [...sessions.values()].map(({ accessKeyId, secretAccessKey, sessionToken }) => ({ accessKeyId, secretAccessKey, sessionToken })),
    setFleet: (fleet) => {
      world = new World(fleet, Date.now());
    },
    mutate: (edit) => {
      const fleet = world.fleet;
      edit(fleet);
      world = new World(fleet, Date.now());
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of heldSockets) clearTimeout(timer);
        heldSockets.clear();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
