/**
 * The Accounts form as the user left it: kept in memory while they visit other pages (a run,
 * the overview) so coming back does not lose what was typed. Never written anywhere.
 */
import type { SavedPlan } from '../../../shared/plans';
import { emptyPlanForm, type PlanForm } from './planForm';

export const planDraft = $state<{ form: PlanForm; loadedPlan: SavedPlan | null; planName: string }>({
  form: emptyPlanForm(),
  loadedPlan: null,
  planName: '',
});
