/**
 * Which patches are missing (issue 19): the patches and CVEs of a snapshot's nodes ranked by the
 * nodes and accounts they affect, and the patches two snapshots differ by. Pure functions over
 * node facts, so the core, the report and the tests count them one way. A node whose patches were
 * not read is counted as unknown with the reason, never as a node with no missing patch.
 */
import { z } from 'zod';
import { PATCH_DETAIL_STATES, PatchDetailState, type NodeFacts, type PatchDetail } from './model';

const Count = z.number().int().nonnegative();
const Label = z.string().max(64);

/** Why a node's patches are not known: its source status, or `not_recorded` for snapshots saved before issue 19. */
export const PATCHES_UNKNOWN_REASONS = ['denied', 'error', 'not_collected', 'not_recorded'] as const;
export type PatchesUnknownReason = (typeof PATCHES_UNKNOWN_REASONS)[number];

/** An empty or missing list does not filter. Accounts and regions choose nodes; the rest choose patches. */
export const PatchFilters = z
  .object({
    accountIds: z.array(Label).max(1000).optional(),
    regions: z.array(Label).max(100).optional(),
    severities: z.array(Label).max(20).optional(),
    classifications: z.array(Label).max(50).optional(),
    states: z.array(PatchDetailState).max(PATCH_DETAIL_STATES.length).optional(),
  })
  .strict();
export type PatchFilters = z.infer<typeof PatchFilters>;

const PatchIdentity = z.object({
  kbId: z.string(),
  title: z.string(),
  classification: z.string().nullable(),
  severity: z.string().nullable(),
  cveIds: z.array(z.string()),
});

export const PatchRank = PatchIdentity.extend({
  nodes: Count,
  accounts: Count,
  regions: Count,
  /** Nodes per state: a patch may be missing on some nodes and failed on others. */
  states: z.object({ Missing: Count, Failed: Count, InstalledPendingReboot: Count }),
});
export type PatchRank = z.infer<typeof PatchRank>;

export const CveRank = z.object({
  cveId: z.string(),
  nodes: Count,
  accounts: Count,
  /** The most severe of the patches that fix it. */
  severity: z.string().nullable(),
  patches: Count,
  /** The first few of those patches' KB ids or packages. */
  kbIds: z.array(z.string()),
});
export type CveRank = z.infer<typeof CveRank>;

export const PatchesUnknown = z.object({
  nodes: Count,
  reasons: z.array(z.object({ reason: z.enum(PATCHES_UNKNOWN_REASONS), nodes: Count })),
});
export type PatchesUnknown = z.infer<typeof PatchesUnknown>;

export const MissingPatchSummary = z.object({
  totals: z.object({
    /** Nodes of the chosen accounts and regions. */
    nodes: Count,
    /** Of them, nodes whose patches were read: the basis of every figure below. */
    read: Count,
    /** Nodes with at least one patch that passes the filters. */
    affected: Count,
    patches: Count,
    cves: Count,
  }),
  unknown: PatchesUnknown,
  /** Lists cut at `limit`; the totals are not. */
  patches: z.array(PatchRank),
  cves: z.array(CveRank),
  /** What the filters can choose from, over every node of the snapshot. */
  values: z.object({
    accountIds: z.array(z.string()),
    regions: z.array(z.string()),
    severities: z.array(z.string()),
    classifications: z.array(z.string()),
  }),
});
export type MissingPatchSummary = z.infer<typeof MissingPatchSummary>;

export const PatchNode = z.object({
  accountId: z.string(),
  region: z.string(),
  instanceId: z.string(),
  name: z.string().nullable(),
  state: PatchDetailState,
});
export type PatchNode = z.infer<typeof PatchNode>;

export const PatchChange = PatchIdentity.extend({ nodes: Count, accounts: Count });
export type PatchChange = z.infer<typeof PatchChange>;

