/**
 * CSV and JSON exports of a snapshot's nodes and checks (docs/design.md §8). CSV is for Excel: UTF-8
 * with BOM, RFC 4180, headers and statuses in the reader's language (the node table's export
 * words them the same, shared/nodeColumns.ts), each rule column's id in its header. JSON is for
 * programs: ids only, messages in both languages.
 */
import type { UnmanagedRow } from '../../../shared/ec2Coverage';
import { computeFigures } from '../../../shared/figures';
import { isOpen, nodePatches } from '../../../shared/missingPatches';
import { messageFor, remediationFor, ruleTitle } from '../../../shared/messages';
import { RULE_IDS, type Lang } from '../../../shared/model';
import { columnTitle, isRuleColumn, type NodeColumnKey, type PatchDetailColumn } from '../../../shared/nodeColumns';
import { platformLabel } from '../../../shared/platform';
import { statusWord } from '../../../shared/statuses';
import type { NodeFilters, NodeWithChecks, Store } from '../store';
import { toCsv, type CsvValue } from './csv';
import { labelsFor } from './labels';
import { ReportInputError } from './reportModel';
import { coverageCsvHeader, hasCoverage, managedCsvValues, unmanagedCsvValues, unmanagedFiltersOf, unmanagedRows } from './unmanagedRows';

export type CsvKind = 'nodes' | 'checks';

export interface CsvExportOptions {
  lang: Lang;
  filters?: NodeFilters;
  /**
   * One row per node with a status column per rule, then one per EC2 instance that is not a managed
   * node with its causes (default); or one row per node × rule with its message (nodes only).
   */
  kind?: CsvKind;
}

/** The snapshot export's node columns: the node table's, with the platform as SSM reported it. */
const NODE_COLUMNS: readonly NodeColumnKey[] = [
  'accountId',
  'region',
  'instanceId',
  'name',
  'ipAddress',
  'platform',
  'platformName',
  'platformVersion',
  'agentVersion',
  'pingStatus',
  'missingCritical',
  'missingSecurity',
  'failures',
  'missingPatchIds',
  'missingCveIds',
  ...RULE_IDS,
];

/** Excel holds 32,767 characters in a cell; a longer list is cut there and says how many it left out. */
const CELL_MAX = 32_000;

function listCell(values: readonly string[]): string {
  let text = '';
  for (const [i, value] of values.entries()) {
    const next = text ? `${text}; ${value}` : value;
    if (next.length > CELL_MAX) return `${text}; … (+${values.length - i})`;
    text = next;
  }
  return text;
}

/** The node's open patches (missing or failed) or their CVE ids; unknown when its patches were not read. */
function patchCell(facts: NodeWithChecks['facts'], column: PatchDetailColumn, lang: Lang): string {
  const known = nodePatches(facts);
  if ('reason' in known) return statusWord('unknown', lang);
  const open = known.patches.filter(isOpen);
  const ids = column === 'missingPatchIds' ? open.map((p) => p.kbId) : open.flatMap((p) => p.cveIds);
  return listCell([...new Set(ids)].sort());
}

/** An unmanaged instance's cell of a node column: what an EC2 instance has of it (PlatformDetails as the platform). */
function unmanagedValue(row: UnmanagedRow, column: NodeColumnKey): CsvValue {
  if (column === 'accountId' || column === 'region' || column === 'instanceId') return row[column];
  if (column === 'name' || column === 'platform') return row[column];
  return null;
}

function checkHeaders(lang: Lang): string[] {
  const t = labelsFor(lang);
  return [
    ...(['accountId', 'region', 'instanceId', 'name'] as const).map((c) => columnTitle(c, lang)),
    t('ruleId'),
    t('rule'),
    t('status'),
    t('message'),
    t('remediation'),
    t('code'),
  ];
}

function requireSnapshot(store: Store, snapshotId: number) {
  const snapshot = store.getSnapshot(snapshotId);
  if (!snapshot) throw new ReportInputError(`snapshot ${snapshotId} does not exist`);
  return snapshot;
}

