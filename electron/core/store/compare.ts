/**
 * Differences between two snapshots, node by node (account × region × instance id) and rule by
 * rule. Only the narrow node rows are read: identity and the statuses string. Issue 30: EC2
 * instances newly unmanaged or newly managed, only where both snapshots read the area's instances.
 */
import type { Database } from 'better-sqlite3';
import { causesOf, type HostManagement, type PlacedUnmanagedInstance } from '../../../shared/ec2Coverage';
import type { CheckStatus, RuleId } from '../../../shared/model';
import { RULE_IDS } from '../../../shared/model';
import { STATUS_CODES } from './codec';
import { coverageOf } from './fromRows';
import type { Row } from './rows';
import type { CheckChange, Comparison, ComparisonCounts, InstanceChange, NodeRef } from './types';
import { loadUnmanaged } from './unmanaged';

/** Statuses stay in their one-character form: 50,000 nodes compare without building objects. */
interface Side extends NodeRef {
  statuses: string;
}

const STATUS_BY_CODE = new Map(Object.entries(STATUS_CODES).map(([s, c]) => [c, s as CheckStatus]));
const PASS = STATUS_CODES.pass;
const failing = (code: string): boolean => code === STATUS_CODES.fail || code === STATUS_CODES.warn;

function load(db: Database, snapshotId: number): Map<string, Side> {
  const rows = db
    .prepare(
      'SELECT account_id, region, instance_id, name, statuses FROM node WHERE snapshot_id = ? ORDER BY account_id, region, instance_id',
    )
    .all(snapshotId) as Array<Pick<Row<'node'>, 'account_id' | 'region' | 'instance_id' | 'name' | 'statuses'>>;
  return new Map(
    rows.map((r) => [
      `${r.account_id}\u0000${r.region}\u0000${r.instance_id}`,
      { accountId: r.account_id, region: r.region, instanceId: r.instance_id, name: r.name, statuses: r.statuses },
    ]),
  );
}

const ref = (s: Side): NodeRef => ({ accountId: s.accountId, region: s.region, instanceId: s.instanceId, name: s.name });

const areaKey = (accountId: string, region: string): string => `${accountId}\u0000${region}`;
const instanceKey = (u: PlacedUnmanagedInstance): string => `${u.accountId}\u0000${u.region}\u0000${u.instanceId}`;

/** Host management of each account × region whose EC2 instances the snapshot read. */
function areasRead(db: Database, snapshotId: number): Map<string, HostManagement> {
  const rows = db
    .prepare<[number], Pick<Row<'scope'>, 'account_id' | 'region' | 'coverage'>>(
      'SELECT account_id, region, coverage FROM scope WHERE snapshot_id = ? AND region IS NOT NULL',
    )
    .all(snapshotId);
  const read = new Map<string, HostManagement>();
  for (const r of rows) {
    const coverage = coverageOf(r.coverage);
    if (coverage) read.set(areaKey(r.account_id, r.region!), coverage.hostManagement);
  }
  return read;
}

/** The unmanaged instances of a snapshot in the areas both snapshots read, by account × region × instance id. */
function unmanagedIn(db: Database, snapshotId: number, areas: ReadonlySet<string>): Map<string, PlacedUnmanagedInstance> {
  return new Map(loadUnmanaged(db, snapshotId).flatMap((u) => (areas.has(areaKey(u.accountId, u.region)) ? [[instanceKey(u), u]] : [])));
}

export function compareSnapshots(db: Database, from: number, to: number, opts: { limit?: number } = {}): Comparison {
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const before = load(db, from);
  const after = load(db, to);
  const result: Comparison = {
    from,
    to,
    totals: { newlyUnmanaged: 0, newlyManaged: 0, added: 0, removed: 0, fixed: 0, regressions: 0, newFailures: 0 },
    byArea: [],
    added: [],
    removed: [],
    fixed: [],
    regressions: [],
    newFailures: [],
    newlyUnmanaged: [],
    newlyManaged: [],
  };
  const areas = new Map<string, Comparison['byArea'][number]>();
  const count = (node: NodeRef, what: keyof ComparisonCounts): void => {
    const k = `${node.accountId}\u0000${node.region}`;
    let area = areas.get(k);
    if (!area)
      areas.set(
        k,
        (area = {
          accountId: node.accountId,
          region: node.region,
          newlyUnmanaged: 0,
          newlyManaged: 0,
          added: 0,
          removed: 0,
          fixed: 0,
          regressions: 0,
          newFailures: 0,
        }),
      );
    area[what] += 1;
    result.totals[what] += 1;
  };
  const push = <T>(list: T[], item: T): void => {
    if (list.length < limit) list.push(item);
  };
  const change = (node: Side, rule: RuleId, b: string, a: string): CheckChange => ({
    ...ref(node),
    rule,
    before: STATUS_BY_CODE.get(b) ?? null,
    after: STATUS_BY_CODE.get(a) ?? null,
  });

  for (const [k, node] of after) {
    const old = before.get(k);
    if (!old) {
      count(node, 'added');
      push(result.added, ref(node));
    }
    if (old?.statuses === node.statuses) continue;
    RULE_IDS.forEach((rule, i) => {
      const b = old ? old.statuses.charAt(i) : '';
      const a = node.statuses.charAt(i);
      if (failing(a) && b === PASS) {
        count(node, 'regressions');
        push(result.regressions, change(node, rule, b, a));
      } else if (failing(a) && !failing(b)) {
        count(node, 'newFailures');
        push(result.newFailures, change(node, rule, b, a));
      } else if (a === PASS && failing(b)) {
        count(node, 'fixed');
        push(result.fixed, change(node, rule, b, a));
      }
    });
  }
  for (const [k, node] of before) {
    if (after.has(k)) continue;
    count(node, 'removed');
    push(result.removed, ref(node));
  }

  // An area read in one snapshot only cannot tell whether its instances changed: it is left out.
  const readBefore = areasRead(db, from);
  const readAfter = areasRead(db, to);
  const readInBoth = new Set([...readAfter.keys()].filter((k) => readBefore.has(k)));
  const unmanagedBefore = unmanagedIn(db, from, readInBoth);
  const unmanagedAfter = unmanagedIn(db, to, readInBoth);
  const instanceChange = (u: PlacedUnmanagedInstance, read: ReadonlyMap<string, HostManagement>): InstanceChange => ({
    accountId: u.accountId,
    region: u.region,
    instanceId: u.instanceId,
    name: u.name ?? null,
    causes: causesOf(u, read.get(areaKey(u.accountId, u.region)) ?? 'unknown').causes,
  });
  for (const [k, u] of unmanagedAfter) {
    if (unmanagedBefore.has(k)) continue;
    const change = instanceChange(u, readAfter);
    count(change, 'newlyUnmanaged');
    push(result.newlyUnmanaged, change);
  }
  for (const [k, u] of unmanagedBefore) {
    if (!after.has(k)) continue;
    const change = instanceChange(u, readBefore);
    count(change, 'newlyManaged');
    push(result.newlyManaged, change);
  }
  result.byArea = [...areas.values()].sort((x, y) => x.accountId.localeCompare(y.accountId) || x.region.localeCompare(y.region));
  return result;
}
