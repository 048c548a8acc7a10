/**
 * "What changes under this edition" (issue 18): a snapshot's stored facts judged under two
 * catalog editions, with no AWS call. Both sides are judged by today's engine, so what differs
 * is the edition alone, not an older tool version's judgement stored in the snapshot.
 */
import type { CatalogEdition } from './catalog/schema';
import { evaluateNode, platformOf } from './evaluate';
import type { EditionComparison, EditionTransition } from './history';
import { CHECK_STATUSES, type Check, type CheckStatus, type NodeFacts, RULE_IDS } from './model';
import { platformLabel } from './platform';
import { isReady } from './readiness';

export interface EditionNode {
  readonly row: { accountId: string; region: string; instanceId: string; name: string | null };
  readonly facts: NodeFacts;
}

export interface EditionChangesOptions {
  snapshotId: number;
  from: CatalogEdition;
  to: CatalogEdition;
  /** The moment scan age is measured from: the snapshot's end, as it was judged then. */
  now: Date;
  scanAgeDays: number;
  /** Longest list of changed checks returned; the counts cover every node. */
  limit?: number;
}

type Counts = EditionComparison['totals'];
type GroupCounts = Omit<Counts, 'changedChecks'>;

const emptyCounts = (): GroupCounts => ({ nodes: 0, changedNodes: 0, readyBefore: 0, readyAfter: 0 });

function tally(into: GroupCounts, changed: boolean, readyBefore: boolean, readyAfter: boolean): void {
  into.nodes += 1;
  if (changed) into.changedNodes += 1;
  if (readyBefore) into.readyBefore += 1;
  if (readyAfter) into.readyAfter += 1;
}

function group(groups: Map<string, GroupCounts>, key: string): GroupCounts {
  let counts = groups.get(key);
  if (!counts) groups.set(key, (counts = emptyCounts()));
  return counts;
}

const statusRank = (status: CheckStatus): number => CHECK_STATUSES.indexOf(status);
const byFrequency = (a: EditionTransition, b: EditionTransition): number =>
  b.nodes - a.nodes || statusRank(a.before) - statusRank(b.before) || statusRank(a.after) - statusRank(b.after);

/** The comparison counted node by node, for a caller that already walks the nodes (the report). */
export interface EditionTally {
  add(node: EditionNode): void;
  result(): EditionComparison;
}

export function editionChanges(nodes: Iterable<EditionNode>, options: EditionChangesOptions): EditionComparison {
  const tally = editionTally(options);
  for (const node of nodes) tally.add(node);
  return tally.result();
}

export function editionTally(options: EditionChangesOptions): EditionTally {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const judge = (facts: NodeFacts, catalog: CatalogEdition): Check[] =>
    evaluateNode(facts, { catalog, now: options.now, scanAgeDays: options.scanAgeDays });
  const totals: Counts = { ...emptyCounts(), changedChecks: 0 };
  const platforms = new Map<string, GroupCounts>();
  const accounts = new Map<string, GroupCounts>();
  const rules = new Map<Check['rule'], Map<string, EditionTransition>>();
  const changes: EditionComparison['changes'] = [];

  const add = ({ row, facts }: EditionNode): void => {
    const before = judge(facts, options.from);
    const after = judge(facts, options.to);
    let changed = false;
    before.forEach((was, i) => {
      const now = after[i]!;
      if (was.status === now.status) return;
      changed = true;
      totals.changedChecks += 1;
      const transitions = rules.get(was.rule) ?? new Map<string, EditionTransition>();
      rules.set(was.rule, transitions);
      const key = `${was.status}>${now.status}`;
      const transition = transitions.get(key) ?? { before: was.status, after: now.status, nodes: 0 };
      transitions.set(key, { ...transition, nodes: transition.nodes + 1 });
      if (changes.length < limit)
        changes.push({ ...row, rule: was.rule, before: was.status, after: now.status, beforeCode: was.code, afterCode: now.code });
    });
    const readyBefore = isReady(before);
    const readyAfter = isReady(after);
    tally(totals, changed, readyBefore, readyAfter);
    tally(group(platforms, platformLabel(platformOf(facts))), changed, readyBefore, readyAfter);
    tally(group(accounts, row.accountId), changed, readyBefore, readyAfter);
  };

  const result = (): EditionComparison => {
    const byRule = RULE_IDS.filter((rule) => rules.has(rule)).map((rule) => {
      const transitions = [...rules.get(rule)!.values()].sort(byFrequency);
      return { rule, changed: transitions.reduce((sum, t) => sum + t.nodes, 0), transitions };
    });
    return {
      snapshotId: options.snapshotId,
      from: options.from.id,
      to: options.to.id,
      totals,
      byRule,
      byPlatform: [...platforms]
        .filter(([, counts]) => counts.changedNodes > 0)
        .map(([platform, counts]) => ({ platform, ...counts }))
        .sort((a, b) => b.changedNodes - a.changedNodes || a.platform.localeCompare(b.platform)),
      byAccount: [...accounts]
        .map(([accountId, counts]) => ({ accountId, ...counts }))
        .sort((a, b) => a.accountId.localeCompare(b.accountId)),
      changes,
    };
  };
  return { add, result };
}
