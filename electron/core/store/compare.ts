/**
 * Differences between two snapshots, node by node (account × region × instance id) and rule by
 * rule. Only the narrow node rows are read: identity and the statuses string.
 */
import type { Database } from 'better-sqlite3';
import type { CheckStatus, RuleId } from '../../../shared/model';
import { RULE_IDS } from '../../../shared/model';
import { STATUS_CODES } from './codec';
import type { Row } from './rows';
import type { CheckChange, Comparison, ComparisonCounts, NodeRef } from './types';

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
  result.byArea = [...areas.values()].sort((x, y) => x.accountId.localeCompare(y.accountId) || x.region.localeCompare(y.region));
  return result;
}
