/**
 * Python interpreters in a node's software inventory (AWS:Application), whatever the packaging:
 * `python3`, `python3.8`, `python3-minimal`, `python3-base`, `python27`, `python2`, `python`, `platform-python`
 * (RHEL 8's interpreter for system tools), and Windows installs such as `Python 3.8.10 (64-bit)`.
 *
 * Only packages that install an interpreter count. Libraries and tools are ignored: `python3-requests`,
 * `python-pip`, `python3-libs` (the standard library; on RHEL 8 it is installed for `platform-python`
 * even without `python3`, so it proves nothing on its own), `libpython3.8`, and `python-is-python3`
 * (a symlink package whose version is not Python's).
 */
import type { InventoryApp } from '../model';
import { parseVersion } from '../versionCompare';

export interface PythonInterpreter {
  /** The inventory entry, "name version", for evidence. */
  readonly app: string;
  /** major.minor, e.g. "3.8". */
  readonly version: string;
}

// `-minimal` (Debian, Ubuntu) and `-base` (SLES) hold the interpreter binary itself.
const PACKAGE_NAME = /^(?:python(\d(?:\.\d+|\d+)?)?|platform-python)(?:-minimal|-base)?$/;
const INSTALLER_NAME = /^python (\d+\.\d+)(?:\.\d+)?(?: core interpreter)?(?: \((?:32|64)-bit\))?$/;

/** "27" → 2.7, "310" → 3.10, "3.8" → 3.8, "3" → 3 (major only). */
function versionFromName(digits: string): readonly number[] | undefined {
  if (digits.includes('.') || digits.length === 1) return parseVersion(digits);
  return [Number(digits[0]), Number(digits.slice(1))];
}

function interpreterVersion(app: InventoryApp): string | undefined {
  const name = app.name.trim().toLowerCase();
  const packaged = PACKAGE_NAME.exec(name);
  const installer = packaged ? undefined : INSTALLER_NAME.exec(name);
  if (!packaged && !installer) return undefined;
  const nameDigits = packaged?.[1] ?? installer?.[1];
  // The package version is the interpreter's (3.8.2-0ubuntu2, 1:3.9.2-3); Windows installers encode the
  // patch level oddly (3.8.10150.0) but major.minor is right. The name is the fallback.
  const fromVersion = parseVersion(app.version);
  const parts = fromVersion && fromVersion.length >= 2 ? fromVersion : nameDigits ? versionFromName(nameDigits) : undefined;
  const [major, minor] = parts ?? [];
  // A bare major version cannot be placed in a range such as 2.6–3.9.
  return major !== undefined && minor !== undefined ? `${major}.${minor}` : undefined;
}

export function pythonInterpreters(apps: readonly InventoryApp[]): PythonInterpreter[] {
  return apps.flatMap((app) => {
    const version = interpreterVersion(app);
    return version ? [{ app: `${app.name} ${app.version}`.trim(), version }] : [];
  });
}
