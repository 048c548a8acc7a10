/**
 * The Accounts form as plain strings and lists, and its translation to and from an `AuditPlan`.
 * Validation is the contract's own schema, so the form cannot accept what `audit:start` refuses;
 * zod's issues are mapped to form fields so each error shows beside its input.
 */
import { AuditPlan, RegionName } from '../../../shared/auditPlan';
import { userTextProblem, type UserTextProblem } from '../../../shared/userText';
import { REGIONS_WITHOUT_OPT_IN } from '../../../shared/awsRegions';

/** Regions every account has without opting in; others are typed in. */
export const COMMON_REGIONS = REGIONS_WITHOUT_OPT_IN;

export type TargetKind = AuditPlan['targets']['kind'];

export interface PlanForm {
  /** Empty: the default credential chain. */
  profile: string;
  targetKind: TargetKind;
  accountIds: string;
  roleName: string;
  externalId: string;
  include: string;
  exclude: string;
  allRegions: boolean;
  regions: string[];
  concurrency: string;
  /** Empty: the app's setting when the audit runs. */
  catalogEdition: string;
  label: string;
  client: string;
  engagement: string;
}

export type PlanField =
  | 'profile'
  | 'accountIds'
  | 'roleName'
  | 'externalId'
  | 'include'
  | 'exclude'
  | 'regions'
  | 'concurrency'
  | 'label'
  | 'client'
  | 'engagement';

/** A field's first error; `value` names the offending entry of a list. */
/** A field's error: the list item at fault, or for free text the character the text rule refuses. */
export type PlanErrors = Partial<Record<PlanField, { value?: string; problem?: UserTextProblem }>>;

export function emptyPlanForm(): PlanForm {
  return {
    profile: '',
    targetKind: 'self',
    accountIds: '',
    roleName: '',
    externalId: '',
    include: '',
    exclude: '',
    allRegions: false,
    regions: [],
    concurrency: '',
    catalogEdition: '',
    label: '',
    client: '',
    engagement: '',
  };
}

/** Account ids as pasted from a spreadsheet or a console: separated by spaces, commas or lines. */
export function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

export function isRegionName(text: string): boolean {
  return RegionName.safeParse(text).success;
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

function targetsOf(form: PlanForm): Record<string, unknown> {
  const role = { roleName: form.roleName.trim(), ...(optional(form.externalId) ? { externalId: form.externalId.trim() } : {}) };
  if (form.targetKind === 'accounts') return { kind: 'accounts', accountIds: splitList(form.accountIds), ...role };
  if (form.targetKind === 'organization') {
    const include = splitList(form.include);
    const exclude = splitList(form.exclude);
    return { kind: 'organization', ...role, ...(include.length ? { include } : {}), ...(exclude.length ? { exclude } : {}) };
  }
  return { kind: 'self' };
}

function fieldOf(path: readonly PropertyKey[]): PlanField | null {
  const [head, next] = path;
  if (head === 'targets')
    return next === 'accountIds' || next === 'roleName' || next === 'externalId' || next === 'include' || next === 'exclude' ? next : null;
  if (head === 'regions' || head === 'profile' || head === 'concurrency' || head === 'label' || head === 'client' || head === 'engagement')
    return head;
  return null;
}

export function formToPlan(form: PlanForm): { plan: AuditPlan; errors: null } | { plan: null; errors: PlanErrors } {
  const concurrency = form.concurrency.trim() === '' ? undefined : Number(form.concurrency);
  const candidate = {
    ...(optional(form.profile) ? { profile: form.profile.trim() } : {}),
    regions: form.allRegions ? 'all' : [...new Set(form.regions)],
    targets: targetsOf(form),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(form.catalogEdition ? { catalogEdition: form.catalogEdition } : {}),
    ...(optional(form.label) ? { label: form.label.trim() } : {}),
    ...(optional(form.client) ? { client: form.client.trim() } : {}),
    ...(optional(form.engagement) ? { engagement: form.engagement.trim() } : {}),
  };
  const parsed = AuditPlan.safeParse(candidate);
  if (parsed.success) return { plan: parsed.data, errors: null };
  const errors: PlanErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    if (!field || errors[field]) continue;
    const index = issue.path.at(-1);
    const lists: Partial<Record<PlanField, string[]>> = {
      accountIds: splitList(form.accountIds),
      include: splitList(form.include),
      exclude: splitList(form.exclude),
      regions: [...new Set(form.regions)],
    };
    const list = lists[field];
    const value = typeof index === 'number' ? list?.[index] : undefined;
    const problem = field === 'label' || field === 'client' || field === 'engagement' ? userTextProblem(form[field].trim()) : null;
    errors[field] = problem ? { problem } : value === undefined ? {} : { value };
  }
  return { plan: null, errors };
}

export function planToForm(plan: AuditPlan): PlanForm {
  const form = emptyPlanForm();
  form.profile = plan.profile ?? '';
  form.allRegions = plan.regions === 'all';
  form.regions = plan.regions === 'all' ? [] : [...plan.regions];
  form.concurrency = plan.concurrency === undefined ? '' : String(plan.concurrency);
  form.catalogEdition = plan.catalogEdition ?? '';
  form.label = plan.label ?? '';
  form.client = plan.client ?? '';
  form.engagement = plan.engagement ?? '';
  const targets = plan.targets;
  form.targetKind = targets.kind;
  if (targets.kind !== 'self') {
    form.roleName = targets.roleName;
    form.externalId = targets.externalId ?? '';
  }
  if (targets.kind === 'accounts') form.accountIds = targets.accountIds.join('\n');
  if (targets.kind === 'organization') {
    form.include = (targets.include ?? []).join('\n');
    form.exclude = (targets.exclude ?? []).join('\n');
  }
  return form;
}

/** The plan with the external id typed for this run (never saved). */
export function withExternalId(plan: AuditPlan, externalId: string): AuditPlan {
  if (plan.targets.kind === 'self' || !externalId.trim()) return plan;
  return { ...plan, targets: { ...plan.targets, externalId: externalId.trim() } };
}
