/**
 * A check status as every output shows it: its glyph, its word in both languages and its plain
 * mark for terminals. The renderer, the report, both CSV writers and the CLI read it from here.
 *
 * Glyphs (docs/design.md §4): ✓ × ! ? – · are all in Noto Sans CJK JP, the report's font (the
 * earlier ✕ U+2715 is not, and fell back to another font), and in the UI's system fonts; none has
 * an emoji presentation (⚠ ✔ ✖ may turn into colour emoji). Each is a different shape (tick,
 * cross, bar, hook, dash, dot), so they stay apart without colour for colour-blind readers.
 */
import { CHECK_STATUSES, type CheckStatus, type Lang, type LocalizedText } from './model';

/** A status, or `none` where a node has no check for a rule (not evaluated). */
export type StatusKey = CheckStatus | 'none';

interface StatusTerms {
  glyph: string;
  /** ASCII, for terminals whose font may lack the glyphs; upper case where a reader must act. */
  terminal: string;
  label: LocalizedText;
  /** A table header's word, where the full one would widen a column of counts. */
  short: LocalizedText;
}

export const STATUS_TERMS: Readonly<Record<StatusKey, StatusTerms>> = {
  pass: { glyph: '✓', terminal: 'ok', label: { en: 'Pass', ja: '合格' }, short: { en: 'Pass', ja: '合格' } },
  fail: { glyph: '×', terminal: 'FAIL', label: { en: 'Fail', ja: '不合格' }, short: { en: 'Fail', ja: '不合格' } },
  warn: { glyph: '!', terminal: 'warn', label: { en: 'Warning', ja: '警告' }, short: { en: 'Warning', ja: '警告' } },
  unknown: { glyph: '?', terminal: '?', label: { en: 'Unknown', ja: '不明' }, short: { en: 'Unknown', ja: '不明' } },
  not_applicable: { glyph: '–', terminal: '-', label: { en: 'Not applicable', ja: '対象外' }, short: { en: 'N/A', ja: '対象外' } },
  none: { glyph: '·', terminal: '', label: { en: 'Not evaluated', ja: '未評価' }, short: { en: 'Not evaluated', ja: '未評価' } },
};

/** Statuses in the order tables, legends and counts list them. */
export const STATUS_ORDER: readonly CheckStatus[] = CHECK_STATUSES;

export function statusGlyph(key: StatusKey): string {
  return STATUS_TERMS[key].glyph;
}

export function statusWord(key: StatusKey, lang: Lang): string {
  return STATUS_TERMS[key].label[lang];
}

export function statusShortWord(key: StatusKey, lang: Lang): string {
  return STATUS_TERMS[key].short[lang];
}
