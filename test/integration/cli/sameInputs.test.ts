/**
 * Issue 29: the CLI and the app accept exactly the same values, refused with the same reasons.
 * The CLI's option parsers only turn text into a number; the service checks it with the
 * contract's schema, the same check `dispatch` answers the app with. The app names a field as
 * the contract does (`scanAgeDays`), the CLI as the option the user typed (`--scan-age-days`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionOfField } from '../../../electron/cli/failure';
import { createCore, type Core } from '../../../electron/core/createCore';
import { openStore } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { runMain } from '../../support/runMain';
import { tempDir } from '../../support/tempDir';

const dir = tempDir('pa-cli-same-');
const db = join(dir, 'cli.sqlite');
let core: Core;

beforeAll(() => {
  const store = openStore({ path: db });
  store.saveSnapshot(makeSnapshot({ nodes: 6, label: 'first' }));
  store.saveSnapshot(makeSnapshot({ nodes: 6, seed: 2, startedAt: '2026-01-22T09:00:00.000Z', label: 'second' }));
  store.close();
  core = createCore({ dataDir: join(dir, 'app'), host: { host: 'web', versions: {}, openExternal: async () => {} } });
  core.services.snapshots.save(makeSnapshot({ nodes: 6, label: 'first' }));
  core.services.snapshots.save(makeSnapshot({ nodes: 6, seed: 2, startedAt: '2026-01-22T09:00:00.000Z', label: 'second' }));
});
afterAll(() => core.close());

/** Numbers as a user types them: whole and fractional, in and out of every range, and a few that are not numbers. */
const typed = fc.oneof(
  fc.integer({ min: -3, max: 400 }).map(String),
  fc.integer({ min: 9_990, max: 10_010 }).map(String),
  fc.double({ min: -10, max: 500, noNaN: true }).map((n) => n.toFixed(2)),
  fc.constantFrom('', 'abc', '7 days', '1e2', '0x10', 'NaN', '365', '366', '10000', '10001'),
);

/**
 * The app's answer as the CLI prints it: nothing on success; on a refusal each of the app's
 * `field: reason` with the field named as its option, after `patch-audit: `.
 */
async function appAnswer(method: string, input: unknown): Promise<string> {
  const result = await core.dispatch(method, input);
  if (result.ok) return '';
  const prefix = `Invalid input for ${method}: `;
  expect(result.error.message.startsWith(prefix), result.error.message).toBe(true);
  const reasons = result.error.message
    .slice(prefix.length)
    .split('; ')
    .map((field) => {
      const [path = '', reason = ''] = field.split(/: (.*)/s);
      return `${optionOfField(path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)))}: ${reason}`;
    });
  return `patch-audit: ${reasons.join('; ')}\n`;
}

describe('the CLI and the app take the same values', () => {
  it('reevaluate --scan-age-days: refused exactly when snapshots:reevaluate refuses, with its message', async () => {
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const cli = await runMain('reevaluate', '1', '--catalog', 'seed-2022', '--scan-age-days', text, '--db', db);
        const number = /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
        const app = await appAnswer('snapshots:reevaluate', { id: 1, catalogEdition: 'seed-2022', scanAgeDays: number });
        expect(cli.stderr).toBe(app);
        expect(cli.code).toBe(app ? 2 : 0);
        if (app) refused++;
        else accepted++;
      }),
      { numRuns: 40, seed: 29 },
    );
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });

  it('diff --limit and catalog-diff --limit: refused exactly when compare:run and compare:editions refuse', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const number = /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
        const diff = await runMain('diff', '1', '2', '--limit', text, '--db', db, '--json');
        const compare = await appAnswer('compare:run', { from: 1, to: 2, limit: number });
        expect(diff.stderr).toBe(compare);
        const editions = await runMain('catalog-diff', '1', '--catalog', 'seed-2022', '--limit', text, '--db', db, '--json');
        expect(editions.stderr).toBe(await appAnswer('compare:editions', { snapshotId: 1, catalogEdition: 'seed-2022', limit: number }));
      }),
      { numRuns: 25, seed: 29 },
    );
  });

  it('audit options: a plan the app refuses is refused before any database is opened, with the same message', async () => {
    const fresh = join(dir, 'never.sqlite');
    const cli = await runMain('audit', '--regions', 'mars-north-9', '--concurrency', '0', '--db', fresh);
    const app = await appAnswer('audit:start', { regions: ['mars-north-9'], targets: { kind: 'self' }, concurrency: 0 });
    expect(app).toMatch(/^patch-audit: --regions\b.*--concurrency: /);
    expect(cli).toMatchObject({ code: 2, stderr: app });
    expect(existsSync(fresh)).toBe(false);
  });

  it('audit --scan-age-days: whole days from 1 to 365, as the settings take them', async () => {
    for (const days of ['0', '366', '2.5']) {
      const cli = await runMain('audit', '--scan-age-days', days, '--db', join(dir, 'never.sqlite'));
      const app = await appAnswer('settings:set', { scanAgeDays: Number(days) });
      expect(cli.code).toBe(2);
      expect(cli.stderr).toBe(app);
      expect(cli.stderr).toBe('patch-audit: --scan-age-days: must be a whole number of days from 1 to 365\n');
    }
  });

  it('evaluate --scan-age-days: refused exactly when the settings refuse the value, for the same reason', async () => {
    const files = ['describe-instance-information', 'describe-instance-patch-states', 'get-inventory'].map((name) =>
      join(import.meta.dirname, '..', '..', 'fixtures', 'awscli', 'v2', `${name}.json`),
    );
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const number = /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
        const cli = await runMain('evaluate', '--json', '--scan-age-days', text, ...files);
        const app = await appAnswer('settings:set', { scanAgeDays: number });
        expect(cli.stderr).toBe(app);
        expect(cli.code).toBe(app ? 2 : 0);
      }),
      { numRuns: 25, seed: 29 },
    );
  });
});
