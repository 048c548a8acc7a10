/**
 * Electron supports its newest three stable majors; an older one gets no Chromium security
 * fixes. This fails loudly when the window moves past the pinned major, and when the table is
 * so old that, on Electron's eight-week schedule, the pin may have left the window unseen. Dates are the npm registry's publish times of each `N.0.0`
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
/** Electron's cadence: a stable major every eight weeks (docs/tutorial/electron-timelines.md). */
const CADENCE_DAYS = 56;

/**
 * The last day the pin is surely supported if majors newer than the table shipped on schedule:
 * the table may lag behind releases without failing, but not past the day it can vouch for.
 */
export function vouchedUntil(pinnedMajor: number, releases = STABLE_RELEASES): Date {
  const newest = releases.at(-1)!;
  const newerAllowed = SUPPORTED_MAJORS - 1 - (newest.major - pinnedMajor);
  return new Date(Date.parse(newest.stable) + (newerAllowed + 1) * CADENCE_DAYS * 86_400_000);
}

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

  it('can still vouch for the pin on the release schedule (else add the newer majors to STABLE_RELEASES)', () => {
    const major = Number(pinned().split('.')[0]);
    const until = vouchedUntil(major);
    expect(
      new Date() < until,
      `Electron ${major} may be out of support since ${until.toISOString().slice(0, 10)}: update the table and the pin`,
    ).toBe(true);
  });
});

describe('supportedMajors', () => {
  it('moves the window as majors ship', () => {
    expect(supportedMajors(new Date('2026-12-02'))).toEqual([45, 44, 43]);
    expect(supportedMajors(new Date('2026-10-20'))).toEqual([44, 43, 42]);
    expect(supportedMajors(new Date('2026-03-11'))).toEqual([41, 40, 39]);
  });

  it('vouches for the newest major three cadences past its release, for an older one less', () => {
    expect(vouchedUntil(45).toISOString().slice(0, 10)).toBe('2027-04-07');
    expect(vouchedUntil(43).toISOString().slice(0, 10)).toBe('2026-12-16');
  });
});
