/**
 * What makes two snapshots the same audit (issue 28 item 4): a SHA-256 of their canonical
 * content — times, status, catalog edition, threshold, scopes (with their EC2 coverage) and every
 * node's facts, checks and platform, and every unmanaged EC2 instance (issue 30) — and not of their metadata (label, client, engagement, the exporting database's ids,
 * the tool version). A derived snapshot's hash also takes its source's hash: a re-evaluation
 * under the same edition and threshold holds exactly its source's content, and must still be a
 * snapshot of its own (a backup of both restores both). Canonical: object keys sorted, absent
 * values dropped, nodes, scopes and checks in a fixed order, so the same audit hashes the same
 * whether it comes from a file or from this database.
 */
import { createHash } from 'node:crypto';
import type { SnapshotInput } from '../../../shared/model';

export type SnapshotContent = Pick<
  SnapshotInput,
  'startedAt' | 'finishedAt' | 'status' | 'catalogEdition' | 'scanAgeDays' | 'scopes' | 'nodes' | 'unmanaged'
>;

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** JSON with sorted keys and no undefined values: one text per value, whatever order it was built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `derivedFromHash`: the content hash of the snapshot this one was derived from, when it was. */
export function contentHashOf(snapshot: SnapshotContent, derivedFromHash?: string): string {
  const hash = createHash('sha256');
  hash.update(
    canonicalJson({
      derivedFrom: derivedFromHash,
      startedAt: snapshot.startedAt,
      finishedAt: snapshot.finishedAt,
      status: snapshot.status,
      catalogEdition: snapshot.catalogEdition,
      scanAgeDays: snapshot.scanAgeDays,
      scopes: [...snapshot.scopes].sort(byKey((s) => `${s.accountId}/${s.region}`)),
    }),
  );
  // Node by node: a 50,000-node snapshot is never one string.
  const nodes = [...snapshot.nodes].sort(byKey((n) => `${n.facts.accountId}/${n.facts.region}/${n.facts.instanceId}`));
  for (const node of nodes) {
    hash.update('\n');
    hash.update(canonicalJson({ ...node, checks: [...node.checks].sort(byKey((c) => c.rule)) }));
  }
  // Issue 30: after the nodes, and only when there are any, so a snapshot without them hashes as it did before.
  const unmanaged = [...(snapshot.unmanaged ?? [])].sort(byKey((u) => `${u.accountId}/${u.region}/${u.instanceId}`));
  for (const instance of unmanaged) {
    hash.update('\nu');
    hash.update(canonicalJson(instance));
  }
  return hash.digest('hex');
}
