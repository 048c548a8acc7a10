/**
 * The accessible label of a status shown as its glyph only (status badges in tables, the node
 * table's plain status cells); glyphs and words are shared/statuses.ts's.
 */
import { ruleTitle } from '../../../shared/messages';
import type { Lang, RuleId } from '../../../shared/model';
import { statusWord, type StatusKey } from '../../../shared/statuses';

// The node table shows hundreds of status cells while it scrolls: their labels are built once per language.
const labels = new Map<string, string>();

/** "Rule title: status", the tooltip and accessible name of a status shown without its word. */
export function statusLabel(rule: RuleId, key: StatusKey, lang: Lang): string {
  const id = `${lang}/${rule}/${key}`;
  let label = labels.get(id);
  if (label === undefined) labels.set(id, (label = `${ruleTitle(rule, lang)}: ${statusWord(key, lang)}`));
  return label;
}
