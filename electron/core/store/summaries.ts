/**
 * Summary rows written with each snapshot, so trends over a year of audits read a few thousand
 * small rows instead of millions of nodes.
 */
import type { Database } from 'better-sqlite3';
import type { FigureArea } from '../../../shared/figures';
import { RULE_IDS, type SnapshotInput } from '../../../shared/model';
import { PREREQUISITE_RULE_IDS, type ReadinessClass } from '../../../shared/readiness';
import { STATUS_CODES, rulePosition } from './codec';
import { rowInserter, type Row } from './rows';

const RULES_CTE = `WITH r(pos, rule) AS (VALUES ${RULE_IDS.map((rule) => `(${rulePosition(rule)}, '${rule}')`).join(', ')})`;

/** Per-rule status counts over the node rows selected by `where` (a clause on alias `n`). */
export function ruleCountsSql(where: string, groupBy: string): string {
  const count = (code: string): string => `sum(substr(n.statuses, r.pos, 1) = '${code}')`;
  return `${RULES_CTE}
SELECT ${groupBy ? `${groupBy}, ` : ''}r.rule AS rule, ${count(STATUS_CODES.pass)} AS pass, ${count(STATUS_CODES.fail)} AS fail,
  ${count(STATUS_CODES.warn)} AS warn, ${count(STATUS_CODES.unknown)} AS unknown, ${count(STATUS_CODES.not_applicable)} AS not_applicable
FROM node n CROSS JOIN r WHERE ${where}
GROUP BY ${groupBy ? `${groupBy}, ` : ''}r.rule`;
}

/** What the summaries need of a node row, and whether its patch detail was read. */
export type SummaryRow = Pick<Row<'node'>, 'account_id' | 'region' | 'statuses' | 'missing_critical' | 'missing_security'> & {
  patchDetailRead: boolean;
};

/** The distinct open CVE ids of some nodes of one area, true when a Critical patch names the id (issue 19). */
export interface AreaCves {
  accountId: string;
  region: string;
  cves: Map<string, boolean>;
}

/** Adds an open CVE id to `cves`: critical once any Critical patch names it (issue 19). */
export function addOpenCve(cves: Map<string, boolean>, cve: string, critical: boolean): void {
  if (critical) cves.set(cve, true);
  else if (!cves.has(cve)) cves.set(cve, false);
}

/** An area's EC2 coverage (issue 30): a regional scope whose instances were read, and its unmanaged ones. */
export interface AreaCoverage {
  accountId: string;
  region: string;
  ec2Instances: number;
  unmanaged: number;
}

/** The coverage of each regional scope whose EC2 instances were read. */
export function coverageOf(input: Pick<SnapshotInput, 'scopes' | 'unmanaged'>): AreaCoverage[] {
  const unmanaged = new Map<string, number>();
  const key = (accountId: string, region: string): string => `${accountId}\u0000${region}`;
  for (const u of input.unmanaged ?? []) unmanaged.set(key(u.accountId, u.region), (unmanaged.get(key(u.accountId, u.region)) ?? 0) + 1);
  return input.scopes.flatMap((s) =>
    s.region !== null && s.coverage
      ? [
          {
            accountId: s.accountId,
            region: s.region,
            ec2Instances: s.coverage.ec2Instances,
            unmanaged: unmanaged.get(key(s.accountId, s.region)) ?? 0,
          },
        ]
      : [],
  );
}

/** Digit of each status code, the order of the counts kept per rule. */
const DIGIT = (status: keyof typeof STATUS_CODES): number => STATUS_CODES[status].charCodeAt(0) - 48;
const SLOTS = 5;
const ONLINE_AT = rulePosition('node.online') - 1;
const SCANNED_AT = rulePosition('patch.scanned') - 1;
const SCAN_AGE_AT = rulePosition('patch.scan-age') - 1;
const COMPLIANT_AT = rulePosition('patch.compliant') - 1;
const REBOOT_AT = rulePosition('patch.pending-reboot') - 1;
const PREREQUISITES_AT = PREREQUISITE_RULE_IDS.map((rule) => rulePosition(rule) - 1);
const VERIFIED_CODES = new Set([STATUS_CODES.pass, STATUS_CODES.warn, STATUS_CODES.not_applicable]);

/** Readiness as `readinessClass` says it of the checks (shared/readiness), read from the statuses column. */
function readinessOfRow(statuses: string): ReadinessClass {
  let unverified = false;
  for (const at of PREREQUISITES_AT) {
    const code = statuses.charAt(at);
    if (code === STATUS_CODES.fail) return 'notReady';
    if (!VERIFIED_CODES.has(code)) unverified = true;
  }
  return unverified ? 'unverified' : 'ready';
}

/** An area's figure counts (shared/figures.ts defines each) and what the summaries keep beside them. */
interface AreaCounts extends FigureArea {
  nonCompliant: number;
  patchDetailRead: number;
  /** Distinct open CVE ids of the area, true when a Critical patch names it (issue 19). */
  openCves: Map<string, boolean>;
  /** `rules[rule index × SLOTS + status digit]`; '9' (not evaluated) is not counted. */
  rules: Int32Array;
}

/**
 * Counted in one pass over the rows in memory while saving: a GROUP BY over node × rule in SQL
 * cost about as much as writing the nodes. Migrations 2, 5 and 7 backfill the same rows in SQL,
 * and a test holds the two equal.
 */
