/**
 * A snapshot judged under an edition older than the current page says so, with its readiness under
 * the current page beside it (issue 27): Overview, the report's executive summary and
 * `patch-audit snapshots show` print this one sentence, from `editionChanges` (shared/editionChanges.ts).
 */
import { CURRENT_CATALOG_ID, editionName, getCatalog } from './catalog';
import type { EditionComparison } from './history';
import type { Lang } from './model';

/** An edition this version knows and that describes an earlier page than the current one. */
export function isOlderEdition(id: string): boolean {
  const edition = getCatalog(id);
  const current = getCatalog(CURRENT_CATALOG_ID);
  return edition !== undefined && current !== undefined && edition.describes < current.describes;
}

const pct = (part: number, whole: number, lang: Lang): string =>
  whole > 0
    ? `${new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 1 }).format((part / whole) * 100)}%`
    : '—';
const int = (value: number, lang: Lang): string => new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(value);

/**
 * "Judged under Japanese page, 2022 (source document), an older edition. Under AWS page, November
 * 2026: 45.5% ready (836 of 1,836 nodes); under its own edition: 67.4% (1,238)." Null when the
 * comparison is not from an older edition to the current one.
 */
export function editionNotice(c: EditionComparison, lang: Lang): string | null {
  if (c.to !== CURRENT_CATALOG_ID || !isOlderEdition(c.from)) return null;
  const t = c.totals;
  const own = editionName(c.from, lang);
  const current = editionName(c.to, lang);
  const after = { pct: pct(t.readyAfter, t.nodes, lang), ready: int(t.readyAfter, lang) };
  const before = { pct: pct(t.readyBefore, t.nodes, lang), ready: int(t.readyBefore, lang) };
  const nodes = int(t.nodes, lang);
  return lang === 'ja'
    ? `このスナップショットは古い版「${own}」で判定されています。現行の「${current}」では準備完了 ${after.pct}（${nodes} ノード中 ${after.ready}）、この版では ${before.pct}（${before.ready}）です。`
    : `Judged under an older edition, ${own}. Under the current ${current}: ${after.pct} ready (${after.ready} of ${nodes} nodes); under its own edition: ${before.pct} (${before.ready}).`;
}
