/** `nodes:exportCsv` through the contract: the file holds the filtered, sorted rows and the chosen columns. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import type { HostFiles } from '../../../electron/core/files';
import { testNode, testSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

describe('nodes:exportCsv', () => {
  const dir = tempDir('pa-nodes-csv-');
  const saved: string[] = [];
  let cancel = false;
  const files: HostFiles = {
    chooseImportFile: async () => null,
    chooseSaveTarget: async (kind, name) => {
      expect(kind).toBe('csv');
      if (cancel) return null;
      const path = join(dir, name);
      return { path, done: () => (saved.push(path), { fileName: name }) };
    },
  };
  let core: Core;
  let id: number;

  beforeAll(() => {
    core = createCore({
      dataDir: join(dir, 'data'),
      host: { host: 'web', versions: {}, openExternal: async () => {}, files },
    });
    id = core.services.snapshots.save(
      testSnapshot([
        testNode({
          instanceId: 'i-a',
          name: '=HYPERLINK("http://x")',
          ipAddress: '10.0.0.1',
          statuses: { 'agent.version': 'fail', 'patch.compliant': 'pass' },
        }),
        testNode({ instanceId: 'i-b', name: 'web, "front"', statuses: { 'agent.version': 'pass', 'patch.compliant': 'fail' } }),
        testNode({ instanceId: 'i-c', name: 'db\nprimary', statuses: { 'agent.version': 'fail' } }),
      ]),
    );
  });
  afterAll(async () => core?.close());

  const exportCsv = async (input: unknown) => {
    const result = await core.dispatch('nodes:exportCsv', input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { saved: boolean; rows?: number; fileName?: string };
  };

  it('writes the filtered rows, sorted, with the chosen columns, a BOM, CRLF and quoting', async () => {
    const out = await exportCsv({
      snapshotId: id,
      query: { rule: 'agent.version', statuses: ['fail'], sort: { key: 'instanceId', dir: 'desc' } },
      columns: ['instanceId', 'name', 'agent.version'],
      lang: 'en',
    });
    expect(out).toMatchObject({ saved: true, rows: 2, fileName: `nodes-${id}.csv` });
    const text = readFileSync(saved.at(-1)!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).toBe(
      ['Instance ID,Name,SSM Agent version (agent.version)', 'i-c,"db\nprimary",Fail', `i-a,"'=HYPERLINK(""http://x"")",Fail`, ''].join(
        '\r\n',
      ),
    );
  });

  it('writes Japanese headers and statuses, and every row without a filter', async () => {
    await exportCsv({ snapshotId: id, query: {}, columns: ['name', 'patch.compliant'], lang: 'ja' });
    const lines = readFileSync(saved.at(-1)!, 'utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('名前,パッチコンプライアンス (patch.compliant)');
    expect(lines.slice(1, -1)).toHaveLength(3);
    expect(lines).toContain('"web, ""front""",不合格');
  });

  it('reports a cancelled dialog, a missing snapshot and an unknown column', async () => {
    cancel = true;
    expect(await exportCsv({ snapshotId: id, query: {}, columns: ['name'], lang: 'en' })).toEqual({ saved: false });
    cancel = false;
    expect(await core.dispatch('nodes:exportCsv', { snapshotId: 999, query: {}, columns: ['name'], lang: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await core.dispatch('nodes:exportCsv', { snapshotId: id, query: {}, columns: ['password'], lang: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
