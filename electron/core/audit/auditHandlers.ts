import type { DomainHandlers } from '../../../shared/contract';
import type { AuditService } from './auditService';

export function createAuditHandlers(service: AuditService): DomainHandlers<'audit'> {
  return {
    start: (plan) => service.start(plan),
    cancel: async ({ runId }) => ({ cancelled: service.cancel(runId) }),
    status: async () => service.status(),
    provideMfa: async ({ runId, code }) => ({ accepted: service.provideMfa(runId, code) }),
  };
}