export const PatchComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** Nodes in both snapshots whose patches were read in both: the basis of the lists. */
  compared: Count,
  /** Nodes in both snapshots whose patches are unknown in at least one. */
  unknown: PatchesUnknown,
  /** Distinct patches in each list; CVE ids that became open, or were closed, on at least one node. */
  totals: z.object({ newlyMissing: Count, resolved: Count, newCves: Count, resolvedCves: Count }),
  /** Missing or failed in `to` on nodes where `from` did not list them; cut at `limit`. */
  newlyMissing: z.array(PatchChange),
  /** Missing or failed in `from`, no longer in `to` (installed, or pending a reboot); cut at `limit`. */
  resolved: z.array(PatchChange),
});
export type PatchComparison = z.infer<typeof PatchComparison>;

export interface PatchNodeInput {
  readonly row: { accountId: string; region: string; instanceId: string; name: string | null };
  readonly facts: NodeFacts;
}

/** Severities as AWS spells them across operating systems, most severe first; others sort after. */
const SEVERITY_ORDER = ['Critical', 'Important', 'High', 'Moderate', 'Medium', 'Low'];
const severityRank = (severity: string | null | undefined): number => {
  const i = severity ? SEVERITY_ORDER.indexOf(severity) : -1;
  return i < 0 ? SEVERITY_ORDER.length : i;
};
export const bySeverity = (a: string | null | undefined, b: string | null | undefined): number =>
  severityRank(a) - severityRank(b) || (a ?? '').localeCompare(b ?? '');

/**
 * The states a consultant reads as "still to install": pending reboot is installed. The Missing
 * patches page's default filter and the report's top missing patches are both these, so under
 * the same filter the two agree (issue 27).
 */
export const TO_INSTALL_STATES: readonly PatchDetailState[] = ['Missing', 'Failed'];

export const isOpen = (patch: PatchDetail): boolean => TO_INSTALL_STATES.includes(patch.state);

/** The node's patches, or why they are not known. */
export function nodePatches(facts: NodeFacts): { patches: PatchDetail[] } | { reason: PatchesUnknownReason } {
  const source = facts.sources.patches;
  if (source !== undefined && source !== 'ok') return { reason: source };
  return facts.patches ? { patches: facts.patches } : { reason: source === undefined ? 'not_recorded' : 'not_collected' };
}

export const patchKey = (p: Pick<PatchDetail, 'kbId' | 'title'>): string => `${p.kbId}\u0000${p.title}`;
const nodeKey = (row: PatchNodeInput['row']): string => `${row.accountId}\u0000${row.region}\u0000${row.instanceId}`;

const identity = (p: PatchDetail): z.infer<typeof PatchIdentity> => ({
  kbId: p.kbId,
  title: p.title,
  classification: p.classification ?? null,
  severity: p.severity ?? null,
  cveIds: [...p.cveIds],
});

const chosen = (list: readonly string[] | undefined, value: string | undefined): boolean =>
  !list?.length || (value !== undefined && list.includes(value));

export const inScope = (filters: PatchFilters, row: PatchNodeInput['row']): boolean =>
  chosen(filters.accountIds, row.accountId) && chosen(filters.regions, row.region);

export const patchMatches = (filters: PatchFilters, p: PatchDetail): boolean =>
  chosen(filters.severities, p.severity) && chosen(filters.classifications, p.classification) && chosen(filters.states, p.state);

class UnknownTally {
  private readonly counts = new Map<PatchesUnknownReason, number>();
  add(reason: PatchesUnknownReason): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }
  result(): PatchesUnknown {
    const reasons = PATCHES_UNKNOWN_REASONS.filter((r) => this.counts.has(r)).map((reason) => ({
      reason,
      nodes: this.counts.get(reason)!,
    }));
    return { nodes: reasons.reduce((sum, r) => sum + r.nodes, 0), reasons };
  }
}

interface PatchTally {
  patch: z.infer<typeof PatchIdentity>;
  nodes: number;
  accounts: Set<string>;
  regions: Set<string>;
  states: PatchRank['states'];
}

interface CveTally {
  nodes: number;
  accounts: Set<string>;
  patches: Map<string, PatchDetail>;
}

const sorted = (values: Iterable<string>): string[] => [...values].sort((a, b) => a.localeCompare(b));
const CVE_KB_IDS = 5;

export interface SummaryOptions {
  filters?: PatchFilters;
  /** Longest list of patches and of CVEs returned. */
  limit?: number;
}

