/**
 * What an AWS error means: denied, expired, a region not enabled, an answer that was not AWS's.
 * The AWS layer owns it because its clients (middleware) and the credential chain classify errors
 * below the audit, which adds only what a failed scope is (audit/errors.ts).
 */
import { scopeErrorText, type ScopeErrorCode } from '../../../shared/scopeErrors';
import { redact } from './redact';

/** AWS error names that mean "this caller may not do that". */
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException', 'AuthorizationError']);
/** The session or its token is no longer valid: the whole scope (and its account) is lost. */
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
/** Answers AWS gives in a region the account has not enabled (opt-in regions). */
const REGION_OFF = new Set(['UnrecognizedClientException', 'AuthFailure', 'InvalidClientTokenId', 'OptInRequired']);

export const errorName = (err: unknown): string =>
  err && typeof err === 'object' ? String((err as { name?: unknown }).name ?? (err as { Code?: unknown }).Code ?? 'Error') : 'Error';

/**
 * An answer the SDK could not take for AWS's: an HTML page (a proxy, a mock that lacks the
 * operation) or a body that is not the service's protocol. AWS itself answers JSON or XML, so
 * such an answer says where the fault is — the endpoint, not the caller's rights.
 */
export class NotAwsAnswer extends Error {
  override name = 'NotAwsAnswer';
  /** Kept so the SDK's retry middleware can note the attempts on it, as on any SDK error. */
  readonly $metadata: { httpStatusCode?: number };
  constructor(
    /** `Service.Operation`, e.g. `SSM.DescribeInstancePatchStates`. */
    readonly operation: string,
    readonly status: number | undefined,
    readonly received: 'html' | 'other',
    readonly contentType: string,
  ) {
    super(
      `${operation}: HTTP ${status ?? '?'} with ${received === 'html' ? 'an HTML page' : `an answer of type ${contentType || 'unknown'}`}, not an AWS answer`,
    );
    this.$metadata = status === undefined ? {} : { httpStatusCode: status };
  }
}

interface RawResponse {
  statusCode?: unknown;
  headers?: unknown;
}

const contentTypeOf = (response: RawResponse): string => {
  const headers = response.headers && typeof response.headers === 'object' ? (response.headers as Record<string, unknown>) : {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  return key === undefined ? '' : String(headers[key]).slice(0, 100);
};

/** A successful HTTP answer that is an HTML page: the EC2 XML parser would read it as an empty result. */
export function htmlAnswer(response: unknown, operation: string): NotAwsAnswer | undefined {
  if (!response || typeof response !== 'object') return undefined;
  const contentType = contentTypeOf(response as RawResponse);
  if (!/text\/html/i.test(contentType)) return undefined;
  const status = (response as RawResponse).statusCode;
  return new NotAwsAnswer(operation, typeof status === 'number' ? status : undefined, 'html', contentType);
}

/**
 * The SDK's error for an answer that was not AWS's, as a `NotAwsAnswer`; undefined for a real
 * AWS error. SDK v3 throws the parser's own error (a JSON `SyntaxError`) with `$response`
 * attached and no `$fault` when the body cannot be read, and for an EC2 HTML error page a
 * service error named after the status ("NotFound", message "Unknown"): the content type tells.
 */
export function notAwsAnswer(err: unknown, operation: string): NotAwsAnswer | undefined {
  if (err instanceof NotAwsAnswer) return err;
  if (!err || typeof err !== 'object') return undefined;
  const { $response: response, $fault: fault } = err as { $response?: unknown; $fault?: unknown };
  if (!response || typeof response !== 'object') return undefined;
  const html = htmlAnswer(response, operation);
  if (html) return html;
  if (fault !== undefined) return undefined;
  const status = (response as RawResponse).statusCode;
  const message = err instanceof Error ? err.message : '';
  return new NotAwsAnswer(
    operation,
    typeof status === 'number' ? status : undefined,
    /Unexpected token '<'/.test(message) ? 'html' : 'other',
    contentTypeOf(response as RawResponse),
  );
}

/**
 * Gateways in front of a real endpoint answer 502–504 pages while it is briefly unreachable;
 * any other foreign answer comes back the same however often it is asked.
 */
const GATEWAY_STATUSES = new Set([502, 503, 504]);
export const isRetryableNotAwsAnswer = (err: NotAwsAnswer): boolean => err.status !== undefined && GATEWAY_STATUSES.has(err.status);

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
  // The clients' middleware already turns these into NotAwsAnswer; calls made by other clients
  // (the credential chain's STS) reach here as the SDK threw them.
  const foreign = notAwsAnswer(err, action);
  if (foreign) {
    const params = {
      action,
      region,
      operation: foreign.operation,
      status: foreign.status === undefined ? '?' : String(foreign.status),
      received: foreign.received,
      contentType: redact(foreign.contentType),
    };
    return { code: 'not_aws_answer', params, message: scopeErrorText({ errorCode: 'not_aws_answer', errorParams: params }, 'en') };
  }
  const name = errorName(err);
  // The SDK appends a hint for developers ("inspect the hidden field {error}.$response") that
  // means nothing to the reader of an audit.
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s*Deserialization error:[^\n]*/g, '');
  const detail = redact(message).slice(0, 300);
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
