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

/** Why a scope failed, in words the consultant can act on; never a credential. */
export function describeScopeError(err: unknown, action: string, region: string): string {
  const name = errorName(err);
  const message = redact(err instanceof Error ? err.message : String(err)).slice(0, 300);
  if (DENIED.has(name)) return `Access denied for ${action} (${name}). Grant ${action} to the audit role; see build/iam/.`;
  if (EXPIRED.has(name)) return `The session expired during the audit (${name}). Refresh the credentials and run the audit again.`;
  if (REGION_OFF.has(name)) return `Region ${region} is not enabled for this account or refuses the credentials (${name}: ${message}).`;
  if (isAborted(err)) return 'Cancelled.';
  return `${action} failed: ${name}: ${message}`;
}

/** A required call failed: the scope cannot be audited. */
export class ScopeFailure extends Error {
  override name = 'ScopeFailure';
}
