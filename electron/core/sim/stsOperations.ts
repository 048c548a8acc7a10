/** STS (awsQuery): who am I, and temporary credentials for a role in another simulated account. */
import type { AssumeRoleRequest } from '@aws-sdk/client-sts';
import type { Handler, HandlerContext } from './context';
import { validation } from './context';
import { SimError } from './errors';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function denied(ctx: HandlerContext, roleArn: string): SimError {
  return new SimError('AccessDenied', `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
}

const getCallerIdentity: Handler = (_input, ctx) => ({
  UserId: ctx.caller.userId,
  Account: ctx.caller.account.accountId,
  Arn: ctx.caller.arn,
});

const assumeRole: Handler = (raw, ctx) => {
  const input = raw as Partial<AssumeRoleRequest>;
  const roleArn = input.RoleArn ?? '';
  const m = ROLE_ARN.exec(roleArn);
  if (!m) throw validation(ctx.service, `${roleArn || 'null'} is invalid`);
  const sessionName = input.RoleSessionName ?? '';
  if (!SESSION_NAME.test(sessionName)) {
    throw validation(
      ctx.service,
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const duration = input.DurationSeconds ?? 3600;
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    throw validation(
      ctx.service,
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  const [, accountId = '', roleName = ''] = m;
  const target = ctx.world.account(accountId);
  const role = target?.roles.find((r) => r.name === roleName);
  if (!target || !role) throw denied(ctx, roleArn);
  if (role.externalId !== undefined && input.ExternalId !== role.externalId) throw denied(ctx, roleArn);
  // Role chaining caps the session at one hour, whatever the role allows.
  const max = ctx.caller.session ? 3600 : role.maxSessionDurationS;
  if (duration > max)
    throw validation(
      ctx.service,
      `The requested DurationSeconds exceeds the ${ctx.caller.session ? '1 hour session limit for roles assumed by role chaining' : 'MaxSessionDuration set for this role'}.`,
    );
  const roleId = `AROA${Buffer.from(`${accountId}:${roleName}`).toString('hex').toUpperCase().slice(0, 17)}`;
  const session = ctx.createSession({ accountId, roleName, roleId, sessionName, expiresAtMs: ctx.now() + duration * 1000 });
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: new Date(session.expiresAtMs),
    },
    AssumedRoleUser: {
      AssumedRoleId: `${roleId}:${sessionName}`,
      Arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
    },
  };
};

export const STS_OPERATIONS: Record<string, Handler> = { GetCallerIdentity: getCallerIdentity, AssumeRole: assumeRole };
