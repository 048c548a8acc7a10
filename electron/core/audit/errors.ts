/**
 * The audit's errors. What an AWS error means is the AWS layer's (aws/errors.ts), since the
 * clients and the credential chain below the audit classify errors too; the audit adds what a
 * failed scope is.
 */
import type { ScopeErrorInfo } from '../aws/errors';

/** A required call failed: the scope cannot be audited. */
export class ScopeFailure extends Error {
  override name = 'ScopeFailure';
  constructor(readonly info: ScopeErrorInfo) {
    super(info.message);
  }
}
