import { scopeErrorText, type ScopeErrorCode } from '../../../shared/scopeErrors';
import { redact } from '../aws/redact';

/** AWS error names that mean "this caller may not do that". */
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException', 'AuthorizationError']);
/** The session or its token is no longer valid: the whole scope (and its account) is lost. */
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
/** Answers AWS gives in a region the account has not enabled (opt-in regions). */
const REGION_OFF = new Set(['UnrecognizedClientException', 'AuthFailure', 'InvalidClientTokenId', 'OptInRequired']);

export const errorName = (err: unknown): string =>
  err && typeof err === 'object' ? String((err as { name?: unknown }).name ?? (err as { Code?: unknown }).Code ?? 'Error') : 'Error';

export const isDenied = (err: unknown) => DENIED.has(errorName(err));
export const isExpired = (err: unknown) => EXPIRED.has(errorName(err));
export const isAborted = (err: unknown) => errorName(err) === 'AbortError';

/** Why a scope failed: English text for logs and the CLI, and a code for the reader's language. */
export interface ScopeErrorInfo {
  message: string;
  code: ScopeErrorCode;
  params: Record<string, string>;
}

/** Why a scope failed, in words the consultant can act on; never a credential. */
export function classifyScopeError(err: unknown, action: string, region: string): ScopeErrorInfo {
  const name = errorName(err);
  const detail = redact(err instanceof Error ? err.message : String(err)).slice(0, 300);
  const code: ScopeErrorCode = DENIED.has(name)
    ? 'access_denied'
    : EXPIRED.has(name)
      ? 'session_expired'
      : REGION_OFF.has(name)
        ? 'region_disabled'
        : isAborted(err)
          ? 'cancelled'
          : 'call_failed';
  const params = { action, name, region, detail };
  return { code, params, message: scopeErrorText({ errorCode: code, errorParams: params }, 'en') };
}

export const describeScopeError = (err: unknown, action: string, region: string): string => classifyScopeError(err, action, region).message;

/** A required call failed: the scope cannot be audited. */
export class ScopeFailure extends Error {
  override name = 'ScopeFailure';
  constructor(readonly info: ScopeErrorInfo) {
    super(info.message);
  }
}
