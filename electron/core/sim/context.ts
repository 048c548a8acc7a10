/** What an operation handler gets: the caller, its scope, the fleet and the paging rules. */
import { createHash } from 'node:crypto';
import type { ServiceName } from './errors';
import { type SimError, serviceError } from './errors';
import type { SimAccount } from './fleet';
import type { NextTokenCodec } from './nextToken';
import type { RegionView, World } from './world';

export interface SimSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  expiresAtMs: number;
}

export interface Caller {
  account: SimAccount;
  accessKeyId: string;
  /** `arn:aws:iam::…:user/…` or `arn:aws:sts::…:assumed-role/…/…`. */
  arn: string;
  userId: string;
  session?: SimSession;
}

export interface PageLimits {
  min: number;
  max: number;
  /** Page size when the request sets none (EC2 answers everything in one page then). */
  default: number;
}

export interface HandlerContext {
  service: ServiceName;
  action: string;
  region: string;
  caller: Caller;
  world: World;
  view(): RegionView;
  page<T>(items: readonly T[], input: { MaxResults?: number; NextToken?: string }, limits: PageLimits): { items: T[]; nextToken?: string };
  /** Issues temporary credentials (STS). */
  createSession(session: Omit<SimSession, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>): SimSession;
  now(): number;
}

/** An operation: the request in the SDK's input shape in, the SDK's output shape out. */
export type Handler = (input: Record<string, unknown>, ctx: HandlerContext) => object;

export function validation(service: ServiceName, message: string): SimError {
  return serviceError(service, 'validation', message);
}

function rangeMessage(service: ServiceName, value: number, limits: PageLimits): string {
  if (service === 'EC2')
    return `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value ${value < limits.min ? `greater than ${limits.min - 1}` : `less than ${limits.max + 1}`}.`;
  const bound = value < limits.min ? `greater than or equal to ${limits.min}` : `less than or equal to ${limits.max}`;
  return `1 validation error detected: Value '${value}' at 'maxResults' failed to satisfy constraint: Member must have value ${bound}`;
}

/** Pages a filtered list; the token is bound to the operation, scope and the other request parameters. */
export function pageItems<T>(
  codec: NextTokenCodec,
  ctx: Pick<HandlerContext, 'service' | 'action' | 'region' | 'caller'>,
  items: readonly T[],
  input: { MaxResults?: number; NextToken?: string },
  limits: PageLimits,
): { items: T[]; nextToken?: string } {
  const size = input.MaxResults ?? limits.default;
  if (input.MaxResults !== undefined && (!Number.isInteger(size) || size < limits.min || size > limits.max))
    throw validation(ctx.service, rangeMessage(ctx.service, size, limits));
  const { NextToken: token, MaxResults: _size, ...rest } = input;
  const fingerprint = createHash('sha1').update(JSON.stringify(rest)).digest('base64url').slice(0, 12);
  const scope = `${ctx.service}.${ctx.action}/${ctx.caller.account.accountId}/${ctx.region}/${fingerprint}`;
  let offset = 0;
  if (token !== undefined && token !== '') {
    const decoded = codec.decode(token, scope);
    if (decoded === undefined) throw serviceError(ctx.service, 'invalidToken');
    offset = decoded;
  }
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { items: page, nextToken: codec.encode({ scope, offset: next }) } : { items: page };
}
