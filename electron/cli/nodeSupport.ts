/**
 * The Node.js the CLI supports, and the one line it prints on an older one. It does not stop
 * there: most commands still work on Node 20 as long as their dependencies load, and a
 * consultant mid-engagement is better served by a warning than a refusal.
 */
import { Range, satisfies, valid, validRange } from 'semver';

/**
 * package.json "engines" says exactly this (nodeSupport.test.ts holds them together, and
 * test/unit/ciRun.test.ts holds `.ci/run` to it): eslint declares `^20.19.0 || ^22.13.0 || >=24`,
 * and vite and Electron 45's installer need 22.12; Node 20 has reached end of life.
 */
export const SUPPORTED_NODE = '^22.13.0 || >=24';

/** An unreadable version or range counts as supported: a warning we cannot justify is noise. */
export function isSupportedNode(version: string, range: string = SUPPORTED_NODE): boolean {
  return !valid(version) || !validRange(range) || satisfies(version, range);
}

/** `^22.13.0 || >=24` as the line says it: 22.13 or a later 22.x, or 24 or later. */
function describeSupported(japanese: boolean): string {
  const shown = new Range(SUPPORTED_NODE).set.map((comparators) => {
    const { major, minor, patch } = comparators[0]!.semver;
    const version = minor === 0 && patch === 0 ? `${major}` : `${major}.${minor}.${patch}`.replace(/\.0$/, '');
    // A caret clause has an upper bound, the next major: a second comparator.
    const sameMajor = comparators.length > 1;
    if (japanese) return sameMajor ? `${version} 以降の ${major}.x` : `${version} 以降`;
    return sameMajor ? `${version} or a later ${major}.x` : `${version} or later`;
  });
  return shown.join(japanese ? ' または ' : ', or ');
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
  return prefersJapanese(env)
    ? `patch-audit: Node.js ${shown} はサポート対象外です。Node.js ${describeSupported(true)}に対応しています。このまま続行します。`
    : `patch-audit: Node.js ${shown} is not supported; Patch Auditor supports Node.js ${describeSupported(false)}. Carrying on.`;
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
