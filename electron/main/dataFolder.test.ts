import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDataFolder } from './dataFolder';

function fakeApp() {
  const paths = new Map<string, string>();
  return { paths, app: { setPath: (name: string, value: string) => void paths.set(name, value) } };
}

describe('useDataFolder', () => {
  it('puts userData in the OS’s usual application folder, shared with the CLI', () => {
    const { app, paths } = fakeApp();
    expect(useDataFolder(app as never, { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('Patch Auditor');
    expect(paths.get('userData')).toContain('Patch Auditor');
    const mac = fakeApp();
    expect(useDataFolder(mac.app as never, { HOME: '/Users/u' }, 'darwin')).toMatch(/Library\/Application Support\/Patch Auditor$/);
  });

  it('honours PATCH_AUDITOR_DATA_DIR', () => {
    const { app, paths } = fakeApp();
    // Only a path to hand on: the fake app creates nothing there.
    const dir = join(tmpdir(), 'pa-data-folder');
    expect(useDataFolder(app as never, { PATCH_AUDITOR_DATA_DIR: dir }, 'linux')).toBe(dir);
    expect(paths.get('userData')).toBe(dir);
  });
});
