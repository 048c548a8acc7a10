/** Reports over the contract: the host's save target receives a real PDF or HTML. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore';
import type { HostFiles } from '../../../electron/core/files';
import { lazyChromiumPrinter } from '../../../electron/core/report/chromiumPrinter';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

describe('report over the contract', () => {
  const dir = tempDir('pa-report-contract-');
  const printing = lazyChromiumPrinter();
  const files: HostFiles = {
    chooseImportFile: async () => null,
    chooseSaveTarget: async (_kind, name) => ({ path: join(dir, name), done: () => ({ fileName: name }) }),
  };
  let core: Core;
  let id: number;

  beforeAll(() => {
    core = createCore({
      dataDir: join(dir, 'data'),
      host: { host: 'web', versions: {}, openExternal: async () => {}, files },
      printer: printing.printer,
    });
    id = core.services.snapshots.save({ ...makeSnapshot({ nodes: 30 }), client: 'ACME <b>' });
  });
  afterAll(async () => {
    await core?.close();
    await printing.close();
  });

  it('prints a PDF report in Japanese with the client name as plain text', async () => {
    const result = await core.dispatch('report:create', { snapshotId: id, lang: 'ja', paper: 'a4', format: 'pdf' });
    expect(result).toEqual({ ok: true, value: { saved: true, fileName: `patch-audit-report-${id}-ja.pdf` } });
    const pdf = join(dir, `patch-audit-report-${id}-ja.pdf`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('監査報告書');
    expect(text).toContain('ACME <b>');
  });

  it('saves the HTML of chosen sections, and refuses bad input', async () => {
    const result = await core.dispatch('report:create', {
      snapshotId: id,
      lang: 'en',
      paper: 'letter',
      format: 'html',
      sections: ['cover', 'summary'],
    });
    expect(result).toMatchObject({ ok: true, value: { saved: true } });
    const html = readFileSync(join(dir, `patch-audit-report-${id}-en.html`), 'utf8');
    expect(html).toContain('ACME &lt;b&gt;');
    expect(await core.dispatch('report:create', { snapshotId: id, lang: 'fr', paper: 'a4', format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await core.dispatch('report:create', { snapshotId: 999, lang: 'en', paper: 'a4', format: 'html' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('takes the appendix choice over the contract, and refuses one it does not know', async () => {
    const result = await core.dispatch('report:create', { snapshotId: id, lang: 'en', paper: 'a4', format: 'html', appendix: 'none' });
    expect(result).toMatchObject({ ok: true, value: { saved: true } });
    const html = readFileSync(join(dir, `patch-audit-report-${id}-en.html`), 'utf8');
    expect(html).toContain('<h2>Appendix: node list (omitted)</h2>');
    expect(html).not.toContain('<table class="appendix">');
    expect(
      await core.dispatch('report:create', { snapshotId: id, lang: 'en', paper: 'a4', format: 'html', appendix: 'failing' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('exports the snapshot as JSON', async () => {
    expect(await core.dispatch('report:exportJson', { snapshotId: id })).toMatchObject({ ok: true, value: { saved: true } });
    const doc = JSON.parse(readFileSync(join(dir, `patch-audit-snapshot-${id}.json`), 'utf8')) as { nodes: unknown[] };
    expect(doc.nodes).toHaveLength(30);
  });
});
