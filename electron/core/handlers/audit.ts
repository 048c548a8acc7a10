import type { DomainHandlers } from '../../../shared/contract';
import type { AuditService } from '../services';

export function auditHandlers(audits: AuditService): DomainHandlers<'audit'> {
  return {
    start: (plan) => audits.start(plan),
    cancel: async ({ runId }) => ({ cancelled: audits.cancel(runId) }),
    status: async () => audits.status(),
    provideMfa: async ({ runId, code }) => ({ accepted: audits.provideMfa(runId, code) }),
  };
}
