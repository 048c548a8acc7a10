/**
 * `ssm:DescribeInstancePatches` — which patches a node misses, failed to install or installed
 * pending a reboot (issue 19). Optional, and read only for nodes whose patch state counts some:
 * a compliant node costs no call. CVE ids come as one comma-separated string, and AWS reports
 * them for missing and failed patches only.
 */
import {
  PATCH_DETAIL_LIMITS,
  PATCH_DETAIL_STATES,
  type PatchDetail,
  type PatchDetailState,
  type PatchState,
} from '../../../../shared/model';
import { SOURCE_GAPS } from '../../../../shared/rules/sources';
import { defined, text } from './awsValues';

export const INSTANCE_PATCHES = { action: SOURCE_GAPS.patches, required: false } as const;

/** The request's `State` filter; the API accepts at most 5 filters with these spellings. */
export const PATCH_DETAIL_FILTER = { Key: 'State', Values: [...PATCH_DETAIL_STATES] };

/** The API's largest page (MaxResults 10–100, API reference): the fewest calls per node. */
export const PATCH_DETAIL_PAGE = 100;

/** How the answers spell the states the filter names. */
const STATE_OF_ANSWER: Readonly<Record<string, PatchDetailState>> = {
  MISSING: 'Missing',
  FAILED: 'Failed',
  INSTALLED_PENDING_REBOOT: 'InstalledPendingReboot',
};

const CVE = /^CVE-\d{4}-\d{4,7}$/;

/**
 * Does this node's patch state count patches whose detail is worth a call? A count the answer
 * did not give (absent, or damaged and dropped by the value bounds) proves nothing: ask.
 */
export function needsPatchDetail(state: PatchState | null | undefined): boolean {
  if (!state) return false;
  const counts = [state.missingCount, state.failedCount, state.installedPendingRebootCount];
  return counts.some((count) => count === undefined || count > 0);
}

function cveIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const ids = value.split(/[\s,]+/).filter((id) => CVE.test(id));
  return [...new Set(ids)].slice(0, PATCH_DETAIL_LIMITS.cveIds);
}

/** One `PatchComplianceData`, bounded like every other AWS value; undefined when it is not a patch of a state asked for. */
function toPatchDetail(raw: Record<string, unknown>): PatchDetail | undefined {
  const state = typeof raw.State === 'string' ? STATE_OF_ANSWER[raw.State] : undefined;
  const title = text(raw.Title, PATCH_DETAIL_LIMITS.title);
  const kbId = text(raw.KBId, PATCH_DETAIL_LIMITS.kbId);
  if (!state || (!title && !kbId)) return undefined;
  return {
    title: title?.trim() ? title : (kbId ?? ''),
    kbId: kbId ?? '',
    ...defined({
      classification: text(raw.Classification, PATCH_DETAIL_LIMITS.label) || undefined,
      severity: text(raw.Severity, PATCH_DETAIL_LIMITS.label) || undefined,
    }),
    state,
    cveIds: cveIds(raw.CVEIds),
  };
}

/** A node's patch detail from its answer pages' `Patches`, each patch once, within the export's bound. */
export function patchDetails(patches: Iterable<unknown>): PatchDetail[] {
  const seen = new Set<string>();
  const out: PatchDetail[] = [];
  for (const patch of patches) {
    if (out.length >= PATCH_DETAIL_LIMITS.patches) break;
    if (patch === null || typeof patch !== 'object') continue;
    const detail = toPatchDetail(patch as Record<string, unknown>);
    const key = detail && `${detail.state}\u0000${detail.kbId}\u0000${detail.title}`;
    if (!detail || !key || seen.has(key)) continue;
    seen.add(key);
    out.push(detail);
  }
  return out;
}
