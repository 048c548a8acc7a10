/**
 * The Node.js the CLI supports, and the one line it prints on an older one. It does not stop
 * there: most commands still work on Node 20 as long as their dependencies load, and a
 * consultant mid-engagement is better served by a warning than a refusal.
 */

/** package.json "engines" is `>=` this (nodeSupport.test.ts holds them together): vite, eslint and Electron 45's installer need 22.12. */
export const OLDEST_SUPPORTED_NODE = '22.12.0';

type Version = readonly [major: number, minor: number, patch: number];

function parseVersion(version: string): Version | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** An unparseable version counts as supported: a warning we cannot justify is noise. */
export function isSupportedNode(version: string, oldest: string = OLDEST_SUPPORTED_NODE): boolean {
  const running = parseVersion(version);
  const floor = parseVersion(oldest);
  if (!running || !floor) return true;
  for (let i = 0; i < 3; i++) {
    if (running[i]! !== floor[i]!) return running[i]! > floor[i]!;
  }
  return true;
}

type Env = Readonly<Record<string, string | undefined>>;

/** POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG; the first one set decides. */
function prefersJapanese(env: Env): boolean {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja([_.@-]|$)/i.test(locale);
}

/** The line for `version`, in the terminal's language, or undefined when it is supported. */
export function unsupportedNodeLine(version: string, env: Env): string | undefined {
  if (isSupportedNode(version)) return undefined;
  const shown = version.replace(/^v/, '');
  const oldest = OLDEST_SUPPORTED_NODE.replace(/\.0$/, '');
  return prefersJapanese(env)
    ? `patch-audit: Node.js ${shown} はサポート対象外です。Node.js ${oldest} 以降 (Node 22 LTS 以降) に対応しています。このまま続行します。`
    : `patch-audit: Node.js ${shown} is not supported; Patch Auditor supports Node.js ${oldest} or later (Node 22 LTS or later). Carrying on.`;
}

/**
 * Prints the line once, on stderr, before any command runs. NODE_NO_WARNINGS=1 silences it as it
 * silences Node's own warnings (the AWS SDK's Node 20 notice among them).
 */
export function warnIfUnsupportedNode(version: string, env: Env, writeErr: (line: string) => void): void {
  if (env.NODE_NO_WARNINGS === '1') return;
  const line = unsupportedNodeLine(version, env);
  if (line) writeErr(`${line}\n`);
}
