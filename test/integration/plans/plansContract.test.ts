/** Saved audit plans and readiness counts through the contract, as the renderer calls them. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import type { SavedPlan } from '../../../shared/plans';
import { PREREQUISITE_RULE_IDS, type Readiness } from '../../../shared/readiness';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

describe('plans and readiness over the contract', () => {
  let core: Core;
  const dataDir = tempDir('pa-plans-');
  const plansPath = join(dataDir, 'plans.json');

  const ok = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(() => {
    core = createCore({ dataDir, host: { host: 'web', versions: {}, openExternal: async () => {} } });
  });
  afterAll(async () => core?.close());

  const orgPlan = {
    regions: ['ap-northeast-1', 'us-east-1'],
    targets: { kind: 'organization', roleName: 'PatchAuditRole', externalId: 'secret-external-id', exclude: ['111111111111'] },
    client: 'Contoso',
    concurrency: 4,
  };

  it('starts with no plans, saves one without its external id, and lists it', async () => {
    expect(await ok('plans:list')).toEqual([]);
    const saved = await ok<SavedPlan>('plans:save', { name: ' Contoso monthly ', plan: orgPlan });
    expect(saved).toMatchObject({
      name: 'Contoso monthly',
      usesExternalId: true,
      plan: { client: 'Contoso', targets: { kind: 'organization', exclude: ['111111111111'] } },
    });
    expect(saved.plan.targets).not.toHaveProperty('externalId');
    const file = readFileSync(plansPath, 'utf8');
    expect(file).not.toContain('secret-external-id');
    expect(file).toContain('Contoso monthly');
    expect(statSync(plansPath).mode & 0o777).toBe(0o600);
    expect(await ok('plans:list')).toEqual([saved]);
  });

  it('replaces a plan saved under the same id and remembers an external id asked for explicitly', async () => {
    const [first] = await ok<SavedPlan[]>('plans:list');
    const replaced = await ok<SavedPlan>('plans:save', {
      id: first!.id,
      name: 'Contoso accounts',
      usesExternalId: true,
      plan: { regions: 'all', targets: { kind: 'accounts', accountIds: ['123456789012'], roleName: 'PatchAuditRole' } },
    });
    expect(replaced).toMatchObject({ id: first!.id, usesExternalId: true, plan: { regions: 'all' } });
    const other = await ok<SavedPlan>('plans:save', { name: 'Self', plan: { regions: ['eu-west-1'], targets: { kind: 'self' } } });
    expect(other.usesExternalId).toBe(false);
    expect((await ok<SavedPlan[]>('plans:list')).map((p) => p.name)).toEqual(['Contoso accounts', 'Self']);
  });

  it('refuses an invalid plan, an unnamed one and one naming an unknown edition without writing', async () => {
    const before = readFileSync(plansPath, 'utf8');
    for (const input of [
      { name: 'x', plan: { regions: ['nowhere'], targets: { kind: 'self' } } },
      { name: '  ', plan: { regions: ['eu-west-1'], targets: { kind: 'self' } } },
      { name: 'x', plan: { regions: ['eu-west-1'], targets: { kind: 'self' } }, secretAccessKey: 'k' },
    ]) {
      expect(await core.dispatch('plans:save', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const unknownEdition = { name: 'x', plan: { regions: ['eu-west-1'], targets: { kind: 'self' }, catalogEdition: 'aws-1999' } };
    expect(await core.dispatch('plans:save', unknownEdition)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Unknown catalog edition "aws-1999"') },
    });
    expect(readFileSync(plansPath, 'utf8')).toBe(before);
  });

  it('deletes a plan once', async () => {
    const [first] = await ok<SavedPlan[]>('plans:list');
    expect(await ok('plans:delete', { id: first!.id })).toEqual({ deleted: true });
    expect(await ok('plans:delete', { id: first!.id })).toEqual({ deleted: false });
    expect((await ok<SavedPlan[]>('plans:list')).map((p) => p.name)).toEqual(['Self']);
  });

  it('reads a damaged file as no plans and skips a damaged entry, counting both as unreadable and never echoing an external id', async () => {
    writeFileSync(plansPath, '{ not json');
    expect(await ok('plans:list')).toEqual([]);
    expect(await ok('plans:unreadable')).toEqual({ entries: 0, wholeFile: true });
    const good = {
      id: '5b3f2a8e-0c1d-4e2f-9a3b-4c5d6e7f8a9b',
      name: 'Kept',
      savedAt: '2026-01-01T00:00:00.000Z',
      usesExternalId: true,
      plan: orgPlan,
    };
    writeFileSync(plansPath, JSON.stringify({ version: 1, plans: [{ id: 'nope' }, good] }));
    const listed = await ok<SavedPlan[]>('plans:list');
    expect(listed.map((p) => p.name)).toEqual(['Kept']);
    expect(JSON.stringify(listed)).not.toContain('secret-external-id');
    // The damaged entry is not listed, but counted, so the Plans page can say it is kept.
    expect(await ok('plans:unreadable')).toEqual({ entries: 1, wholeFile: false });
  });

  it('counts verified-ready and not-verified nodes per account and region', async () => {
    const snapshot = makeSnapshot({ nodes: 60, seed: 7, accounts: ['111111111111', '222222222222'], regions: ['eu-west-1'] });
    const id = core.services.snapshots.save(snapshot);
    const expected = new Map<string, { nodes: number; ready: number; unverified: number }>();
    for (const node of snapshot.nodes) {
      const key = `${node.facts.accountId}/${node.facts.region}`;
      const counts = expected.get(key) ?? { nodes: 0, ready: 0, unverified: 0 };
      counts.nodes += 1;
      const prerequisites = node.checks.filter((c) => PREREQUISITE_RULE_IDS.includes(c.rule)).map((c) => c.status);
      const failed = prerequisites.includes('fail');
      const verified =
        prerequisites.length === PREREQUISITE_RULE_IDS.length &&
        prerequisites.every((s) => s === 'pass' || s === 'warn' || s === 'not_applicable');
      if (verified) counts.ready += 1;
      else if (!failed) counts.unverified += 1;
      expected.set(key, counts);
    }
    const readiness = await ok<Readiness>('readiness:summary', { id });
    expect(readiness.nodes).toBe(60);
    expect(readiness.ready).toBeGreaterThan(0);
    expect(readiness.ready).toBeLessThan(60);
    expect(readiness.unverified).toBeGreaterThan(0);
    expect(
      Object.fromEntries(
        readiness.scopes.map((s) => [`${s.accountId}/${s.region}`, { nodes: s.nodes, ready: s.ready, unverified: s.unverified }]),
      ),
    ).toEqual(Object.fromEntries(expected));
    expect(readiness.ready).toBe([...expected.values()].reduce((sum, c) => sum + c.ready, 0));
    expect(await core.dispatch('readiness:summary', { id: id + 100 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
