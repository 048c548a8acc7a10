/** P2: Python 2.6–3.9 on macOS and Linux; Python 3 (3.0–3.9) on Debian, Raspberry Pi OS and Ubuntu; none on Windows. */
import type { VersionRange } from '../catalog/versionRange';
import { formatRange, inRange } from '../catalog/versionRange';
import { UNKNOWN_FAMILY, isPlatformFamily, platformLabel } from '../platform';
import { pythonInterpreters } from './pythonInventory';
import { unavailableSource } from './sources';
import type { Rule, RuleContext, RuleOutcome } from './types';

function evaluate({ facts, platform, catalog }: RuleContext): RuleOutcome {
  const rules = catalog.python;
  const label = platformLabel(platform);
  if (platform.type !== 'unknown' && rules.notRequiredTypes.includes(platform.type)) {
    return {
      status: 'not_applicable',
      code: 'python.not-required',
      params: { platform: label },
      evidence: { platformType: platform.type },
    };
  }
  const python3Only = isPlatformFamily(platform.family) && rules.python3Only.families.includes(platform.family);
  const required: VersionRange = python3Only ? rules.python3Only.range : rules.range;
  const requiredText = formatRange(required);
  const base = { family: platform.family, required: requiredText };
  const unavailable = unavailableSource('inventory', facts.sources.inventory, base);
  if (unavailable) return unavailable;
  if (!facts.inventory) return { status: 'unknown', code: 'python.no-inventory', evidence: { ...base, inventory: null } };

  const interpreters = pythonInterpreters(facts.inventory);
  const found = [...new Set(interpreters.map((interpreter) => interpreter.version))];
  const evidence = { ...base, inventoryApps: interpreters.map((interpreter) => interpreter.app), interpreters: found };
  const params = { platform: label, required: requiredText, found: found.join(', ') || '-' };
  if (found.length === 0) {
    // macOS's own /usr/bin/python is part of the OS, not an inventoried application.
    const code = platform.type === 'MacOS' ? 'python.not-found-macos' : 'python.not-found';
    return { status: platform.type === 'MacOS' ? 'unknown' : 'fail', code, params, evidence };
  }
  // A Python 3 in 3.0–3.9 satisfies every family, so an unplaced platform can still pass on it.
  if (platform.family === UNKNOWN_FAMILY) {
    const satisfiesAll = found.some((version) => inRange(version, rules.python3Only.range) && inRange(version, rules.range));
    return satisfiesAll
      ? { status: 'pass', code: 'python.ok', params, evidence }
      : { status: 'unknown', code: 'python.platform-unknown', params, evidence };
  }
  if (found.some((version) => inRange(version, required))) return { status: 'pass', code: 'python.ok', params, evidence };
  const onlyPython2 = python3Only && found.every((version) => version.startsWith('2.'));
  return { status: 'fail', code: onlyPython2 ? 'python.python3-required' : 'python.out-of-range', params, evidence };
}

export const pythonVersion = {
  id: 'python.version',
  title: { en: 'Python version', ja: 'Python バージョン' },
  short: { en: 'Python', ja: 'Python' },
  sourceRules: ['P2'],
  sourceRefs: (catalog) => [catalog.python.source],
  evaluate,
} satisfies Rule;
