/**
 * The EC2 instances that are not managed nodes (issue 30) as terminal text: the page's rows with
 * their causes, then each cause found with its count, what to do and AWS's pages, once.
 */
import {
  CAUSE_TEXT,
  UNCHECKED_CAUSES,
  UNCHECKED_TEXT,
  UNMANAGED_CAUSES,
  userGuideUrl,
  type UnmanagedFilters,
  type UnmanagedPage,
} from '../../../../shared/ec2Coverage';
import type { Lang } from '../../../../shared/model';
import { blocks, table, type CellText } from './table';

/** `filters.causes` narrows the causes described to those asked for (the page counts every cause). */
export function unmanagedText(page: UnmanagedPage, filters: Pick<UnmanagedFilters, 'causes'>, lang: Lang, cell: CellText): string {
  const notRead =
    page.scopesNotRead > 0 &&
    `EC2 instances not read in ${page.scopesNotRead} of ${page.scopesRead + page.scopesNotRead} scopes: their unmanaged instances are not listed.`;
  if (page.total === 0)
    return blocks(page.scopesRead === 0 ? 'No scope’s EC2 instances were read.' : 'No unmanaged EC2 instance matches.', notRead);
  const rows = table(
    ['INSTANCE', 'NAME', 'ACCOUNT', 'REGION', 'STATE', 'PLATFORM', 'CAUSES', 'NOT CHECKED'],
    page.rows.map((r) => [
      r.instanceId,
      r.name ?? '',
      r.accountId,
      r.region,
      r.state,
      r.platform ?? '',
      r.causes.map((c) => CAUSE_TEXT[c].label[lang]).join(', '),
      UNCHECKED_CAUSES.filter((u) => r.unchecked.includes(u)).join(', '),
    ]),
    cell,
  );
  const shown = page.rows.length < page.total && `Showing ${page.rows.length} of ${page.total}; --limit and --offset page through them.`;
  const asked = filters.causes?.length ? filters.causes : UNMANAGED_CAUSES;
  const causes = UNMANAGED_CAUSES.filter((c) => asked.includes(c) && page.byCause[c] > 0).map((c) => {
    const text = CAUSE_TEXT[c];
    return [
      `${text.label[lang]}: ${page.byCause[c]}  [${c}]`,
      `  ${text.todo[lang]}`,
      ...text.docs.map((d) => `  ${userGuideUrl(d, lang)}`),
    ].join('\n');
  });
  const unchecked = UNCHECKED_CAUSES.filter((u) => page.rows.some((r) => r.unchecked.includes(u))).map(
    (u) => `${u}: ${UNCHECKED_TEXT[u][lang]}`,
  );
  return blocks(`${page.total} EC2 instances not managed by Systems Manager`, rows, shown, ...causes, unchecked.join('\n'), notRead);
}
