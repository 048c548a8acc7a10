/**
 * IAM (awsQuery, XML; global: one set of profiles and roles per account, whatever region the call
 * was signed for): the two optional reads behind the "role without the Systems Manager policy" cause.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetInstanceProfile.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedRolePolicies.html
 */
import type {
  AttachedPolicy,
  GetInstanceProfileRequest,
  InstanceProfile,
  ListAttachedRolePoliciesRequest,
  Role,
} from '@aws-sdk/client-iam';
import type { Handler, HandlerContext } from './context';
import { validation } from './context';
import { SimError } from './errors';
import type { SimAccount, SimIamRole } from './fleet';

const NAME = /^[\w+=,.@-]+$/;

/** The trust policy of an instance role, URL-encoded as IAM returns policy documents. */
const EC2_TRUST_POLICY = encodeURIComponent(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
);

function requireName(ctx: HandlerContext, value: unknown, member: string, max: number): string {
  const name = typeof value === 'string' ? value : '';
  if (name.length < 1 || name.length > max || !NAME.test(name))
    throw validation(
      ctx.service,
      `1 validation error detected: Value '${name}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
    );
  return name;
}

function roleOf(account: SimAccount, role: SimIamRole, at: (ageS: number) => Date): Role {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: `arn:aws:iam::${account.accountId}:role${role.path}${role.name}`,
    CreateDate: at(role.createAgeS),
    AssumeRolePolicyDocument: EC2_TRUST_POLICY,
  };
}

const getInstanceProfile: Handler = (raw, ctx) => {
  const input = raw as Partial<GetInstanceProfileRequest>;
  const name = requireName(ctx, input.InstanceProfileName, 'instanceProfileName', 128);
  const account = ctx.caller.account;
  const profile = account.iam.instanceProfiles.find((p) => p.name === name);
  if (!profile) throw new SimError('NoSuchEntity', `Instance Profile ${name} cannot be found.`, 404);
  const at = (ageS: number): Date => ctx.world.at(ageS);
  const role = account.iam.roles.find((r) => r.name === profile.roleName);
  const instanceProfile: InstanceProfile = {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: `arn:aws:iam::${account.accountId}:instance-profile${profile.path}${profile.name}`,
    CreateDate: at(profile.createAgeS),
    Roles: role ? [roleOf(account, role, at)] : [],
  };
  return { InstanceProfile: instanceProfile };
};

/** AWS managed policies live under `arn:aws:iam::aws:policy/<path><name>`, customer ones under the account. */
function attachedPolicy(arn: string): AttachedPolicy & { path: string } {
  const resource = arn.slice(arn.indexOf(':policy/') + ':policy'.length);
  const cut = resource.lastIndexOf('/');
  return { PolicyName: resource.slice(cut + 1), PolicyArn: arn, path: resource.slice(0, cut + 1) };
}

const listAttachedRolePolicies: Handler = (raw, ctx) => {
  const input = raw as Partial<ListAttachedRolePoliciesRequest>;
  const name = requireName(ctx, input.RoleName, 'roleName', 64);
  if (input.MaxItems !== undefined && (!Number.isInteger(input.MaxItems) || input.MaxItems < 1 || input.MaxItems > 1000))
    throw validation(
      ctx.service,
      `1 validation error detected: Value '${input.MaxItems}' at 'maxItems' failed to satisfy constraint: Member must have value ${input.MaxItems < 1 ? 'greater than or equal to 1' : 'less than or equal to 1000'}`,
    );
  const role = ctx.caller.account.iam.roles.find((r) => r.name === name);
  if (!role) throw new SimError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
  const prefix = input.PathPrefix ?? '/';
  const policies = role.attachedPolicyArns.map(attachedPolicy).filter((p) => p.path.startsWith(prefix));
  // The Marker is bound to the role and prefix like a NextToken to its request's other parameters.
  const paging = { MaxResults: input.MaxItems, NextToken: input.Marker, RoleName: name, PathPrefix: prefix };
  const { items, nextToken } = ctx.page(
    policies.map(({ PolicyName, PolicyArn }) => ({ PolicyName, PolicyArn })),
    paging,
    { min: 1, max: 1000, default: 100 },
  );
  return { AttachedPolicies: items, IsTruncated: nextToken !== undefined, ...(nextToken ? { Marker: nextToken } : {}) };
};

export const IAM_OPERATIONS: Record<string, Handler> = {
  GetInstanceProfile: getInstanceProfile,
  ListAttachedRolePolicies: listAttachedRolePolicies,
};
