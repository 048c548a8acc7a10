/**
 * Credentials through the SDK's own providers: the default chain (environment, SSO, process,
 * role profiles, web identity, instance roles) for a profile, and AssumeRole into audited
 * accounts. An MFA code is asked through `mfaCodeProvider` (in the app: a prompt over the
 * contract) and never stored.
 */
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { classifyScopeError, notAwsAnswer } from './errors';
import type { CallStats } from './callStats';
import { baseClientConfig, callCounter, type ClientOptions, type Credentials } from './clients';
import { redact } from './redact';

export interface ProfileCredentialsOptions {
  profile?: string;
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  clientOptions: ClientOptions;
  /** Region for the STS calls the providers make (role profiles). */
  region: string;
}

export function profileCredentials(options: ProfileCredentialsOptions): AwsCredentialIdentityProvider {
  return fromNodeProviderChain({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.mfaCodeProvider ? { mfaCodeProvider: options.mfaCodeProvider } : {}),
    ...(options.clientOptions.endpoint ? { clientConfig: { endpoint: options.clientOptions.endpoint, region: options.region } } : {}),
  });
}

export interface AssumeRoleTarget {
  accountId: string;
  roleName: string;
  externalId?: string;
  partition?: string;
}

export function roleArn(target: AssumeRoleTarget): string {
  return `arn:${target.partition ?? 'aws'}:iam::${target.accountId}:role/${target.roleName}`;
}

export function assumedRoleCredentials(
  source: Credentials,
  target: AssumeRoleTarget,
  region: string,
  clientOptions: ClientOptions,
  stats: CallStats,
): AwsCredentialIdentityProvider {
  return fromTemporaryCredentials({
    masterCredentials: source,
    params: {
      RoleArn: roleArn(target),
      RoleSessionName: 'patch-auditor',
      DurationSeconds: 3600,
      ...(target.externalId ? { ExternalId: target.externalId } : {}),
    },
    clientConfig: baseClientConfig(region, source, clientOptions),
    clientPlugins: [callCounter('STS', stats)],
  });
}

/**
 * Turns a credential or session failure into what the user should do next. The message names
 * the profile or role, never a key, a token or an external id.
 */
export function describeCredentialError(err: unknown, context: { profile?: string; roleArn?: string }): string {
  const e = (err && typeof err === 'object' ? err : {}) as { name?: string; message?: string; Code?: string };
  const name = e.name ?? e.Code ?? '';
  const message = e.message ?? String(err);
  const profile = context.profile ?? 'default';
  const foreign = notAwsAnswer(err, 'STS');
  if (foreign) return classifyScopeError(foreign, foreign.operation, '').message;
  if (/sso/i.test(message) && /(token|expired|refresh|login)/i.test(message)) {
    return `The IAM Identity Center (SSO) session of profile "${profile}" is missing or expired. Run: aws sso login --profile ${profile}`;
  }
  if (/^(ExpiredToken|ExpiredTokenException|RequestExpired|TokenRefreshRequired)$/.test(name) || /expired/i.test(message)) {
    return `The credentials of ${context.roleArn ? `role ${context.roleArn}` : `profile "${profile}"`} have expired. Refresh them (for SSO: aws sso login --profile ${profile}) and run the audit again.`;
  }
  if (/mfa/i.test(message)) return `Profile "${profile}" needs an MFA code: ${redact(message)}`;
  if (context.roleArn && /^(AccessDenied|AccessDeniedException)$/.test(name)) {
    // AWS gives the same AccessDenied whether the caller lacks the permission or the role's trust refuses it.
    return `Cannot assume ${context.roleArn}: access denied. Check that the caller is allowed sts:AssumeRole on it, the role's trust policy and the external id.`;
  }
  if (/Could not load credentials|Unable to find|not found|does not exist|Profile .* could not be found/i.test(message)) {
    return `No usable credentials for profile "${profile}": ${redact(message)}`;
  }
  return redact(`${name ? `${name}: ` : ''}${message}`);
}
