/**
 * What a snapshot is, in one sentence per fact, wherever it is named (issue 27): partial (how many
 * scopes were not audited), re-evaluated (from which snapshot, under which edition), imported
 * (from which file, when). Lists, pickers, chart tooltips and history tables in the app, the
 * report and the CLI all describe a snapshot through this module, so two screens never tell a
 * re-evaluated copy from its original differently.
 */
import { editionName } from './catalog';
import type { SnapshotMeta } from './history';
import type { Lang } from './model';
import { visibleText } from './userText';

/** What a description needs of a snapshot: a list row, a detail, or a trend point's snapshot. */
export type DescribedSnapshot = Pick<
  SnapshotMeta,
  | 'id'
  | 'startedAt'
  | 'status'
  | 'catalogEdition'
  | 'nodeCount'
  | 'scopeCount'
  | 'failedScopes'
  | 'derivedFrom'
  | 'importedFrom'
  | 'importedAt'
> &
  Partial<Pick<SnapshotMeta, 'label' | 'client'>>;

/** How each surface writes a time (the app with its clock time, the report in UTC dates). */
export type TimeFormat = (iso: string, lang: Lang) => string;

const NOTES = {
  en: {
    partial: (failed: number, scopes: number) =>
      `partial: ${count(failed, 'en')} of ${count(scopes, 'en')} account × region scopes not audited`,
    partialUnknown: 'partial: some account × region scopes not audited',
    derived: (from: number, edition: string) => `re-evaluated from #${from} under ${edition}`,
    imported: (file: string, when: string) => `imported from ${file} on ${when}`,
    nodes: (n: number) => `${count(n, 'en')} ${n === 1 ? 'node' : 'nodes'}`,
  },
  ja: {
    partial: (failed: number, scopes: number) =>
      `部分的: アカウント × リージョン ${count(scopes, 'ja')} 件中 ${count(failed, 'ja')} 件は監査できず`,
    partialUnknown: '部分的: 監査できなかったアカウント × リージョンあり',
    derived: (from: number, edition: string) => `#${from} を${edition}で再評価`,
    imported: (file: string, when: string) => `${when}に ${file} から取り込み`,
    nodes: (n: number) => `${count(n, 'ja')} ノード`,
  },
} as const;

function count(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(value);
}

/** A plain ISO date (YYYY-MM-DD, UTC): the CLI's way, and the default. */
export const isoDay: TimeFormat = (iso) => iso.slice(0, 10);

/** What a partial snapshot lacks ("partial: 2 of 14 account × region scopes not audited"); null for a complete one. */
export function partialNote(s: Pick<DescribedSnapshot, 'status' | 'scopeCount' | 'failedScopes'>, lang: Lang): string | null {
  if (s.status !== 'partial') return null;
  const words = NOTES[lang];
  return s.failedScopes > 0 ? words.partial(s.failedScopes, s.scopeCount) : words.partialUnknown;
}

/**
 * The facts that set a snapshot apart from a complete audit of its own, in this order: partial,
 * re-evaluated, imported. Empty for a complete audit made here.
 */
export function snapshotNotes(s: DescribedSnapshot, lang: Lang, time: TimeFormat = isoDay): string[] {
  const words = NOTES[lang];
  const notes: string[] = [];
  const partial = partialNote(s, lang);
  if (partial) notes.push(partial);
  if (s.derivedFrom !== undefined) notes.push(words.derived(s.derivedFrom, editionName(s.catalogEdition, lang)));
  if (s.importedFrom !== undefined) notes.push(words.imported(s.importedFrom, s.importedAt ? time(s.importedAt, lang) : '—'));
  return notes;
}

/** "#6 · 30 Nov 2026 · Week 4 · Example Ltd · 1,818 nodes · re-evaluated from #4 under AWS page, November 2026". */
export function describeSnapshot(s: DescribedSnapshot, lang: Lang, time: TimeFormat = isoDay): string {
  const parts = [`#${s.id}`, time(s.startedAt, lang)];
  // Client-supplied text: characters that could make it read differently are shown, not hidden.
  if (s.label) parts.push(visibleText(s.label));
  if (s.client) parts.push(visibleText(s.client));
  parts.push(NOTES[lang].nodes(s.nodeCount), ...snapshotNotes(s, lang, time));
  return parts.join(' · ');
}