export function exportCsv(store: Store, snapshotId: number, options: CsvExportOptions): string {
  requireSnapshot(store, snapshotId);
  const { lang } = options;
  const nodes = store.nodesWithChecks(snapshotId, options.filters);
  if ((options.kind ?? 'nodes') === 'checks') {
    const rows = function* (): Generator<CsvValue[]> {
      for (const { row, checks } of nodes) {
        for (const check of checks) {
          yield [
            row.accountId,
            row.region,
            row.instanceId,
            row.name,
            check.rule,
            ruleTitle(check.rule, lang),
            statusWord(check.status, lang),
            messageFor(check, lang),
            remediationFor(check, lang),
            check.code,
          ];
        }
      }
    };
    return toCsv(checkHeaders(lang), rows());
  }
  const valueOf = ({ row, facts }: NodeWithChecks, column: NodeColumnKey): CsvValue => {
    if (isRuleColumn(column)) {
      const s = row.statuses[column];
      return s ? statusWord(s, lang) : null;
    }
    if (column === 'platform') return row.platform ? platformLabel(row.platform) : null;
    if (column === 'platformName' || column === 'platformVersion') return facts[column];
    if (column === 'missingPatchIds' || column === 'missingCveIds') return patchCell(facts, column, lang);
    // No patch state read for the node: its missing counts are unknown, not an empty 0.
    if ((column === 'missingCritical' || column === 'missingSecurity') && row[column] == null) return statusWord('unknown', lang);
    return row[column];
  };
  const coverage = hasCoverage(store, snapshotId);
  const managed = coverage ? managedCsvValues(lang) : [];
  const rows = function* (): Generator<CsvValue[]> {
    for (const node of nodes) yield [...NODE_COLUMNS.map((column) => valueOf(node, column)), ...managed];
    for (const row of unmanagedRows(store, snapshotId, coverage ? unmanagedFiltersOf(options.filters) : null))
      yield [...NODE_COLUMNS.map((column) => unmanagedValue(row, column)), ...unmanagedCsvValues(row, lang)];
  };
  return toCsv([...NODE_COLUMNS.map((c) => columnTitle(c, lang)), ...(coverage ? coverageCsvHeader(lang) : [])], rows());
}

/** Each account × region's coverage funnel (issue 30), as the store summarizes it; EC2 counts null where the instances were not read. */
function coverageOf(store: Store, snapshotId: number) {
  return store.scopeSummary(snapshotId).flatMap((a) =>
    a.region === null
      ? []
      : [
          {
            accountId: a.accountId,
            region: a.region,
            ec2Instances: a.ec2Instances,
            unmanaged: a.unmanaged,
            nodes: a.nodes,
            online: a.online,
            scannedRecently: a.scannedRecently,
            patchReported: a.patchReported,
            compliant: a.compliant,
          },
        ],
  );
}

export interface JsonExportOptions {
  filters?: NodeFilters;
}

/**
 * One JSON document: the snapshot, its scopes (each with its EC2 `coverage` when read), its
 * headline figures (shared/figures.ts) and each area's coverage funnel, every node with its facts
 * and checks, and `unmanagedInstances`: each EC2 instance that is not a managed node with its
 * facts, its scope's host management, its causes and the checks that could not be made (cause
 * ids of shared/ec2Coverage.ts).
 */
export function exportJson(store: Store, snapshotId: number, options: JsonExportOptions = {}): string {
  const snapshot = requireSnapshot(store, snapshotId);
  const nodes = [...store.nodesWithChecks(snapshotId, options.filters)].map(({ row, facts, checks }) => ({
    accountId: row.accountId,
    region: row.region,
    instanceId: row.instanceId,
    name: row.name,
    platform: row.platform,
    facts,
    checks: checks.map((check) => {
      const fix = { en: remediationFor(check, 'en'), ja: remediationFor(check, 'ja') };
      return {
        ...check,
        message: { en: messageFor(check, 'en'), ja: messageFor(check, 'ja') },
        ...(fix.en !== undefined && fix.ja !== undefined ? { remediation: fix } : {}),
      };
    }),
  }));
  const unmanagedInstances = [...unmanagedRows(store, snapshotId, unmanagedFiltersOf(options.filters))];
  const { scopes, ...meta } = snapshot;
  // The headline figures and the funnel describe the whole snapshot: a filtered export leaves them
  // out rather than print figures its own nodes do not add up to.
  const figures = options.filters
    ? {}
    : { figures: computeFigures(store.figureInput(snapshotId)), coverage: coverageOf(store, snapshotId) };
  const document = {
    format: 'patch-auditor-export',
    version: 1,
    snapshot: meta,
    scopes,
    ...figures,
    rules: RULE_IDS,
    nodes,
    unmanagedInstances,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
