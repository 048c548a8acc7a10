/**
 * The optional IAM check (issue 30): has the role of an unmanaged instance's profile one of
 * one of `SSM_INSTANCE_POLICIES` attached? `iam:GetInstanceProfile` for its role, then
 * `iam:ListAttachedRolePolicies`. IAM is global, so each distinct profile is read once per
 * account (`AccountCache`) whichever of the account's regions lists it first, never per instance.
 * A denial is a gap of each scope that needed it, with the AWS error, as any optional source's:
 * the reader sees it where the causes turn `unknown`, and the call is not repeated (the cache
 * keeps the failure). `patch-audit evaluate` reads the same from the AWS CLI's outputs of both
 * calls, `list-attached-role-policies` in a file named after its role (its output does not name it).
 */
import { GetInstanceProfileCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import pLimit from 'p-limit';
import { z } from 'zod';
import { isSsmInstancePolicy, type RolePolicy } from '../../../../shared/ec2Coverage';
import { errorName } from '../../aws/errors';
import type { Ec2Instance } from './network';
import { checkAbort, settleAll, type CliItems, type CoverageSourceModule, type SourceContext, type SourceRead } from './source';

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

const isWanted = (policy: { PolicyArn?: string | undefined }): boolean => isSsmInstancePolicy(policy.PolicyArn);

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
      if (page.AttachedPolicies?.some(isWanted)) return 'attached';
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

/** `aws iam get-instance-profile` output: `{"InstanceProfile": {...}}`, one object, not a list. */
const InstanceProfile = z.object({
  Arn: z.string(),
  InstanceProfileName: z.string().optional(),
  Roles: z.array(z.object({ RoleName: z.string() })).optional(),
});
type InstanceProfile = z.infer<typeof InstanceProfile>;

/** One `AttachedPolicy` of `aws iam list-attached-role-policies` output. */
const AttachedPolicy = z.object({ PolicyName: z.string().optional(), PolicyArn: z.string().optional() });

/** `list-attached-role-policies` answers for one role and does not name it: its file's name does. */
interface RolePolicyList {
  RoleName: string;
  AttachedPolicies: z.infer<typeof AttachedPolicy>[];
}

/**
 * The profiles' role policies as the calls would give them: a profile without a role is
 * `missing`, one whose role's file was not given is left out (its instances stay `unknown`).
 * A profile the client's CLI could not read wrote no file: its instances stay `unknown` too.
 */
function readCliFiles(items: CliItems, notes: string[]): SourceRead<RolePolicies> {
  const profiles = items.get('InstanceProfile') as InstanceProfile[] | undefined;
  if (!profiles) return { status: 'not_collected' };
  const roles = new Map((items.get('AttachedPolicies') as RolePolicyList[] | undefined)?.map((role) => [role.RoleName, role]));
  const policies = new Map<string, Exclude<RolePolicy, 'unknown'>>();
  const unread = new Set<string>();
  for (const profile of profiles) {
    const roleName = profile.Roles?.[0]?.RoleName;
    const role = roleName === undefined ? undefined : roles.get(roleName);
    if (roleName === undefined) policies.set(profile.Arn, 'missing');
    else if (role) policies.set(profile.Arn, role.AttachedPolicies.some(isWanted) ? 'attached' : 'missing');
    else unread.add(roleName);
  }
  if (unread.size > 0)
    notes.push(`no list-attached-role-policies file for role(s) ${[...unread].join(', ')}: their instances' role policies are unknown`);
  return { status: 'ok', value: policies };
}

/** The instances' profile ARNs (the commands take each one's last segment, its name), and a profile's role names. */
const PROFILES_OF_INSTANCES = "--query 'Reservations[].Instances[].IamInstanceProfile.Arn'";
const ROLES_OF_PROFILE = "--query 'InstanceProfile.Roles[].RoleName'";

export const instanceRoles: CoverageSourceModule<'instanceRoles', RolePolicies> = {
  key: 'instanceRoles',
  dependsOn: { on: 'unmanaged', wants: (instance) => instance.profileArn !== undefined },
  collect,
  fromCliFiles: {
    howToSave: {
      bash: [
        `for p in $(aws ec2 describe-instances ${PROFILES_OF_INSTANCES} --output text); do p=\${p##*/}   # optional: IAM; a refused call leaves no file`,
        `  aws iam get-instance-profile --instance-profile-name "$p" --output json > "profile-$p.json" || rm "profile-$p.json"`,
        `  for r in $(aws iam get-instance-profile --instance-profile-name "$p" ${ROLES_OF_PROFILE} --output text); do`,
        `    aws iam list-attached-role-policies --role-name "$r" --output json > "role-policies-$r.json" || rm "role-policies-$r.json"; done; done`,
      ],
      powershell: [
        String.raw`foreach ($p in @((aws ec2 describe-instances ${PROFILES_OF_INSTANCES} --output text) -split '\s+' | Where-Object { $_ })) {`,
        `  $p = $p.Split('/')[-1]; aws iam get-instance-profile --instance-profile-name $p --output json > "profile-$p.json"; if ($LASTEXITCODE) { Remove-Item "profile-$p.json" }`,
        String.raw`  foreach ($r in @((aws iam get-instance-profile --instance-profile-name $p ${ROLES_OF_PROFILE} --output text) -split '\s+' | Where-Object { $_ })) {`,
        `    aws iam list-attached-role-policies --role-name $r --output json > "role-policies-$r.json"; if ($LASTEXITCODE) { Remove-Item "role-policies-$r.json" } } }`,
      ],
    },
    kinds: {
      InstanceProfile: {
        command: 'aws iam get-instance-profile',
        item: InstanceProfile,
        single: true,
        identity: (item: InstanceProfile) => item.Arn,
      },
      AttachedPolicies: {
        command: 'aws iam list-attached-role-policies',
        item: AttachedPolicy,
        identity: (item: RolePolicyList) => item.RoleName,
        perRole: { example: 'role-policies-MyInstanceRole.json' },
      },
    },
    read: readCliFiles,
  },
};