export function missingPatchSummary(nodes: Iterable<PatchNodeInput>, options: SummaryOptions = {}): MissingPatchSummary {
  const filters = options.filters ?? {};
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const values = {
    accountIds: new Set<string>(),
    regions: new Set<string>(),
    severities: new Set<string>(),
    classifications: new Set<string>(),
  };
  const patches = new Map<string, PatchTally>();
  const cves = new Map<string, CveTally>();
  const unknown = new UnknownTally();
  const totals = { nodes: 0, read: 0, affected: 0 };

  for (const { row, facts } of nodes) {
    values.accountIds.add(row.accountId);
    values.regions.add(row.region);
    const known = nodePatches(facts);
    if ('patches' in known)
      for (const p of known.patches) {
        if (p.severity) values.severities.add(p.severity);
        if (p.classification) values.classifications.add(p.classification);
      }
    if (!inScope(filters, row)) continue;
    totals.nodes += 1;
    if ('reason' in known) {
      unknown.add(known.reason);
      continue;
    }
    totals.read += 1;
    const matching = known.patches.filter((p) => patchMatches(filters, p));
    if (matching.length) totals.affected += 1;
    const nodeCves = new Map<string, PatchDetail[]>();
    for (const p of matching) {
      const key = patchKey(p);
      let tally = patches.get(key);
      if (!tally) {
        tally = {
          patch: identity(p),
          nodes: 0,
          accounts: new Set(),
          regions: new Set(),
          states: { Missing: 0, Failed: 0, InstalledPendingReboot: 0 },
        };
        patches.set(key, tally);
      }
      tally.nodes += 1;
      tally.accounts.add(row.accountId);
      tally.regions.add(row.region);
      tally.states[p.state] += 1;
      // AWS names CVE ids on missing and failed patches only: the same patch pending a reboot on
      // the first node seen must not leave the row without the ids the others report.
      for (const id of p.cveIds) if (!tally.patch.cveIds.includes(id)) tally.patch.cveIds.push(id);
      for (const id of p.cveIds) nodeCves.set(id, [...(nodeCves.get(id) ?? []), p]);
    }
    for (const [id, fixes] of nodeCves) {
      let tally = cves.get(id);
      if (!tally) cves.set(id, (tally = { nodes: 0, accounts: new Set(), patches: new Map() }));
      tally.nodes += 1;
      tally.accounts.add(row.accountId);
      for (const p of fixes) tally.patches.set(patchKey(p), p);
    }
  }

  const patchRanks = [...patches.values()]
    .map((t): PatchRank => ({ ...t.patch, nodes: t.nodes, accounts: t.accounts.size, regions: t.regions.size, states: t.states }))
    .sort((a, b) => b.nodes - a.nodes || b.accounts - a.accounts || bySeverity(a.severity, b.severity) || a.kbId.localeCompare(b.kbId));
  const cveRanks = [...cves]
    .map(([cveId, t]): CveRank => {
      const fixes = [...t.patches.values()];
      return {
        cveId,
        nodes: t.nodes,
        accounts: t.accounts.size,
        severity: fixes.map((p) => p.severity ?? null).sort(bySeverity)[0] ?? null,
        patches: fixes.length,
        kbIds: sorted(new Set(fixes.map((p) => p.kbId))).slice(0, CVE_KB_IDS),
      };
    })
    .sort((a, b) => b.nodes - a.nodes || b.accounts - a.accounts || bySeverity(a.severity, b.severity) || b.cveId.localeCompare(a.cveId));

  return {
    totals: { ...totals, patches: patchRanks.length, cves: cveRanks.length },
    unknown: unknown.result(),
    patches: patchRanks.slice(0, limit),
    cves: cveRanks.slice(0, limit),
    values: {
      accountIds: sorted(values.accountIds),
      regions: sorted(values.regions),
      severities: [...values.severities].sort(bySeverity),
      classifications: sorted(values.classifications),
    },
  };
}

/** One patch's nodes (or one CVE's), as the fleet view lists them under its row. */
export type PatchSelector = { kbId: string; title: string } | { cveId: string };

