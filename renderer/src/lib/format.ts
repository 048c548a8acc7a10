/** Numbers, dates and durations in the interface language. */
import type { Lang } from '../../../shared/model';
import { userTextProblem, userTextProblemText } from '../../../shared/userText';

const locale = (lang: Lang) => (lang === 'ja' ? 'ja-JP' : 'en-GB');

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(value);
}

export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(value)}%`;
}

export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A duration as minutes and seconds (`3 min 05 s` / `3分05秒`). */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (lang === 'ja') return minutes ? `${minutes}分${String(seconds).padStart(2, '0')}秒` : `${seconds}秒`;
  return minutes ? `${minutes} min ${String(seconds).padStart(2, '0')} s` : `${seconds} s`;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Why the core would refuse this label, client or engagement, in the interface language; null when it would not. */
export function refusedTextReason(text: string, lang: Lang): string | null {
  const problem = userTextProblem(text.trim());
  return problem ? userTextProblemText(problem, lang) : null;
}
