/**
 * Audit plans saved per client. A saved plan never holds the external id: it is a shared secret
 * between the consultant and the client's audit role, so it is re-entered for each run and kept
 * in memory only. `usesExternalId` remembers that one is needed.
 */
import { z } from 'zod';
import { AuditPlan } from './auditPlan';

export const PlanId = z.string().uuid();

export const SavedPlan = z.object({
  id: PlanId,
  name: z.string().trim().min(1).max(120),
  savedAt: z.string(),
  usesExternalId: z.boolean(),
  plan: AuditPlan,
});
export type SavedPlan = z.infer<typeof SavedPlan>;

/** A plan to save: a new one without `id`, or a replacement of the plan with that `id`. */
export const PlanToSave = z
  .object({
    id: PlanId.optional(),
    name: SavedPlan.shape.name,
    usesExternalId: z.boolean().optional(),
    plan: AuditPlan,
  })
  .strict();
export type PlanToSave = z.infer<typeof PlanToSave>;

/** The plan as it may be written down: the external id removed, its need remembered. */
export function withoutExternalId(plan: AuditPlan): { plan: AuditPlan; hadExternalId: boolean } {
  if (plan.targets.kind === 'self' || plan.targets.externalId === undefined) return { plan, hadExternalId: false };
  const { externalId: _dropped, ...targets } = plan.targets;
  return { plan: { ...plan, targets }, hadExternalId: true };
}
