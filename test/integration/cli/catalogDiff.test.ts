/** `patch-audit catalog-diff`: a saved snapshot judged under another edition, offline, from a real database file. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/store';
import { evaluateNode, platformOf } from '../../../shared/evaluate';
import type { NodeFacts } from '../../../shared/model';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { runMain } from '../../support/runMain';
import { tempDir } from '../../support/tempDir';
import { NOW, SEED, nodeFacts } from '../../unit/nodeFactsFixture';

const FACTS: NodeFacts[] = [
  nodeFacts({ instanceId: 'i-al2023', platformName: 'Amazon Linux', platformVersion: '2023' }),
  nodeFacts({ instanceId: 'i-rocky9', platformName: 'Rocky Linux', platformVersion: '9.5' }),
  nodeFacts({ instanceId: 'i-focal', platformName: 'Ubuntu', platformVersion: '20.04' }),
  nodeFacts({ instanceId: 'i-stretch', platformName: 'Debian GNU/Linux', platformVersion: '9' }),
];

describe('patch-audit catalog-diff', () => {
  let db: string;
  let id: number;
  beforeAll(() => {
    db = join(tempDir('pa-cli-catalog-diff-'), 'db.sqlite');
    const store = openStore({ path: db });
    const base = makeSnapshot({ nodes: 1, catalogEdition: 'seed-2022' });
    id = store.saveSnapshot({
      ...base,
      finishedAt: NOW.toISOString(),
      nodes: FACTS.map((facts) => ({
        facts,
        platform: platformOf(facts),
        checks: evaluateNode(facts, { catalog: SEED, now: NOW, scanAgeDays: 7 }),
      })),
    });
    store.close();
  });

  it('prints what the current AWS page changes by default: totals, rules, platforms, accounts, checks', async () => {
    const { code, stdout } = await runMain('catalog-diff', String(id), '--db', db);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `#${id} under seed-2022 (Japanese page, 2022 (source document)) → aws-2026-11 (AWS page, November 2026): 3 of 4 nodes change (3 checks); ready 2 → 3`,
    );
    expect(stdout).toMatch(/os\.supported\s+3\s+fail→pass 2, pass→fail 1/);
    expect(stdout).toMatch(/Rocky Linux 9\.5\s+1\s+1\s+0\s+1/);
    expect(stdout).toMatch(/i-stretch\s+os\.supported\s+pass\s+fail\s+os\.version-not-listed/);
    expect(stdout).not.toContain('i-focal');
  });

  it('answers the same in JSON, and nothing changes against the snapshot’s own edition', async () => {
    const json = await runMain('catalog-diff', String(id), '--db', db, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ from: 'seed-2022', to: 'aws-2026-11', totals: { changedChecks: 3 } });
    const same = await runMain('catalog-diff', String(id), '--db', db, '--catalog', 'seed-2022', '--json');
    expect(JSON.parse(same.stdout)).toMatchObject({ totals: { changedNodes: 0, readyBefore: 2, readyAfter: 2 }, changes: [] });
  });

  it('refuses an edition it does not know and a snapshot that is not there', async () => {
    const edition = await runMain('catalog-diff', String(id), '--db', db, '--catalog', 'aws-1999');
    expect(edition.code).not.toBe(0);
    expect(edition.stderr).toMatch(/aws-1999.*(seed-2022|choices)/s);
    const missing = await runMain('catalog-diff', '999', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/999/);
    // A snapshot judged under an edition this version does not know: the snapshot is named, not --catalog.
    const store = openStore({ path: db });
    const future = store.saveSnapshot({ ...makeSnapshot({ nodes: 1 }), catalogEdition: 'aws-2099-01' });
    store.close();
    const unknown = await runMain('catalog-diff', String(future), '--db', db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`Snapshot ${future} was judged under catalog edition "aws-2099-01", which this version does not know`);
  });
});
