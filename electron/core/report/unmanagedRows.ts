/**
 * The unmanaged EC2 instances (issue 30) as the node exports list them: after the nodes, one row
 * each, with the coverage columns at the end of every row, read from the store's `unmanagedInstances` a page at a time. Of the node filters they
 * answer only those that apply to an instance without checks or a normalized platform: account,
 * region and search; a rule, status or platform-family filter leaves them out.
 */
import { CAUSE_TEXT, UNCHECKED_TEXT, type UnmanagedFilters, type UnmanagedRow } from '../../../shared/ec2Coverage';
import { computeFigures, figureValues } from '../../../shared/figures';
import type { Lang } from '../../../shared/model';
import { MAX_PAGE, type NodeFilters, type Store } from '../store';
import type { CsvValue } from './csv';
import { labelsFor } from './labels';

type NodeFilterPart = Pick<NodeFilters, 'accountIds' | 'regions' | 'families' | 'rule' | 'statuses' | 'search'>;

/** The unmanaged-instance filters a node filter means, or null when it excludes every unmanaged instance. */
export function unmanagedFiltersOf(filters: Partial<NodeFilterPart> | undefined): UnmanagedFilters | null {
  if (!filters) return {};
  if (filters.rule !== undefined || filters.statuses?.length || filters.families?.length) return null;
  return {
    ...(filters.accountIds?.length ? { accountIds: filters.accountIds } : {}),
    ...(filters.regions?.length ? { regions: filters.regions } : {}),
    ...(filters.search ? { search: filters.search } : {}),
  };
}

/** Every unmanaged instance matching the filters, in the store's order, a page at a time. */
export function* unmanagedRows(store: Store, snapshotId: number, filters: UnmanagedFilters | null): Generator<UnmanagedRow> {
  if (filters === null) return;
  let seen = 0;
  for (;;) {
    const page = store.unmanagedInstances(snapshotId, { filters, offset: seen, limit: MAX_PAGE });
    yield* page.rows;
    seen += page.rows.length;
    if (page.rows.length === 0 || seen >= page.total) return;
  }
}

/**
 * Whether the node CSVs of a snapshot carry the coverage columns: only when some scope's EC2
 * instances were read (the `ec2Instances` figure is known), so a snapshot saved before issue 30,
 * or audited without `ec2:DescribeInstances`, exports the columns it always did.
 */
export function hasCoverage(store: Store, snapshotId: number): boolean {
  return figureValues(computeFigures(store.figureInput(snapshotId))).ec2Instances !== null;
}

/** The columns a node CSV ends with (when `hasCoverage`): managed or not, and for an unmanaged instance its state, causes and what was not checked. */
export function coverageCsvHeader(lang: Lang): string[] {
  const t = labelsFor(lang);
  return [t('managedBySsm'), t('ec2State'), t('unmanagedCauses'), t('uncheckedCauses')];
}

/** A managed node's coverage cells: managed, and nothing else to say. */
export function managedCsvValues(lang: Lang): CsvValue[] {
  return [labelsFor(lang)('yes'), null, null, null];
}

export function unmanagedCsvValues(row: UnmanagedRow, lang: Lang): CsvValue[] {
  return [
    labelsFor(lang)('no'),
    row.state,
    row.causes.map((c) => CAUSE_TEXT[c].label[lang]).join('; '),
    row.unchecked.map((u) => UNCHECKED_TEXT[u][lang]).join(' '),
  ];
}
