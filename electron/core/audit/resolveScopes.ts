/**
 * From a plan to scopes: who is calling (STS GetCallerIdentity), which accounts (the caller's
 * own, a list reached by AssumeRole, or the organization's active accounts), and which regions
 * (a list, or the regions each account has enabled, opt-in status respected).
 */
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { AuditPlan } from '../../../shared/auditPlan';
import type { ScopeResult } from '../../../shared/model';
import { createClients, type ClientOptions, type Credentials } from '../aws/clients';
import { emptyCallStats, mergeCallStats, type CallStats } from '../aws/callStats';
import { assumedRoleCredentials, describeCredentialError, roleArn } from '../aws/credentials';
import { classifyScopeError, describeScopeError, errorName, isDenied, isExpired, type ScopeErrorInfo } from '../aws/errors';

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

export interface AccountTarget {
  accountId: string;
  credentials: Credentials;
  /** Set when the account could not be reached at all (role not assumable, session lost). */
  error?: ScopeErrorInfo;
  regions: string[];
}

/** Nothing can be audited: bad credentials, no organization access, no account reachable. */
export class AuditFailed extends Error {
  override name = 'AuditFailed';
  constructor(
    message: string,
    /** Each scope and why it failed, when the audit got as far as collecting. */
    readonly scopes: readonly ScopeResult[] = [],
  ) {
    super(message);
  }
}

export interface ResolveContext {
  plan: AuditPlan;
  credentials: Credentials;
  clientOptions: ClientOptions;
  stats: CallStats;
  signal: AbortSignal;
}

export function homeRegionOf(plan: AuditPlan): string {
  return plan.homeRegion ?? (Array.isArray(plan.regions) ? plan.regions[0] : undefined) ?? 'us-east-1';
}

/** Who is calling and which accounts the plan names, in plan order; each is then reached by `resolveAccount`. */
export interface Discovery {
  callerAccount: string;
  accountIds: string[];
}

export async function discoverAccounts(ctx: ResolveContext): Promise<Discovery> {
  const { plan } = ctx;
  const home = homeRegionOf(plan);
  const clients = createClients(home, ctx.credentials, ctx.clientOptions, ctx.stats);
  try {
    let callerAccount: unknown;
    try {
      callerAccount = (await clients.sts.send(new GetCallerIdentityCommand({}), { abortSignal: ctx.signal })).Account;
    } catch (err) {
      throw new AuditFailed(describeCredentialError(err, plan.profile ? { profile: plan.profile } : {}));
    }
    // Every scope, node and report row is filed under this id: a damaged answer must stop here.
    if (typeof callerAccount !== 'string' || !ACCOUNT_ID.test(callerAccount)) {
      throw new AuditFailed(
        'AWS STS GetCallerIdentity did not answer with a 12-digit account id; the audit cannot tell whose account it reads.',
      );
    }

    const targets = plan.targets;
    if (targets.kind === 'self') return { callerAccount, accountIds: [callerAccount] };
    if (targets.kind === 'accounts') return { callerAccount, accountIds: [...new Set(targets.accountIds)] };
    const listed: Account[] = [];
    try {
      for await (const page of paginateListAccounts({ client: clients.organizations, pageSize: 20 }, { MaxResults: 20 }))
        listed.push(...(page.Accounts ?? []));
    } catch (err) {
      throw new AuditFailed(`Organizations discovery failed: ${describeScopeError(err, 'organizations:ListAccounts', home)}`);
    }
    // `State` replaces the deprecated `Status`; either says whether the account is usable.
    const active = listed
      .filter((a) => (a.State ?? a.Status) === 'ACTIVE' && typeof a.Id === 'string' && ACCOUNT_ID.test(a.Id))
      .map((a) => a.Id!);
    const include = targets.include?.length ? new Set(targets.include) : null;
    const exclude = new Set(targets.exclude ?? []);
    const accountIds = active.filter((id) => (!include || include.has(id)) && !exclude.has(id));
    if (!accountIds.length) throw new AuditFailed('Organizations discovery found no active account to audit (check include / exclude).');
    return { callerAccount, accountIds };
  } finally {
    clients.destroy();
  }
}

