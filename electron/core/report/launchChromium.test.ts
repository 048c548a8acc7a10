import type { Browser, LaunchOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, browserCandidates, browserNotFoundMessage, findBrowser, launchChromium, sandboxPossible } from './launchChromium';

describe('finding a browser to print PDFs with', () => {
  it('takes CHROMIUM_PATH alone when it is set, even if that file is missing', () => {
    expect(browserCandidates('linux', { CHROMIUM_PATH: '/opt/chrome/chrome' })).toEqual(['/opt/chrome/chrome']);
    expect(findBrowser('linux', { CHROMIUM_PATH: '/opt/chrome/chrome' }, (p) => p === '/usr/bin/chromium')).toBeUndefined();
  });

  it("on Linux prefers Debian's chromium, then Chrome and Edge packages and snaps", () => {
    const candidates = browserCandidates('linux', {});
    expect(candidates[0]).toBe('/usr/bin/chromium');
    expect(candidates).toEqual(expect.arrayContaining(['/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge']));
    expect(findBrowser('linux', {}, (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
  });

  it('on Windows looks in the per-user and machine-wide install folders of Chrome and Edge', () => {
    const env = {
      LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    };
    const candidates = browserCandidates('win32', env);
    expect(candidates).toHaveLength(6);
    expect(candidates.some((p) => p.startsWith('C:\\Program Files (x86)') && p.endsWith('msedge.exe'))).toBe(true);
    expect(candidates.some((p) => p.startsWith('C:\\Users\\u\\AppData\\Local') && p.endsWith('chrome.exe'))).toBe(true);
  });

  it('on macOS looks in /Applications', () => {
    expect(browserCandidates('darwin', {})[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('says where it looked and what to install when there is none', () => {
    expect(findBrowser('linux', {}, () => false)).toBeUndefined();
    const message = browserNotFoundMessage('linux', {});
    expect(message).toContain('/usr/bin/chromium');
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('CHROMIUM_PATH');
  });

  it('keeps the sandbox except as root on Linux, where Chromium cannot start with one', () => {
    expect(sandboxPossible('linux', 1000)).toBe(true);
    expect(sandboxPossible('linux', 0)).toBe(false);
    expect(sandboxPossible('darwin', 0)).toBe(true);
    expect(sandboxPossible('win32', undefined)).toBe(true);
  });

  it('starts sandboxed, once more without when the kernel cannot sandbox, and passes other failures on', async () => {
    const browser = {} as Browser;
    const calls: (boolean | undefined)[] = [];
    const failingSandbox = async (options: LaunchOptions): Promise<Browser> => {
      calls.push(options.chromiumSandbox);
      if (options.chromiumSandbox) throw new Error('No usable sandbox! Update your kernel or see https://chromium.googlesource.com/…');
      return browser;
    };
    const path = process.execPath; // any file that exists
    expect(await launchChromium(path, { launch: failingSandbox, sandbox: true })).toBe(browser);
    expect(calls).toEqual([true, false]);
    calls.length = 0;
    expect(await launchChromium(path, { launch: failingSandbox, sandbox: false })).toBe(browser);
    expect(calls).toEqual([false]);
    const broken = async (): Promise<Browser> => {
      throw new Error('Failed to launch: executable is not a browser');
    };
    await expect(launchChromium(path, { launch: broken, sandbox: true })).rejects.toThrow('not a browser');
    const crashed = async (): Promise<Browser> => {
      throw new Error('Target closed: sandbox_ipc_linux.cc(112) crashed');
    };
    // A crash that merely mentions the sandbox is not its absence: no unsandboxed second start.
    await expect(launchChromium(path, { launch: crashed, sandbox: true })).rejects.toThrow('crashed');
  });

  it('asks Playwright for the sandbox explicitly (it adds --no-sandbox otherwise) and never passes --no-sandbox itself', () => {
    expect(CHROMIUM_ARGS).not.toContain('--no-sandbox');
  });
});
