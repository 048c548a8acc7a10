import { describe, expect, it } from 'vitest';
import { browserCandidates, browserNotFoundMessage, findBrowser } from './launchChromium';

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
});