export function writeSummaries(
  db: Database,
  snapshotId: number,
  rows: Iterable<SummaryRow>,
  openCves: Iterable<AreaCves>,
  coverage: Iterable<AreaCoverage>,
): void {
  const areas = new Map<string, Map<string, AreaCounts>>();
  const areaOf = (accountId: string, region: string): AreaCounts => {
    let regions = areas.get(accountId);
    if (!regions) areas.set(accountId, (regions = new Map()));
    let a = regions.get(region);
    if (!a) {
      a = {
        ec2Read: 0,
        ec2Instances: 0,
        unmanaged: 0,
        scannedRecently: 0,
        nodes: 0,
        ready: 0,
        unverified: 0,
        online: 0,
        patchReported: 0,
        compliant: 0,
        nonCompliant: 0,
        missingCritical: 0,
        missingSecurity: 0,
        nodesMissingCritical: 0,
        nodesMissingSecurity: 0,
        nodesPendingReboot: 0,
        patchDetailRead: 0,
        openCves: new Map(),
        rules: new Int32Array(RULE_IDS.length * SLOTS),
      };
      regions.set(region, a);
    }
    return a;
  };
  for (const row of rows) {
    const a = areaOf(row.account_id, row.region);
    const { statuses } = row;
    a.nodes += 1;
    const readiness = readinessOfRow(statuses);
    if (readiness === 'ready') a.ready += 1;
    else if (readiness === 'unverified') a.unverified += 1;
    for (let i = 0; i < RULE_IDS.length; i++) {
      const digit = statuses.charCodeAt(i) - 48;
      if (digit >= 0 && digit < SLOTS) a.rules[i * SLOTS + digit]! += 1;
    }
    if (statuses.charAt(ONLINE_AT) === STATUS_CODES.pass) a.online += 1;
    if (statuses.charAt(SCANNED_AT) === STATUS_CODES.pass) a.patchReported += 1;
    if (statuses.charAt(SCAN_AGE_AT) === STATUS_CODES.pass) a.scannedRecently += 1;
    // patch.compliant follows AWS's rule (issue 27); a pending reboot is also read here, as
    // migration 7 reads it for rows judged under the rule before, so the two stay one definition.
    const compliant = statuses.charAt(COMPLIANT_AT);
    const pendingReboot = statuses.charAt(REBOOT_AT) === STATUS_CODES.warn;
    if (compliant === STATUS_CODES.pass && !pendingReboot) a.compliant += 1;
    else if (compliant === STATUS_CODES.fail || compliant === STATUS_CODES.warn || compliant === STATUS_CODES.pass) a.nonCompliant += 1;
    if (pendingReboot) a.nodesPendingReboot += 1;
    a.missingCritical += row.missing_critical ?? 0;
    a.missingSecurity += row.missing_security ?? 0;
    if ((row.missing_critical ?? 0) > 0) a.nodesMissingCritical += 1;
    if ((row.missing_security ?? 0) > 0) a.nodesMissingSecurity += 1;
    if (row.patchDetailRead) a.patchDetailRead += 1;
  }
  // A region with EC2 instances and no managed node still has an area: its instances are the finding.
  for (const { accountId, region, ec2Instances, unmanaged } of coverage) {
    const a = areaOf(accountId, region);
    a.ec2Read = 1;
    a.ec2Instances = ec2Instances;
    a.unmanaged = unmanaged;
  }
  for (const { accountId, region, cves } of openCves) {
    const a = areaOf(accountId, region);
    for (const [cve, critical] of cves) addOpenCve(a.openCves, cve, critical);
  }
  const insertRule = rowInserter(db, 'rule_summary');
  const insertArea = rowInserter(db, 'area_summary');
  const insertCve = rowInserter(db, 'open_cve');
  const [pass, fail, warn, unknown, notApplicable] = [
    DIGIT('pass'),
    DIGIT('fail'),
    DIGIT('warn'),
    DIGIT('unknown'),
    DIGIT('not_applicable'),
  ];
  for (const [accountId, regions] of areas) {
    for (const [region, a] of regions) {
      const area = { snapshot_id: snapshotId, account_id: accountId, region };
      // An area of unmanaged instances only has no node to judge: its rule rows would all be zero.
      if (a.nodes > 0)
        RULE_IDS.forEach((rule, i) => {
          const at = (digit: number): number => a.rules[i * SLOTS + digit]!;
          insertRule({
            ...area,
            rule,
            pass: at(pass),
            fail: at(fail),
            warn: at(warn),
            unknown: at(unknown),
            not_applicable: at(notApplicable),
          });
        });
      insertArea({
        ...area,
        nodes: a.nodes,
        online: a.online,
        compliant: a.compliant,
        non_compliant: a.nonCompliant,
        missing_critical: a.missingCritical,
        missing_security: a.missingSecurity,
        ready: a.ready,
        patch_detail_read: a.patchDetailRead,
        unverified: a.unverified,
        patch_reported: a.patchReported,
        nodes_missing_critical: a.nodesMissingCritical,
        nodes_missing_security: a.nodesMissingSecurity,
        nodes_pending_reboot: a.nodesPendingReboot,
        ec2_instances: a.ec2Read ? a.ec2Instances : null,
        unmanaged: a.ec2Read ? a.unmanaged : null,
        scanned_recently: a.scannedRecently,
      });
      for (const [cve, critical] of a.openCves) insertCve({ ...area, cve, critical: critical ? 1 : 0 });
    }
  }
}
