import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, DOCS_URL, type MenuActions } from './menu';

function actions(overrides: Partial<MenuActions> = {}): MenuActions {
  return { importSnapshot: vi.fn(), exportSnapshots: vi.fn(), showAbout: vi.fn(), openExternal: vi.fn(), ...overrides };
}

const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (template: MenuItemConstructorOptions[], label: string) => template.find((item) => item.label?.replace('&', '') === label);
const find = (list: MenuItemConstructorOptions[], label: string) => list.find((item) => item.label?.startsWith(label));
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();
const roles = (list: MenuItemConstructorOptions[]) => list.map((item) => item.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  it('has the file commands with standard shortcuts, wired to their actions', () => {
    const acts = actions();
    const file = items(byLabel(buildMenuTemplate({ appName: 'Patch Auditor', platform: 'win32', isDev: false }, acts), 'File'));
    expect(find(file, 'Import Snapshot')?.accelerator).toBe('CmdOrCtrl+O');
    click(find(file, 'Import Snapshot'));
    click(find(file, 'Export'));
    expect(acts.importSnapshot).toHaveBeenCalledOnce();
    expect(acts.exportSnapshots).toHaveBeenCalledOnce();
    expect(roles(file)).toContain('quit');
  });

  it('offers no Print item: reports are printed from the Snapshots page, where their options are chosen', () => {
    const file = items(byLabel(buildMenuTemplate({ appName: 'Patch Auditor', platform: 'linux', isDev: false }, actions()), 'File'));
    expect(file.map((item) => item.label ?? item.role ?? item.type)).toEqual(['Import Snapshot…', 'Export…', 'separator', 'quit']);
  });

  it('offers the edit roles, and reload/devtools only in development', () => {
    const prod = buildMenuTemplate({ appName: 'Patch Auditor', platform: 'linux', isDev: false }, actions());
    expect(roles(items(byLabel(prod, 'Edit')))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(items(byLabel(prod, 'View')))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = buildMenuTemplate({ appName: 'Patch Auditor', platform: 'linux', isDev: true }, actions());
    expect(roles(items(byLabel(dev, 'View')))).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('follows macOS conventions: app menu with About and Quit, window menu, Close in File', () => {
    const acts = actions();
    const template = buildMenuTemplate({ appName: 'Patch Auditor', platform: 'darwin', isDev: false }, acts);
    expect(template.map((item) => item.label?.replace('&', '') ?? item.role)).toEqual([
      'Patch Auditor',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'Help',
    ]);
    const appMenu = items(template[0]);
    expect(appMenu[0]?.label).toBe('About Patch Auditor');
    expect(roles(appMenu)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    click(appMenu[0]);
    expect(acts.showAbout).toHaveBeenCalledOnce();
    expect(roles(items(byLabel(template, 'File')))).toEqual(['close']);
    // About lives in the app menu on macOS, so Help holds the documentation link alone.
    expect(items(byLabel(template, 'Help')).map((item) => item.label)).toEqual(['Patch Manager Prerequisites (AWS Documentation)']);
  });

  it('opens the documentation externally, and drops a link that fails validation', () => {
    const acts = actions();
    const help = items(byLabel(buildMenuTemplate({ appName: 'Patch Auditor', platform: 'win32', isDev: false }, acts), 'Help'));
    click(find(help, 'Patch Manager'));
    expect(acts.openExternal).toHaveBeenCalledWith(DOCS_URL);
    click(find(help, 'About'));
    expect(acts.showAbout).toHaveBeenCalledOnce();
    const unsafe = items(
      byLabel(
        buildMenuTemplate({ appName: 'Patch Auditor', platform: 'win32', isDev: false, docsUrl: 'file:///etc/passwd' }, acts),
        'Help',
      ),
    );
    expect(find(unsafe, 'Patch Manager')).toBeUndefined();
  });
});
