import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from './model';
import { describeSnapshot, snapshotNotes, type DescribedSnapshot } from './snapshotDescription';

const audit: DescribedSnapshot = {
  id: 4,
  startedAt: '2026-11-30T09:00:00.000Z',
  status: 'complete',
  catalogEdition: 'aws-2026-11',
  nodeCount: 1818,
  scopeCount: 14,
  failedScopes: 0,
  label: 'Week 4',
};

describe('describeSnapshot (issue 27)', () => {
  it('tells a re-evaluated copy from its original, in both languages', () => {
    const copy = { ...audit, id: 6, derivedFrom: 4, catalogEdition: 'seed-2022' };
    expect(describeSnapshot(audit, 'en')).toBe('#4 · 2026-11-30 · Week 4 · 1,818 nodes');
    expect(describeSnapshot(copy, 'en')).toBe(
      '#6 · 2026-11-30 · Week 4 · 1,818 nodes · re-evaluated from #4 under Japanese page, 2022 (source document)',
    );
    expect(describeSnapshot(audit, 'ja')).toBe('#4 · 2026-11-30 · Week 4 · 1,818 ノード');
    expect(describeSnapshot(copy, 'ja')).toBe('#6 · 2026-11-30 · Week 4 · 1,818 ノード · #4 を日本語のページ（2022年、原資料）で再評価');
  });

  it('says how many scopes a partial snapshot lacks', () => {
    const partial = { ...audit, id: 3, status: 'partial' as const, failedScopes: 2, nodeCount: 1616 };
    expect(snapshotNotes(partial, 'en')).toEqual(['partial: 2 of 14 account × region scopes not audited']);
    expect(snapshotNotes(partial, 'ja')).toEqual(['部分的: アカウント × リージョン 14 件中 2 件は監査できず']);
    // A partial snapshot whose scope rows do not say which failed (imported from an older file) is still partial.
    expect(snapshotNotes({ ...partial, failedScopes: 0 }, 'en')).toEqual(['partial: some account × region scopes not audited']);
  });

  it('names the file an imported snapshot came from and when, in the caller’s time format', () => {
    const imported = { ...audit, importedFrom: 'snapshot-4.patchaudit', importedAt: '2026-12-05T10:00:00.000Z' };
    const time = (iso: string, lang: Lang) => `${lang}:${iso.slice(0, 10)}`;
    expect(snapshotNotes(imported, 'en', time)).toEqual(['imported from snapshot-4.patchaudit on en:2026-12-05']);
    expect(snapshotNotes(imported, 'ja', time)).toEqual(['ja:2026-12-05に snapshot-4.patchaudit から取り込み']);
    expect(describeSnapshot(imported, 'en', time)).toMatch(/^#4 · en:2026-11-30 · /);
  });

  it('gives one note per fact that sets a snapshot apart, and none for a complete audit made here', () => {
    const snapshot = fc.record({
      id: fc.integer({ min: 1, max: 1e6 }),
      startedAt: fc.constant('2026-11-30T09:00:00.000Z'),
      status: fc.constantFrom('complete' as const, 'partial' as const),
      catalogEdition: fc.constantFrom('aws-2026-11', 'seed-2022', 'some-future-edition'),
      nodeCount: fc.nat(),
      scopeCount: fc.nat({ max: 5000 }),
      failedScopes: fc.nat({ max: 5000 }),
      derivedFrom: fc.option(fc.integer({ min: 1 }), { nil: undefined }),
      importedFrom: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
      importedAt: fc.option(fc.constant('2026-12-01T00:00:00.000Z'), { nil: undefined }),
    });
    fc.assert(
      fc.property(snapshot, fc.constantFrom<Lang>('en', 'ja'), (s, lang) => {
        const expected = Number(s.status === 'partial') + Number(s.derivedFrom !== undefined) + Number(s.importedFrom !== undefined);
        const notes = snapshotNotes(s, lang);
        expect(notes).toHaveLength(expected);
        for (const note of notes) expect(note.length).toBeGreaterThan(0);
        expect(describeSnapshot(s, lang).startsWith(`#${s.id} · `)).toBe(true);
        expect(describeSnapshot(s, lang).endsWith(notes.at(-1) ?? '')).toBe(true);
      }),
    );
  });
});
