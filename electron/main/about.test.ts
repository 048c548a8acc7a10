import { describe, expect, it } from 'vitest';
import { CATALOG_EDITIONS } from '../../shared/catalog';
import { aboutMessage } from './about';

describe('aboutMessage', () => {
  it('names the app version, the runtimes and the catalog editions', () => {
    const box = aboutMessage({
      appName: 'Patch Auditor',
      version: '0.1.0',
      versions: { electron: '41.7.1', chrome: '146.0.1', node: '24.1.0' },
      catalogEditions: CATALOG_EDITIONS.map((edition) => edition.id),
      dataDir: '/home/u/.config/Patch Auditor',
    });
    expect(box.message).toBe('Patch Auditor 0.1.0');
    expect(box.detail).toContain('Electron 41.7.1 · Chromium 146.0.1 · Node.js 24.1.0');
    expect(box.detail).toContain(
      'Catalog editions: aws-2026-11 (AWS page, November 2026), seed-2022 (Japanese page, 2022 (source document))',
    );
    expect(box.detail).toContain('Data folder: /home/u/.config/Patch Auditor');
  });

  it('leaves out runtimes it does not know', () => {
    const box = aboutMessage({ appName: 'Patch Auditor', version: '1', versions: { node: '20' }, catalogEditions: [], dataDir: '/d' });
    expect(box.detail?.split('\n')[0]).toBe('Node.js 20');
    expect(box.detail).toContain('Catalog editions: none');
  });
});
