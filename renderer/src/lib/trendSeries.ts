/** Figures the trend charts plot, derived from the store's per-snapshot summary rows. */
import type { TrendPoint } from '../../../shared/history';
import type { Lang, RuleId } from '../../../shared/model';
import { PREREQUISITE_RULE_IDS } from '../../../shared/readiness';

/**
 * Share of evaluated prerequisite checks that pass: it moves when a node that is not ready yet
 * gets closer, which the share of ready nodes does not show. "Not applicable" is left out (it is neither
 * ready nor not), "unknown" counts against (it is never a pass), as in the report.
 */
export function prerequisitePassPct(point: TrendPoint): number | null {
  let pass = 0;
  let evaluated = 0;
  for (const rule of PREREQUISITE_RULE_IDS) {
    const counts = point.rules[rule];
    if (!counts) continue;
    pass += counts.pass;
    evaluated += counts.pass + counts.fail + counts.warn + counts.unknown;
  }
  return evaluated > 0 ? (pass / evaluated) * 100 : null;
}

export function failingNodes(point: TrendPoint, rule: RuleId): number {
  return point.rules[rule]?.fail ?? 0;
}

/** Accounts and regions that appear anywhere in the history, for the filters. */
export function areasOf(points: readonly TrendPoint[]): { accounts: string[]; regions: string[] } {
  const accounts = new Set<string>();
  const regions = new Set<string>();
  for (const p of points) {
    if (p.accountId) accounts.add(p.accountId);
    if (p.region) regions.add(p.region);
  }
  return { accounts: [...accounts].sort(), regions: [...regions].sort() };
}

/** A short date for the chart axis. */
export function shortDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium' });
}
