/**
 * The optional IAM check (issue 30): has the role of an unmanaged instance's profile one of
 * one of `SSM_INSTANCE_POLICIES` attached? `iam:GetInstanceProfile` for its role, then
 * `iam:ListAttachedRolePolicies`. IAM is global, so each distinct profile is read once per
 * account (`AccountCache`) whichever of the account's regions lists it first, never per instance.
 * A denial is a gap of each scope that needed it, with the AWS error, as any optional source's:
 * the reader sees it where the causes turn `unknown`, and the call is not repeated (the cache
 * keeps the failure).
 */
import { GetInstanceProfileCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import pLimit from 'p-limit';
import { isSsmInstancePolicy, type RolePolicy } from '../../../../shared/ec2Coverage';
import { errorName } from '../../aws/errors';
import type { Ec2Instance } from './network';
import { checkAbort, settleAll, type CoverageSourceModule, type SourceContext } from './source';

/** A read role's policy, by instance profile ARN: `attached` or `missing` (unread profiles are absent). */
export type RolePolicies = ReadonlyMap<string, Exclude<RolePolicy, 'unknown'>>;

/** IAM's request rate is the account's, shared with everything else the client runs: a few at a time. */
const IAM_CONCURRENCY = 4;
/** ListAttachedRolePolicies' largest page (API_ListAttachedRolePolicies: MaxItems 1–1000). */
const MAX_ITEMS = 1000;

/**
 * GetInstanceProfile takes a name, not an ARN: the last `/`-separated segment of the ARN's
 * resource (`instance-profile/<path>/<name>`; a name holds no `/`).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetInstanceProfile.html
 */
export const profileNameOf = (arn: string): string => arn.split('/').at(-1) ?? arn;

/** SDK v3 names IAM's `NoSuchEntity` error `NoSuchEntityException`. */
const isNoSuchEntity = (err: unknown): boolean => ['NoSuchEntity', 'NoSuchEntityException'].includes(errorName(err));

async function rolePolicyOf(ctx: SourceContext, profileArn: string): Promise<Exclude<RolePolicy, 'unknown'>> {
  const { iam } = ctx.clients;
  try {
    const { InstanceProfile } = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profileNameOf(profileArn) }), {
      abortSignal: ctx.signal,
    });
    // A profile holds at most one role; without one the instance has no permissions at all.
    const roleName = InstanceProfile?.Roles?.[0]?.RoleName;
    if (!roleName) return 'missing';
    let marker: string | undefined;
    do {
      checkAbort(ctx.signal);
      const page = await iam.send(
        new ListAttachedRolePoliciesCommand({ RoleName: roleName, MaxItems: MAX_ITEMS, ...(marker ? { Marker: marker } : {}) }),
        { abortSignal: ctx.signal },
      );
      if (page.AttachedPolicies?.some((policy) => isSsmInstancePolicy(policy.PolicyArn))) return 'attached';
      // IAM may return fewer than MaxItems with more to come: only IsTruncated says the list is done.
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    return 'missing';
  } catch (err) {
    if (isNoSuchEntity(err)) return 'missing';
    throw err;
  }
}

/** Each distinct profile of the wanted instances, once per account. */
async function collect(ctx: SourceContext, instances: readonly Ec2Instance[]): Promise<RolePolicies> {
  const profiles = [...new Set(instances.flatMap((instance) => (instance.profileArn ? [instance.profileArn] : [])))];
  const limit = pLimit(IAM_CONCURRENCY);
  const policies = await settleAll(
    profiles.map((arn) => limit(() => ctx.account.once(`iam:profile:${arn}`, () => rolePolicyOf(ctx, arn)))),
  );
  return new Map(profiles.map((arn, i) => [arn, policies[i]!]));
}

export const instanceRoles: CoverageSourceModule<'instanceRoles', RolePolicies> = {
  key: 'instanceRoles',
  dependsOn: { on: 'unmanaged', wants: (instance) => instance.profileArn !== undefined },
  collect,
};
