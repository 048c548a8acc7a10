/**
 * Which scope (account × region) runs next (docs/design.md §5): at most `global` at once, and
 * at most `perAccount` of one account and `perRegion` of one region among them. A scope that
 * cannot start for its account's or region's cap lets the next one in the queue start instead,
 * so one slow region or one slow account never holds the scopes behind it.
 */
import { DEFAULT_CONCURRENCY } from '../../../shared/auditPlan';

export interface ScopeCaps {
  /** Scopes at once over the whole audit: the plan's `concurrency`. */
  global: number;
  /** Scopes of one account at once (its regions). */
  perAccount: number;
  /** Scopes of one region at once (across accounts). */
  perRegion: number;
}

/**
 * Half the default's slots for one account or one region: a region whose endpoint is slow or
 * hangs (every call waiting out its timeout) keeps at most half the slots, and so does an
 * account whose sessions are throttled; the other half keeps the rest of the audit moving.
 * Never above the plan's own concurrency, so a small plan runs exactly as many scopes at once.
 */
export const SCOPES_PER_ACCOUNT = 8;
export const SCOPES_PER_REGION = 8;

export function scopeCaps(concurrency: number = DEFAULT_CONCURRENCY): ScopeCaps {
  const global = Math.max(1, Math.floor(concurrency));
  return { global, perAccount: Math.min(global, SCOPES_PER_ACCOUNT), perRegion: Math.min(global, SCOPES_PER_REGION) };
}

interface Queued {
  account: string;
  region: string;
  start: () => void;
}

export interface ScopeScheduler {
  /** Runs `task` once its account, its region and the audit each have a free slot; queued in call order. */
  run<T>(account: string, region: string, task: () => Promise<T>): Promise<T>;
}

export function createScopeScheduler(caps: ScopeCaps): ScopeScheduler {
  const queue: Queued[] = [];
  const byAccount = new Map<string, number>();
  const byRegion = new Map<string, number>();
  let running = 0;
  const add = (counts: Map<string, number>, key: string, delta: number) => counts.set(key, (counts.get(key) ?? 0) + delta);

  const pump = (): void => {
    for (let i = 0; i < queue.length && running < caps.global;) {
      const next = queue[i]!;
      if ((byAccount.get(next.account) ?? 0) < caps.perAccount && (byRegion.get(next.region) ?? 0) < caps.perRegion) {
        queue.splice(i, 1);
        next.start();
      } else i++;
    }
  };

  return {
    run: <T>(account: string, region: string, task: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        queue.push({
          account,
          region,
          start: () => {
            running++;
            add(byAccount, account, 1);
            add(byRegion, region, 1);
            void (async () => {
              try {
                resolve(await task());
              } catch (err) {
                reject(err);
              } finally {
                running--;
                add(byAccount, account, -1);
                add(byRegion, region, -1);
                pump();
              }
            })();
          },
        });
        pump();
      }),
  };
}
