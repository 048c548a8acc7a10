/**
 * The profiles of the machine's shared config and credentials files, read with the SDK's own
 * loader (it honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE). Only names, kinds and
 * regions leave this module: never a key, a token or an external id.
 */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export type ProfileKind = 'static' | 'sso' | 'assume-role' | 'process' | 'web-identity' | 'other';

export interface ProfileSummary {
  name: string;
  kind: ProfileKind;
  region?: string;
  /** A role profile that will ask for an MFA code. */
  mfa: boolean;
}

type Section = Record<string, string | undefined>;

export function profileKind(section: Section): ProfileKind {
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.role_arn && section.web_identity_token_file) return 'web-identity';
  if (section.role_arn) return 'assume-role';
  if (section.credential_process) return 'process';
  if (section.aws_access_key_id) return 'static';
  return 'other';
}

export async function listProfiles(): Promise<ProfileSummary[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names]
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => {
      const merged: Section = { ...credentialsFile[name], ...configFile[name] };
      return { name, kind: profileKind(merged), mfa: Boolean(merged.mfa_serial), ...(merged.region ? { region: merged.region } : {}) };
    });
}
