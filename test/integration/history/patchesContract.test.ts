/** Missing patches over the contract (issue 19), on a real SQLite store: every answer passes the output schema. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import type { MissingPatchSummary, PatchComparison, PatchNode } from '../../../shared/missingPatches';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

describe('missing patches over the contract', () => {
  let core: Core;
  let first: number;
  let second: number;
  const dir = tempDir('pa-patches-');

  const ok = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(() => {
    core = createCore({ dataDir: join(dir, 'data'), host: { host: 'web', versions: {}, openExternal: async () => {} } });
    first = core.services.snapshots.save(makeSnapshot({ nodes: 60, seed: 1, startedAt: '2026-10-01T09:00:00.000Z', patches: {} }));
    second = core.services.snapshots.save(
      makeSnapshot({ nodes: 60, seed: 2, startedAt: '2026-10-08T09:00:00.000Z', patches: { deniedAccount: '333333333333' } }),
    );
  });
  afterAll(async () => core?.close());

  it('ranks the patches and CVEs the saved nodes miss, most nodes first', async () => {
    const summary = await ok<MissingPatchSummary>('patches:summary', { snapshotId: first });
    expect(summary.totals).toMatchObject({ nodes: 60, read: 60 });
    expect(summary.unknown.nodes).toBe(0);
    expect(summary.patches.length).toBeGreaterThan(5);
    const counts = summary.patches.map((p) => p.nodes);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(summary.patches.some((p) => p.kbId === 'KB5037765')).toBe(true);
    expect(summary.cves[0]!.cveId).toMatch(/^CVE-\d{4}-\d+$/);
    expect(summary.values.severities[0]).toBe('Critical');
  });

  it('filters by severity and account and counts the denied account as unknown', async () => {
    const summary = await ok<MissingPatchSummary>('patches:summary', {
      snapshotId: second,
      filters: { severities: ['Critical'] },
      limit: 3,
    });
    expect(summary.patches.length).toBeLessThanOrEqual(3);
    expect(summary.patches.every((p) => p.severity === 'Critical')).toBe(true);
    expect(summary.unknown).toEqual({ nodes: 20, reasons: [{ reason: 'denied', nodes: 20 }] });
    const denied = await ok<MissingPatchSummary>('patches:summary', { snapshotId: second, filters: { accountIds: ['333333333333'] } });
    expect(denied.totals).toMatchObject({ nodes: 20, read: 0, affected: 0, patches: 0 });
  });

  it("lists a patch's nodes and a CVE's nodes", async () => {
    const { patches, cves } = await ok<MissingPatchSummary>('patches:summary', { snapshotId: first });
    const top = patches[0]!;
    const byPatch = await ok<{ total: number; nodes: PatchNode[] }>('patches:nodes', {
      snapshotId: first,
      kbId: top.kbId,
      title: top.title,
    });
    expect(byPatch.total).toBe(top.nodes);
    const byCve = await ok<{ total: number; nodes: PatchNode[] }>('patches:nodes', { snapshotId: first, cveId: cves[0]!.cveId, limit: 2 });
    expect(byCve).toMatchObject({ total: cves[0]!.nodes });
    expect(byCve.nodes.length).toBeLessThanOrEqual(2);
  });

  it('compares two snapshots: newly missing, resolved, and the nodes it cannot tell', async () => {
    const diff = await ok<PatchComparison>('patches:compare', { from: first, to: second });
    expect(diff).toMatchObject({ from: first, to: second, compared: 40, unknown: { nodes: 20 } });
    expect(diff.newlyMissing.length + diff.resolved.length).toBeGreaterThan(0);
    expect(diff.totals.newlyMissing).toBe(diff.newlyMissing.length);
  });

  it('refuses unknown snapshots and bad input', async () => {
    expect(await core.dispatch('patches:summary', { snapshotId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.dispatch('patches:compare', { from: first, to: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.dispatch('patches:nodes', { snapshotId: first, kbId: 'KB1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await core.dispatch('patches:summary', { snapshotId: first, filters: { states: ['Installed'] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
