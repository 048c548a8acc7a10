/**
 * An installed Chromium, Chrome or Edge driven by playwright-core (docs/design.md §2): never a
 * downloaded browser. The flags keep it from reaching for the network, which closed networks
 * refuse and which printing a self-contained report never needs. Used by the CLI's PDF output
 * and by the tests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** The browser the tests and the bench use: Debian's, unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class ChromiumNotFound extends Error {
  override name = 'ChromiumNotFound';
}

/**
 * Where a consultant's machine has a Chromium-based browser, in the order tried: CHROMIUM_PATH
 * alone when it is set (an explicit choice is never second-guessed), else the packages' and
 * installers' usual locations per OS.
 */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (env.CHROMIUM_PATH) return [env.CHROMIUM_PATH];
  switch (platform) {
    case 'darwin':
      return [
        'Google Chrome.app/Contents/MacOS/Google Chrome',
        'Chromium.app/Contents/MacOS/Chromium',
        'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ].map((app) => `/Applications/${app}`);
    case 'win32': {
      const roots = [env.LOCALAPPDATA, env.ProgramFiles, env['ProgramFiles(x86)']].filter((root): root is string => Boolean(root));
      return [join('Google', 'Chrome', 'Application', 'chrome.exe'), join('Microsoft', 'Edge', 'Application', 'msedge.exe')].flatMap(
        (exe) => roots.map((root) => join(root, exe)),
      );
    }
    default:
      return ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'].flatMap((name) => [
        `/usr/bin/${name}`,
        `/snap/bin/${name}`,
      ]);
  }
}

/** The first candidate that exists, or undefined when the machine has none. */
export function findBrowser(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  return browserCandidates(platform, env).find(exists);
}

export function browserNotFoundMessage(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const hint =
    platform === 'linux'
      ? 'install Chromium (Debian/Ubuntu: apt-get install chromium; for Japanese reports also fonts-noto-cjk) or set CHROMIUM_PATH'
      : 'install Google Chrome or Microsoft Edge, or set CHROMIUM_PATH to a Chromium-based browser';
  return `No Chromium-based browser found to print PDFs (looked at ${browserCandidates(platform, env).join(', ')}): ${hint}.`;
}

/**
 * Chromium refuses to start sandboxed as root on Linux (containers, CI), so there it runs without;
 * everywhere else the sandbox stays on. Playwright turns it off unless told otherwise.
 */
export function sandboxPossible(platform: NodeJS.Platform = process.platform, uid: number | undefined = process.getuid?.()): boolean {
  return !(platform === 'linux' && uid === 0);
}

/** What Chromium prints when the kernel or the install cannot give it a sandbox; any other failure is passed on. */
const SANDBOX_UNAVAILABLE = /No usable sandbox|SUID sandbox helper binary|Running as root without --no-sandbox/i;

export interface LaunchSeams {
  launch?: (options: LaunchOptions) => Promise<Browser>;
  sandbox?: boolean;
}

/**
 * The report HTML is the tool's own, its client strings escaped and its scripts off: the sandbox
 * is a second wall. Where the kernel cannot give one (no user namespaces, no setuid helper), the
 * sandboxed start fails with a sandbox error and the printer starts once more without it.
 */
export async function launchChromium(executablePath: string | undefined = findBrowser(), seams: LaunchSeams = {}): Promise<Browser> {
  if (!executablePath || !existsSync(executablePath)) throw new ChromiumNotFound(browserNotFoundMessage());
  const launch = seams.launch ?? ((options: LaunchOptions) => chromium.launch(options));
  const options: LaunchOptions = { executablePath, args: [...CHROMIUM_ARGS] };
  if (!(seams.sandbox ?? sandboxPossible())) return launch({ ...options, chromiumSandbox: false });
  try {
    return await launch({ ...options, chromiumSandbox: true });
  } catch (err) {
    if (!(err instanceof Error && SANDBOX_UNAVAILABLE.test(err.message))) throw err;
    return launch({ ...options, chromiumSandbox: false });
  }
}
