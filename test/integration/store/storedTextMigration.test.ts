/**
 * Issue 28: text saved before the text rule (shared/userText.ts) must still export to a file its
 * import accepts. Migration v10 rewrites it as the UI shows it; the export refuses, naming the
 * snapshot, anything its import would refuse, instead of writing a backup that does not restore.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportUnimportableError, exportSnapshots, importArchive, openStore } from '../../../electron/core/store';
import { UserText } from '../../../shared/userText';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

/** What the previous rule let through: a ZWJ emoji, a Persian ZWNJ, U+FFFD, a bidi mark, a BOM. */
const OLD_TEXTS = ['Team \u{1F469}\u200D\u{1F4BB} week 4', 'می\u200Cخواهم', 'Acme\uFFFD', 'שלום\u200F Ltd', '\uFEFFQ4'];

/** A database at schema v9 (the last before the text rule) holding snapshots labelled with `texts`, as the previous version left it. */
function version9Database(path: string, texts: readonly string[]): number[] {
  const store = openStore({ path });
  const ids = texts.map((text, i) =>
    store.saveSnapshot({ ...makeSnapshot({ nodes: 3, seed: i + 1 }), label: text, client: `${text} client`, engagement: text }),
  );
  store.close();
  const db = new Database(path);
  // What v11 (issue 30) added goes, so the file is the v9 schema it claims to be (v10 only rewrites text).
  db.exec(`DROP TABLE unmanaged_instance; ALTER TABLE scope DROP COLUMN coverage;
    ALTER TABLE area_summary DROP COLUMN ec2_instances; ALTER TABLE area_summary DROP COLUMN unmanaged;
    ALTER TABLE area_summary DROP COLUMN scanned_recently;`);
  db.pragma('user_version = 9');
  db.close();
  return ids;
}

const metaOf = (store: ReturnType<typeof openStore>, id: number) => {
  const meta = store.getSnapshot(id)!;
  return { label: meta.label, client: meta.client, engagement: meta.engagement };
};

describe('text stored before the rule', () => {
  it('is migrated to its visible form, and a database at v9 exports a file that imports', async () => {
    const dir = tempDir('pa-storedtext-');
    const ids = version9Database(join(dir, 'old.sqlite'), OLD_TEXTS);
    const source = openStore({ path: join(dir, 'old.sqlite') });
    const target = openStore({ path: join(dir, 'restored.sqlite') });
    try {
      const migrated = ids.map((id) => metaOf(source, id));
      expect(migrated[0]).toEqual({
        label: 'Team \u{1F469}⟨U+200D⟩\u{1F4BB} week 4',
        client: 'Team \u{1F469}⟨U+200D⟩\u{1F4BB} week 4 client',
        engagement: 'Team \u{1F469}⟨U+200D⟩\u{1F4BB} week 4',
      });
      expect(migrated.map((m) => m.label)).toEqual([
        'Team \u{1F469}⟨U+200D⟩\u{1F4BB} week 4',
        'می⟨U+200C⟩خواهم',
        'Acme⟨U+FFFD⟩',
        'שלום⟨U+200F⟩ Ltd',
        '⟨U+FEFF⟩Q4',
      ]);
      for (const m of migrated) for (const text of Object.values(m)) expect(UserText.safeParse(text).success, text).toBe(true);

      const file = join(dir, 'backup.patchaudit');
      exportSnapshots(source, ids, file);
      const { added } = await importArchive(target, file);
      expect(added.map((id) => metaOf(target, id))).toEqual(migrated);
    } finally {
      source.close();
      target.close();
    }
  });

  it('leaves text that obeys the rule as it was', () => {
    const dir = tempDir('pa-storedtext-');
    const texts = ['本番環境 2026 年 11 月', 'Acme GmbH — Q4 audit', '🚀 team'];
    const ids = version9Database(join(dir, 'old.sqlite'), texts);
    const store = openStore({ path: join(dir, 'old.sqlite') });
    try {
      expect(ids.map((id) => metaOf(store, id).label)).toEqual(texts);
    } finally {
      store.close();
    }
  });
});

describe('the export guard', () => {
  const refused = async (mutate: (db: Database.Database, id: number) => void, says: RegExp) => {
    const dir = tempDir('pa-exportguard-');
    const path = join(dir, 'db.sqlite');
    const store = openStore({ path });
    const good = store.saveSnapshot(makeSnapshot({ nodes: 3, seed: 1 }));
    const bad = store.saveSnapshot(makeSnapshot({ nodes: 3, seed: 2, startedAt: '2026-01-22T09:00:00.000Z' }));
    const db = new Database(path);
    mutate(db, bad);
    db.close();
    const file = join(dir, 'out.patchaudit');
    try {
      let error: unknown;
      try {
        exportSnapshots(store, [good, bad], file);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ExportUnimportableError);
      expect((error as Error).message).toMatch(new RegExp(`^Snapshot #${bad} cannot be exported`));
      expect((error as Error).message).toMatch(says);
      expect(existsSync(file)).toBe(false);
      exportSnapshots(store, [good], file);
      expect(existsSync(file)).toBe(true);
    } finally {
      store.close();
    }
  };

  it('refuses, naming the snapshot, text its import would refuse, and writes nothing', async () => {
    await refused((db, id) => db.prepare('UPDATE snapshot SET client = ? WHERE id = ?').run('Acme \u202Efdp.exe', id), /client: .*U\+202E/);
  });

  it('refuses, naming the snapshot, a snapshot its import would find inconsistent', async () => {
    await refused(
      (db, id) => db.prepare('UPDATE scope SET nodes = 99999 WHERE snapshot_id = ?').run(id),
      /\(.+\)\. Nothing was written\.$/,
    );
  });
});
