/**
 * Property: any label, client or engagement text the app accepts (the contract's UserText, used
 * by annotations and audit plans) survives its own export and import unchanged. Seeded, so a
 * failure names a reproducible string.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSnapshots, importArchive, openStore } from '../../../electron/core/store';
import { SnapshotAnnotation } from '../../../shared/history';
import { AuditPlan } from '../../../shared/auditPlan';
import { USER_TEXT_MAX, UserText } from '../../../shared/userText';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

/** What people paste into a label: scripts, separators, paths, emoji, spaces, and a few controls. */
const PIECES = [
  'Acme',
  '本番',
  'ﾃｽﾄ',
  '株式会社',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '..',
  '../',
  '..\\',
  '/',
  '\\',
  '.',
  '"',
  "'",
  '<b>',
  '&amp;',
  '=SUM(A1)',
  '👩‍💻',
  '\u202e',
  '\u200b',
  '\u0000',
  '\u001b[2J',
  '\u0085',
  '%2e%2e',
  'C:\\',
  '~',
  '—',
  'é',
  'ß',
];

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function candidates(count: number): string[] {
  const random = seeded(20261202);
  return Array.from({ length: count }, (_, i) => {
    if (i % 50 === 0) return 'x'.repeat(USER_TEXT_MAX - (i % 3)); // at and near the bound
    const parts = Math.floor(random() * 6) + 1;
    return Array.from({ length: parts }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
  });
}

describe('user text round trip', () => {
  it('what the contract accepts is what the archive import accepts, unchanged after export and import', async () => {
    const dir = tempDir('pa-usertext-');
    // Fixed cases first: texts that only become a ".." segment once trimmed.
    const texts = [' ..', '..\n', '/.. ', '\t../', ...candidates(400)];
    for (const text of texts.slice(0, 4)) expect(UserText.safeParse(text).success, JSON.stringify(text)).toBe(false);
    const accepted = texts.filter((text) => UserText.safeParse(text).success);
    const refused = texts.filter((text) => !UserText.safeParse(text).success);
    // The generator must exercise both sides, or the property says nothing.
    expect(accepted.length).toBeGreaterThan(150);
    expect(refused.length).toBeGreaterThan(50);
    // The contract's schemas are the same UserText: a refused text is refused at every entry.
    const plan = (client: string) => ({ regions: ['us-east-1'], targets: { kind: 'self' }, client });
    for (const text of accepted.slice(0, 20)) {
      expect(SnapshotAnnotation.safeParse({ id: 1, label: text }).success, text).toBe(true);
      expect(AuditPlan.safeParse(plan(text)).success, text).toBe(true);
    }
    for (const text of refused.slice(0, 20)) {
      expect(SnapshotAnnotation.safeParse({ id: 1, label: text }).success, text).toBe(false);
      expect(AuditPlan.safeParse(plan(text)).success, text).toBe(false);
    }

    const source = openStore({ path: join(dir, 'source.sqlite') });
    const target = openStore({ path: join(dir, 'target.sqlite') });
    try {
      const ids = accepted.map((text, i) => {
        const id = source.saveSnapshot({ ...makeSnapshot({ nodes: 1, seed: i + 1 }), label: text, client: text, engagement: text });
        // Half of them through the annotate path as the Snapshots page uses it (which trims).
        if (i % 2 === 0) source.annotateSnapshot(id, { label: `${text} `, client: text });
        return id;
      });
      const expected = ids.map((id) => {
        const meta = source.getSnapshot(id)!;
        return { label: meta.label, client: meta.client, engagement: meta.engagement };
      });
      const file = join(dir, 'all.patchaudit');
      exportSnapshots(source, ids, file);
      const { ids: imported, alreadyPresent } = await importArchive(target, file);
      expect(alreadyPresent).toEqual([]);
      expect(imported).toHaveLength(ids.length);
      const restored = imported.map((id) => {
        const meta = target.getSnapshot(id)!;
        return { label: meta.label, client: meta.client, engagement: meta.engagement };
      });
      expect(restored).toEqual(expected);
    } finally {
      source.close();
      target.close();
    }
  }, 120_000);
});
