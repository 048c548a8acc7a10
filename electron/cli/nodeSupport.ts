/**
 * The Node.js the CLI supports, and the one line it prints on an older one. It does not stop
 * there: most commands still work on Node 20 as long as their dependencies load, and a
 * consultant mid-engagement is better served by a warning than a refusal.
 */

/**
 * package.json "engines" says exactly this (nodeSupport.test.ts holds them together, and
 * test/unit/ciRun.test.ts holds `.ci/run` to it): eslint declares `^20.19.0 || ^22.13.0 || >=24`,
 * and vite and Electron 45's installer need 22.12; Node 20 has reached end of life.
 */
export const SUPPORTED_NODE = '^22.13.0 || >=24';

type Version = readonly [major: number, minor: number, patch: number];

/** One clause of a range: `^x.y.z` (that version or later, same major) or `>=x[.y.z]`. */
type Clause = { readonly sameMajor: boolean; readonly from: Version };

function parseVersion(version: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+)\.(\d+))?/.exec(version);
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

/** The `^` and `>=` clauses joined by `||` that "engines" uses; undefined for anything else. */
function parseRange(range: string): Clause[] | undefined {
  const clauses = range.split('||').map((part) => {
    const match = /^(\^|>=)(\S+)$/.exec(part.trim());
    const from = match && /^\d+(\.\d+\.\d+)?$/.test(match[2]!) ? parseVersion(match[2]!) : undefined;
    return match && from ? { sameMajor: match[1] === '^', from } : undefined;
  });
  return clauses.every((clause) => clause !== undefined) ? clauses : undefined;
}

function atLeast(running: Version, floor: Version): boolean {
  for (let i = 0; i < 3; i++) {
    if (running[i]! !== floor[i]!) return running[i]! > floor[i]!;
  }
  return true;
}

/** An unparseable version or range counts as supported: a warning we cannot justify is noise. */
export function isSupportedNode(version: string, range: string = SUPPORTED_NODE): boolean {
  const running = parseVersion(version);
  const clauses = parseRange(range);
  if (!running || !clauses) return true;
  return clauses.some(({ sameMajor, from }) => (!sameMajor || running[0] === from[0]) && atLeast(running, from));
}

/** `^22.13.0 || >=24` as the line says it: 22.13 or a later 22.x, or 24 or later. */
function describeSupported(japanese: boolean): string {
  const clauses = parseRange(SUPPORTED_NODE) ?? [];
  const shown = clauses.map(({ sameMajor, from }) => {
    const version = from[1] === 0 && from[2] === 0 ? `${from[0]}` : from.join('.').replace(/\.0$/, '');
    if (japanese) return sameMajor ? `${version} 以降の ${from[0]}.x` : `${version} 以降`;
    return sameMajor ? `${version} or a later ${from[0]}.x` : `${version} or later`;
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
