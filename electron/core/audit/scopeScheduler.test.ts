import { describe, expect, it } from 'vitest';
import { createScopeScheduler, scopeCaps, type ScopeCaps } from './scopeScheduler';

/** Fake scopes that finish only when the test says, counting what runs at once per account and region. */
function harness(caps: ScopeCaps) {
  const scheduler = createScopeScheduler(caps);
  const running = new Map<string, { account: string; region: string; finish: (fail?: boolean) => void }>();
  const started: string[] = [];
  const peak = { global: 0, account: new Map<string, number>(), region: new Map<string, number>() };
  const count = (key: (s: { account: string; region: string }) => string, value: string) =>
    [...running.values()].filter((s) => key(s) === value).length;
  const submit = (account: string, region: string) => {
    const id = `${account}/${region}`;
    return scheduler.run(
      account,
      region,
      () =>
        new Promise<string>((resolve, reject) => {
          running.set(id, { account, region, finish: (fail) => (fail ? reject(new Error(`${id} failed`)) : resolve(id)) });
          started.push(id);
          peak.global = Math.max(peak.global, running.size);
          peak.account.set(
            account,
            Math.max(
              peak.account.get(account) ?? 0,
              count((s) => s.account, account),
            ),
          );
          peak.region.set(
            region,
            Math.max(
              peak.region.get(region) ?? 0,
              count((s) => s.region, region),
            ),
          );
        }),
    );
  };
  const finish = async (id: string, fail = false) => {
    const scope = running.get(id);
    if (!scope) throw new Error(`${id} is not running`);
    running.delete(id);
    scope.finish(fail);
    // Let the scheduler see the settled task and start what it frees.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { submit, finish, running, started, peak };
}

const ACCOUNTS = ['a1', 'a2', 'a3', 'a4', 'a5'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];

describe('scope scheduler', () => {
  it('never runs more than the caps allow, globally, per account and per region', async () => {
    const caps = { global: 6, perAccount: 2, perRegion: 3 };
    const h = harness(caps);
    const all = ACCOUNTS.flatMap((a) => REGIONS.map((r) => h.submit(a, r)));
    // Finish whatever runs, oldest first, until every scope has run.
    while (h.running.size) await h.finish([...h.running.keys()][0]!);
    expect(await Promise.all(all)).toHaveLength(ACCOUNTS.length * REGIONS.length);
    expect(h.started).toHaveLength(ACCOUNTS.length * REGIONS.length);
    expect(h.peak.global).toBe(caps.global);
    expect(Math.max(...h.peak.account.values())).toBe(caps.perAccount);
    expect(Math.max(...h.peak.region.values())).toBe(caps.perRegion);
  });

  it('starts the scopes behind a stuck one: a capped account or region lets the next in the queue run', async () => {
    const h = harness({ global: 4, perAccount: 2, perRegion: 2 });
    // Account a1 first in plan order, all in one slow region.
    for (const r of REGIONS) h.submit('a1', r);
    h.submit('a2', 'us-east-1');
    h.submit('a3', 'us-east-1');
    h.submit('a3', 'eu-west-1');
    // a1 may run two; a2's us-east-1 joins a1's; a3's us-east-1 waits for the region, a3's eu-west-1 does not.
    expect([...h.running.keys()]).toEqual(['a1/us-east-1', 'a1/eu-west-1', 'a2/us-east-1', 'a3/eu-west-1']);
    // a1/us-east-1 never finishes: everything else still gets its turn.
    await h.finish('a2/us-east-1');
    expect(h.running.has('a3/us-east-1')).toBe(true);
    await h.finish('a1/eu-west-1');
    await h.finish('a3/eu-west-1');
    await h.finish('a3/us-east-1');
    await h.finish('a1/ap-southeast-2');
    expect([...h.running.keys()]).toEqual(['a1/us-east-1', 'a1/sa-east-1']);
    expect(h.started).toHaveLength(7);
  });

  it('takes scopes submitted while others run, as accounts are resolved one by one', async () => {
    const h = harness({ global: 2, perAccount: 2, perRegion: 2 });
    const first = h.submit('a1', 'us-east-1');
    expect(h.started).toEqual(['a1/us-east-1']);
    const later = [h.submit('a2', 'us-east-1'), h.submit('a2', 'eu-west-1')];
    expect(h.started).toEqual(['a1/us-east-1', 'a2/us-east-1']);
    await h.finish('a1/us-east-1');
    await expect(first).resolves.toBe('a1/us-east-1');
    expect(h.started).toEqual(['a1/us-east-1', 'a2/us-east-1', 'a2/eu-west-1']);
    await h.finish('a2/us-east-1');
    await h.finish('a2/eu-west-1');
    await expect(Promise.all(later)).resolves.toEqual(['a2/us-east-1', 'a2/eu-west-1']);
  });

  it('frees a failed scope’s slot and hands its error to the caller', async () => {
    const h = harness({ global: 1, perAccount: 1, perRegion: 1 });
    const failing = h.submit('a1', 'us-east-1');
    const next = h.submit('a2', 'us-east-1');
    await h.finish('a1/us-east-1', true);
    await expect(failing).rejects.toThrow('a1/us-east-1 failed');
    expect(h.started).toEqual(['a1/us-east-1', 'a2/us-east-1']);
    await h.finish('a2/us-east-1');
    await expect(next).resolves.toBe('a2/us-east-1');
  });

  it('never caps an account or region below a small plan’s own concurrency', () => {
    expect(scopeCaps(1)).toEqual({ global: 1, perAccount: 1, perRegion: 1 });
    expect(scopeCaps(4)).toEqual({ global: 4, perAccount: 4, perRegion: 4 });
    const defaults = scopeCaps();
    expect(defaults.perAccount).toBeLessThan(defaults.global);
    expect(defaults.perRegion).toBeLessThan(defaults.global);
  });
});
