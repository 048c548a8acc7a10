/**
 * Electron supports its newest three stable majors; an older one gets no Chromium security
 * fixes. This fails loudly when the window moves past the pinned major, and when the table
 * itself is stale (Electron ships a major about every eight weeks), so that nobody has to
 * remember to look. Dates are the npm registry's publish times of each `N.0.0`
 * (`npm view electron time`), read on 2026-12-02.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const STABLE_RELEASES: ReadonlyArray<{ major: number; stable: string }> = [
  { major: 38, stable: '2025-09-03' },
  { major: 39, stable: '2025-10-28' },
  { major: 40, stable: '2026-01-16' },
  { major: 41, stable: '2026-03-11' },
  { major: 42, stable: '2026-05-06' },
  { major: 43, stable: '2026-07-01' },
  { major: 44, stable: '2026-08-25' },
  { major: 45, stable: '2026-10-21' },
];

const SUPPORTED_MAJORS = 3;
/** Eight weeks between majors plus two of slack, before the table is called stale. */
const STALE_AFTER_DAYS = 70;

export function supportedMajors(today: Date, releases = STABLE_RELEASES): number[] {
  return releases
    .filter((release) => Date.parse(release.stable) <= today.getTime())
    .map((release) => release.major)
    .sort((a, b) => b - a)
    .slice(0, SUPPORTED_MAJORS);
}

const pinned = (): string => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return pkg.devDependencies.electron!;
};

describe('the Electron major is supported', () => {
  it('pins an exact Electron version', () => {
    expect(pinned()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('pins one of the newest three stable majors as of today', () => {
    const major = Number(pinned().split('.')[0]);
    const supported = supportedMajors(new Date());
    expect(supported, `Electron ${major} is out of support; supported today: ${supported.join(', ')}`).toContain(major);
  });

  it('knows of every major released by now (else add the newest to STABLE_RELEASES)', () => {
    const newest = STABLE_RELEASES.at(-1)!;
    const days = (Date.now() - Date.parse(newest.stable)) / 86_400_000;
    expect(days, `Electron ${newest.major + 1} has probably shipped: add its date and check the pin`).toBeLessThanOrEqual(STALE_AFTER_DAYS);
  });
});

describe('supportedMajors', () => {
  it('moves the window as majors ship', () => {
    expect(supportedMajors(new Date('2026-12-02'))).toEqual([45, 44, 43]);
    expect(supportedMajors(new Date('2026-10-20'))).toEqual([44, 43, 42]);
    expect(supportedMajors(new Date('2026-03-11'))).toEqual([41, 40, 39]);
  });
});
