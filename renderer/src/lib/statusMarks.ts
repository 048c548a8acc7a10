/**
 * A check status as a shape (and, in full badges, a word): the glyph and the accessible label
 * that status badges and the node table's plain status cells share.
 */
import { ruleTitle } from '../../../shared/messages';
import type { CheckStatus, Lang, RuleId } from '../../../shared/model';
import { t } from './i18n.svelte';

export type StatusKey = CheckStatus | 'none';

export const STATUS_GLYPHS: Readonly<Record<StatusKey, string>> = {
  pass: '✓',
  fail: '✕',
  warn: '!',
  unknown: '?',
  not_applicable: '–',
  none: '·',
};

// The node table shows hundreds of status cells while it scrolls: their labels are built once per language.
const labels = new Map<string, string>();

/** "Rule title: status", the tooltip and accessible name of a status shown without its word. */
export function statusLabel(rule: RuleId, key: StatusKey, lang: Lang): string {
  const id = `${lang}/${rule}/${key}`;
  let label = labels.get(id);
  if (label === undefined) labels.set(id, (label = `${ruleTitle(rule, lang)}: ${t(`findings.status.${key}`, { lng: lang })}`));
  return label;
}
