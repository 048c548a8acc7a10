/**
 * The plan handed from the Accounts page to the Run page. It lives in memory only, so an
 * external id typed for this run disappears with the window.
 */
import type { AuditPlan } from '../../../shared/auditPlan';

export interface PendingPlan {
  plan: AuditPlan;
  /** The saved plan's name, when it came from one. */
  name?: string;
  /** The plan's role needs an external id that must be typed before the run. */
  needsExternalId: boolean;
}

let pending = $state<PendingPlan | null>(null);

export const pendingPlan = {
  get current(): PendingPlan | null {
    return pending;
  },
  set(next: PendingPlan | null) {
    pending = next;
  },
};