export function nodesWithPatch(
  nodes: Iterable<PatchNodeInput>,
  selector: PatchSelector,
  options: SummaryOptions = {},
): { total: number; nodes: PatchNode[] } {
  const filters = options.filters ?? {};
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const selected = (p: PatchDetail): boolean =>
    'cveId' in selector ? p.cveIds.includes(selector.cveId) : p.kbId === selector.kbId && p.title === selector.title;
  const found: PatchNode[] = [];
  let total = 0;
  for (const { row, facts } of nodes) {
    const known = nodePatches(facts);
    if (!inScope(filters, row) || !('patches' in known)) continue;
    const match = known.patches.find((p) => patchMatches(filters, p) && selected(p));
    if (!match) continue;
    total += 1;
    if (found.length < limit) found.push({ ...row, state: match.state });
  }
  return { total, nodes: found };
}

interface ChangeTally {
  patch: z.infer<typeof PatchIdentity>;
  nodes: number;
  accounts: Set<string>;
}

function countChange(into: Map<string, ChangeTally>, p: PatchDetail, accountId: string): void {
  const key = patchKey(p);
  let tally = into.get(key);
  if (!tally) into.set(key, (tally = { patch: identity(p), nodes: 0, accounts: new Set() }));
  tally.nodes += 1;
  tally.accounts.add(accountId);
}

const changeList = (tallies: Map<string, ChangeTally>): PatchChange[] =>
  [...tallies.values()]
    .map((t) => ({ ...t.patch, nodes: t.nodes, accounts: t.accounts.size }))
    .sort((a, b) => b.nodes - a.nodes || bySeverity(a.severity, b.severity) || a.kbId.localeCompare(b.kbId));

const openPatches = (patches: readonly PatchDetail[]): Map<string, PatchDetail> =>
  new Map(patches.filter(isOpen).map((p) => [patchKey(p), p]));
const cvesOf = (patches: Map<string, PatchDetail>): Set<string> => new Set([...patches.values()].flatMap((p) => p.cveIds));

/** Patches newly missing and resolved on the nodes both snapshots hold (added and removed nodes are Compare's other lists). */
export function comparePatches(
  before: Iterable<PatchNodeInput>,
  after: Iterable<PatchNodeInput>,
  ids: { from: number; to: number },
  limit = Number.POSITIVE_INFINITY,
): PatchComparison {
  const earlier = new Map<string, Map<string, PatchDetail> | { reason: PatchesUnknownReason }>();
  for (const { row, facts } of before) {
    const known = nodePatches(facts);
    earlier.set(nodeKey(row), 'patches' in known ? openPatches(known.patches) : known);
  }
  const unknown = new UnknownTally();
  const newlyMissing = new Map<string, ChangeTally>();
  const resolved = new Map<string, ChangeTally>();
  const newCves = new Set<string>();
  const resolvedCves = new Set<string>();
  let compared = 0;
  for (const { row, facts } of after) {
    const was = earlier.get(nodeKey(row));
    if (!was) continue;
    const now = nodePatches(facts);
    if ('reason' in now) unknown.add(now.reason);
    else if ('reason' in was) unknown.add(was.reason);
    if ('reason' in now || 'reason' in was) continue;
    compared += 1;
    const open = openPatches(now.patches);
    for (const [key, p] of open) if (!was.has(key)) countChange(newlyMissing, p, row.accountId);
    for (const [key, p] of was) if (!open.has(key)) countChange(resolved, p, row.accountId);
    const cves = { before: cvesOf(was), after: cvesOf(open) };
    for (const id of cves.after) if (!cves.before.has(id)) newCves.add(id);
    for (const id of cves.before) if (!cves.after.has(id)) resolvedCves.add(id);
  }
  const lists = { newlyMissing: changeList(newlyMissing), resolved: changeList(resolved) };
  return {
    ...ids,
    compared,
    unknown: unknown.result(),
    totals: {
      newlyMissing: lists.newlyMissing.length,
      resolved: lists.resolved.length,
      newCves: newCves.size,
      resolvedCves: resolvedCves.size,
    },
    newlyMissing: lists.newlyMissing.slice(0, limit),
    resolved: lists.resolved.slice(0, limit),
  };
}