/**
 * One account's credentials and regions: AssumeRole (except for the caller's own account when
 * auditing itself or its organization), then DescribeRegions when the plan says 'all'. Accounts
 * are independent, so the runner resolves several at once and starts each one's scopes as soon
 * as it is resolved.
 */
export async function resolveAccount(ctx: ResolveContext, discovery: Discovery, accountId: string): Promise<AccountTarget> {
  const targets = ctx.plan.targets;
  // The organization's management account is audited with the caller's own credentials.
  if (targets.kind === 'self' || (targets.kind === 'organization' && accountId === discovery.callerAccount))
    return withRegions(ctx, { accountId, credentials: ctx.credentials, regions: [] });
  const target = { accountId, roleName: targets.roleName, ...(targets.externalId ? { externalId: targets.externalId } : {}) };
  // One session per account, shared by all its scopes until it nears expiry: each scope's
  // clients would otherwise call AssumeRole again, a second round trip for every empty region.
  const provider = sharedSession(assumedRoleCredentials(ctx.credentials, target, homeRegionOf(ctx.plan), ctx.clientOptions, ctx.stats));
  try {
    // Assume once per account up front: a refused role fails that account's scopes with
    // the reason, not every call inside them.
    await provider();
  } catch (err) {
    return { accountId, credentials: provider, regions: [], error: roleFailure(err, roleArn(target)) };
  }
  return withRegions(ctx, { accountId, credentials: provider, regions: [] });
}

/** The plan's regions, each once in plan order; null under `regions: 'all'` (each account's enabled regions). */
export const listedRegions = (plan: AuditPlan): string[] | null => (plan.regions === 'all' ? null : [...new Set(plan.regions)]);

async function withRegions(ctx: ResolveContext, account: AccountTarget): Promise<AccountTarget> {
  const listed = listedRegions(ctx.plan);
  if (listed) return { ...account, regions: listed };
  const home = homeRegionOf(ctx.plan);
  const stats = emptyCallStats();
  const clients = createClients(home, account.credentials, ctx.clientOptions, stats);
  // Not the call's abortSignal: the SDK leaves its listener on the signal, one per account.
  const onAbort = () => clients.destroy();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const answer = await clients.ec2.send(new DescribeRegionsCommand({ AllRegions: false }));
    const regions = (answer.Regions ?? [])
      .filter(
        (r) =>
          typeof r.RegionName === 'string' &&
          REGION.test(r.RegionName) &&
          (r.OptInStatus === undefined || r.OptInStatus === 'opt-in-not-required' || r.OptInStatus === 'opted-in'),
      )
      .map((r) => r.RegionName!)
      .sort();
    return { ...account, regions };
  } catch (err) {
    return { ...account, error: classifyScopeError(err, 'ec2:DescribeRegions', home) };
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    clients.destroy();
    mergeCallStats(ctx.stats, stats);
  }
}

/** A session is assumed again this long before it expires, as the SDK refreshes its own. */
const REFRESH_BEFORE_MS = 5 * 60_000;

function sharedSession(assume: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (identity: AwsCredentialIdentity) => !identity.expiration || identity.expiration.getTime() - Date.now() > REFRESH_BEFORE_MS;
  return async () => {
    const seen = pending;
    if (seen) {
      const identity = await seen.catch(() => undefined);
      if (identity && fresh(identity)) return identity;
      // Another caller already asked for the next session.
      if (pending !== seen && pending) return pending;
    }
    pending = assume();
    return pending;
  };
}

/** An account whose audit role could not be assumed: the English text of describeCredentialError, and a code. */
function roleFailure(err: unknown, role: string): ScopeErrorInfo {
  const message = describeCredentialError(err, { roleArn: role });
  if (isDenied(err)) return { message, code: 'role_not_assumable', params: { role } };
  const name = errorName(err);
  if (isExpired(err)) return { message, code: 'session_expired', params: { name } };
  return { message, code: 'call_failed', params: { action: 'sts:AssumeRole', name, detail: message } };
}
