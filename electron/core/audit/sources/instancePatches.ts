/**
 * `ssm:DescribeInstancePatches` — which patches a node misses, failed to install or installed
 * pending a reboot (issue 19). Optional, and read only for nodes whose patch state counts some:
 * a compliant node costs no call. CVE ids come as one comma-separated string, and AWS reports
 * them for missing and failed patches only.
 */
import {
  PATCH_DETAIL_LIMITS,
  PATCH_DETAIL_STATES,
  type NodeFacts,
  type PatchDetail,
  type PatchDetailState,
  type PatchState,
} from '../../../../shared/model';
import { DescribeInstancePatchesCommand } from '@aws-sdk/client-ssm';
import { z } from 'zod';
import { defined, text } from './awsValues';
import { Timestamp } from './cliValues';
import { checkAbort, readIf, type NodeShare, type NodeSourceModule, type SourceContext, type SourceRead } from './source';

/** Nodes whose patch detail is read at once in one scope: one call per node and page, so a scope with thousands of non-compliant nodes must not flood its own throttle bucket. */
const PATCH_DETAIL_CONCURRENCY = 4;

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

/** One node's missing, failed and pending-reboot patches, every page, within the export's bound. */
async function readNode(ctx: SourceContext, id: string): Promise<PatchDetail[]> {
  const patches: unknown[] = [];
  const tokens = new Set<string>();
  let next: string | undefined;
  do {
    checkAbort(ctx.signal);
    const page = await ctx.clients.ssm.send(
      new DescribeInstancePatchesCommand({
        InstanceId: id,
        Filters: [{ Key: PATCH_DETAIL_FILTER.Key, Values: [...PATCH_DETAIL_FILTER.Values] }],
        MaxResults: PATCH_DETAIL_PAGE,
        NextToken: next,
      }),
    );
    if (Array.isArray(page.Patches)) patches.push(...page.Patches);
    next = page.NextToken;
    // Bounded like every answer: past the export's limit, or on a token seen before, stop paging.
    if (next && (tokens.has(next) || patches.length >= PATCH_DETAIL_LIMITS.patches)) break;
    if (next) tokens.add(next);
  } while (next);
  return patchDetails(patches);
}

/** Each node's patch detail, a few nodes at a time. */
async function patchDetailsOf(ctx: SourceContext, states: ReadonlyMap<string, PatchState>): Promise<Map<string, PatchDetail[]>> {
  const ids = [...states].filter(([, state]) => needsPatchDetail(state)).map(([id]) => id);
  const details = new Map<string, PatchDetail[]>();
  let next = 0;
  // The first failure stops every worker, and all settle before it is thrown: no call outlives the source.
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < ids.length) {
      const id = ids[next++]!;
      try {
        details.set(id, await readNode(ctx, id));
      } catch (error) {
        // A node deregistered since the node list was read is that node's loss alone (it stays
        // "not collected"); anything else ends the source for the scope, as for every source.
        if (error instanceof Error && error.name === 'InvalidInstanceId' && !ctx.signal.aborted) continue;
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PATCH_DETAIL_CONCURRENCY, ids.length) }, worker));
  if (failure) throw failure.error;
  return details;
}

/**
 * What is known of a node's patches: none when its patch state counts none (no call was needed),
 * else the detail read for it, or why there is none.
 */
function patchesOf(
  patchState: Partial<NodeFacts>['patchState'],
  id: string,
  read: SourceRead<ReadonlyMap<string, PatchDetail[]>>,
): NodeShare {
  if (patchState === undefined || patchState === null) return { status: 'not_collected' };
  if (!needsPatchDetail(patchState)) return { patches: [], status: 'ok' };
  if (read.status !== 'ok') return { status: read.status };
  const patches = read.value.get(id);
  return patches ? { patches, status: 'ok' } : { status: 'not_collected' };
}

/** One `PatchComplianceData` of `aws ssm describe-instance-patches` output; the translation bounds its values. */
const PatchComplianceData = z.object({
  Title: z.string().optional(),
  KBId: z.string().optional(),
  Classification: z.string().optional(),
  Severity: z.string().optional(),
  State: z.string().optional(),
  InstalledTime: Timestamp.optional(),
  CVEIds: z.string().optional(),
});

/** `describe-instance-patches` answers for one node and does not name it: its file's name does. */
interface NodePatches {
  InstanceId: string;
  Patches: unknown[];
}

/** The live audit's patch-detail filter, for one node (`$id`), as the AWS CLI command a client runs; quoted for PowerShell. */
export const PATCHES_COMMAND = `aws ssm describe-instance-patches --instance-id $id --filters "Key=${PATCH_DETAIL_FILTER.Key},Values=${PATCH_DETAIL_FILTER.Values.join(',')}"`;

export const instancePatches: NodeSourceModule<'patches', ReadonlyMap<string, PatchDetail[]>> = {
  key: 'patches',
  // Issue 19: the detail only of nodes whose patch state counts missing, failed or pending-reboot
  // patches, so a compliant fleet costs no call; it starts as soon as the patch states are in.
  dependsOn: { on: 'patchState' },
  collect: patchDetailsOf,
  fromCliFiles: {
    // It answers for one node without naming it: each node's file is named after it.
    howToSave: {
      bash: [`for id in $(cat ids-*); do ${PATCHES_COMMAND} --output json > "patches-$id.json"; done`],
      powershell: [`foreach ($id in $ids) { ${PATCHES_COMMAND} --output json > "patches-$id.json" }`],
    },
    kinds: {
      Patches: {
        command: 'aws ssm describe-instance-patches',
        item: PatchComplianceData,
        identity: (item: NodePatches) => item.InstanceId,
        perNode: { example: 'patches-i-0123456789abcdef0.json' },
      },
    },
    read: (items) =>
      readIf(
        items.has('Patches'),
        () => new Map((items.get('Patches') as NodePatches[]).map((node) => [node.InstanceId, patchDetails(node.Patches)])),
      ),
  },
  toFacts: (node, read, facts) => patchesOf(facts.patchState, node.instanceId, read),
};
