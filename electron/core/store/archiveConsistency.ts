/**
 * What the schema cannot see: whether a snapshot of an export agrees with itself (issue 28 item
 * 10). A snapshot the app saves always does — its scopes count the nodes they hold, every node
 * sits in a scope and has its checks, `complete` means every scope answered, it finished after it
 * started, under a catalog edition this version knows, its unmanaged EC2 instances sit in scopes
 * whose instances were read (unmanagedConsistency.ts) — so a file that does not was made or
 * changed by something else, and is refused with the first disagreement named.
 */
import { CATALOG_EDITIONS } from '../../../shared/catalog';
import type { ArchiveSnapshot } from './archiveSchema';
import { unmanagedInconsistency } from './unmanagedConsistency';

const KNOWN_EDITIONS = new Set(CATALOG_EDITIONS.map((e) => e.id));
// An account never reached under all regions is one scope with no region (issue 28 item 1); no node is ever in it.
const scopeKey = (accountId: string, region: string | null) => (region === null ? `${accountId} (all regions)` : `${accountId}/${region}`);

/** The first way `snapshot` disagrees with itself, or undefined when it is consistent. */
export function firstInconsistency(snapshot: ArchiveSnapshot): string | undefined {
  if (Date.parse(snapshot.finishedAt) < Date.parse(snapshot.startedAt))
    return `it finished (${snapshot.finishedAt}) before it started (${snapshot.startedAt})`;
  if (!KNOWN_EDITIONS.has(snapshot.catalogEdition)) {
    return `its catalog edition "${snapshot.catalogEdition}" is not one this version of Patch Auditor knows (${[...KNOWN_EDITIONS].join(', ')}); update Patch Auditor to import it`;
  }
  const unanswered = snapshot.scopes.find((s) => s.status !== 'ok');
  if (snapshot.status === 'complete' && unanswered)
    return `it is marked complete but scope ${scopeKey(unanswered.accountId, unanswered.region)} ${unanswered.status}`;
  return nodeInconsistency(snapshot) ?? unmanagedInconsistencyOf(snapshot);
}

function unmanagedInconsistencyOf(snapshot: ArchiveSnapshot): string | undefined {
  const nodes = new Set(snapshot.nodes.map(({ facts }) => `${facts.accountId}/${facts.region}/${facts.instanceId}`));
  return unmanagedInconsistency(snapshot.scopes, snapshot.unmanaged ?? [], (key) => nodes.has(key));
}

function nodeInconsistency(snapshot: ArchiveSnapshot): string | undefined {
  const held = new Map(snapshot.scopes.map((s) => [scopeKey(s.accountId, s.region), 0]));
  for (const { facts, checks } of snapshot.nodes) {
    const key = scopeKey(facts.accountId, facts.region);
    const count = held.get(key);
    if (count === undefined) return `node ${key}/${facts.instanceId} is in ${key}, which has no scope`;
    if (!checks.length) return `node ${key}/${facts.instanceId} has no checks`;
    held.set(key, count + 1);
  }
  for (const scope of snapshot.scopes) {
    const key = scopeKey(scope.accountId, scope.region);
    const count = held.get(key) ?? 0;
    // A scope that did not answer keeps the count it reached, but none of its nodes are saved.
    if (scope.status !== 'ok' && count > 0) return `scope ${key} ${scope.status} but holds ${count} nodes`;
    if (scope.status === 'ok' && count !== scope.nodes) return `scope ${key} claims ${scope.nodes} nodes but holds ${count}`;
  }
  return undefined;
}
