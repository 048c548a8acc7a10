/** Saved audit plans as a use case: the plans file behind inputs checked as the contract reads them. */
import type { SavedPlan } from '../../../shared/plans';
import type { PlansFile } from '../plans/plansFile';
import { validInput } from './validate';

export class PlanService {
  constructor(private readonly file: PlansFile) {}

  list(): SavedPlan[] {
    return this.file.list();
  }

  /** What the file holds that this version cannot read (issue 28). */
  unreadable(): { entries: number; wholeFile: boolean } {
    return this.file.unreadable();
  }

  /** Any external id in the plan is dropped before it is written (shared/plans.ts). */
  save(input: unknown): SavedPlan {
    return this.file.save(validInput('plans:save', input));
  }

  delete(id: string): boolean {
    return this.file.delete(validInput('plans:delete', { id }).id);
  }
}
