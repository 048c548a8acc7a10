/**
 * Why a scope (account × region) could not be audited, as a code with parameters, so the
 * interface and the reports say it in the reader's language. The English `error` text stays
 * beside it for the CLI, logs and snapshots written before codes existed.
 */
import { z } from 'zod';
import type { Lang } from './model';

export const SCOPE_ERROR_CODES = [
  'access_denied',
  'session_expired',
  'region_disabled',
  'cancelled',
  'role_not_assumable',
  'call_failed',
  'not_aws_answer',
] as const;
export const ScopeErrorCode = z.enum(SCOPE_ERROR_CODES);
export type ScopeErrorCode = z.infer<typeof ScopeErrorCode>;
export const ScopeErrorParams = z.record(z.string().max(64), z.string().max(2000));
/** Why each optional source of a scope could not be read, keyed by the gap's action (`ssm:GetInventory`). */
export const GapErrors = z.record(z.string().max(128), z.object({ errorCode: ScopeErrorCode, errorParams: ScopeErrorParams }));
export type GapErrors = z.infer<typeof GapErrors>;

const TEXTS: Record<ScopeErrorCode, Record<Lang, string>> = {
  access_denied: {
    ja: '{action} へのアクセスが拒否されました ({name}{said})。監査に使う ID に {action} を許可してください。必要なポリシーは設定 →「監査ロールのポリシー」でコピーでき、`patch-audit iam-policy` でも出力できます。',
    en: 'Access denied for {action} ({name}{said}). Grant {action} to the audit role: the policy it needs can be copied in Settings → “Policy for the audit role” or printed with `patch-audit iam-policy`.',
  },
  session_expired: {
    ja: '監査中にセッションの有効期限が切れました ({name})。認証情報を更新して監査を再実行してください。',
    en: 'The session expired during the audit ({name}). Refresh the credentials and run the audit again.',
  },
  region_disabled: {
    ja: 'このアカウントではリージョン {region} が有効になっていないか、認証情報が拒否されました ({name})。',
    en: 'Region {region} is not enabled for this account or refuses the credentials ({name}).',
  },
  cancelled: { ja: '中止しました。', en: 'Cancelled.' },
  role_not_assumable: {
    ja: '{role} を引き受けられません (アクセス拒否)。呼び出し元の sts:AssumeRole 権限、ロールの信頼ポリシー、外部 ID を確認してください。',
    en: 'Cannot assume {role}: access denied. Check that the caller is allowed sts:AssumeRole on it, the role’s trust policy and the external id.',
  },
  call_failed: { ja: '{action} が失敗しました ({name}: {detail})。', en: '{action} failed: {name}: {detail}' },
  not_aws_answer: {
    ja: '{operation} にエンドポイントが HTTP {status} で{what}を返しました。AWS の応答ではありません。エンドポイントの設定 (AWS_ENDPOINT_URL、プロファイルの endpoint_url) と、そこにあるサービスが {operation} に対応しているかを確認してください。',
    en: '{operation}: the endpoint answered HTTP {status} with {what}, not an AWS answer. Check the endpoint setting (AWS_ENDPOINT_URL, the profile’s endpoint_url) and that the service there supports {operation}.',
  },
};

/** What came back instead of an AWS answer (`received` of `not_aws_answer`). */
const RECEIVED: Record<string, Record<Lang, string>> = {
  html: { ja: 'HTML ページ', en: 'an HTML page' },
  other: { ja: '読み取れない応答 ({contentType})', en: 'an answer it could not read ({contentType})' },
};

export interface ScopeErrorFields {
  error?: string | undefined;
  errorCode?: ScopeErrorCode | undefined;
  errorParams?: Record<string, string> | undefined;
}

/** The short form for a narrow place: AWS's error code, or the HTTP status of an answer that was not AWS's. */
export function scopeErrorCodeText(scope: ScopeErrorFields): string {
  const params = scope.errorParams ?? {};
  if (scope.errorCode === 'not_aws_answer') return `HTTP ${params.status ?? '?'}`;
  return params.name ?? scope.errorCode ?? '';
}

/** The reason in the reader's language; the stored English text when there is no code. */
export function scopeErrorText(scope: ScopeErrorFields, lang: Lang): string {
  if (!scope.errorCode) return scope.error ?? '';
  const given = scope.errorParams ?? {};
  const received = RECEIVED[given.received ?? ''];
  const params: Record<string, string> = {
    ...given,
    // AWS's own words (redacted) name the principal and the policy that refused; shown when kept.
    said: given.detail && given.detail !== given.name ? `: ${given.detail}` : '',
    ...(received ? { what: received[lang].replace('{contentType}', given.contentType || '?') } : {}),
  };
  return TEXTS[scope.errorCode][lang].replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? '');
}

const ACCOUNT_LEVEL_REGION: Record<Lang, string> = { en: 'all regions (account not reached)', ja: '全リージョン (アカウントに到達できず)' };

/** A scope's region as every screen, report and the CLI name it: an account-level scope (region null, issue 28) names none. */
export function scopeRegionText(region: string | null, lang: Lang): string {
  return region ?? ACCOUNT_LEVEL_REGION[lang];
}
