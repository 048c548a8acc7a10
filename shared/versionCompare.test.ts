import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion, truncateVersion, versionText } from './versionCompare';

describe('compareVersions', () => {
  it.each([
    ['6.10', '6.5', 1],
    ['6.5', '6.10', -1],
    ['2.0.1000.0', '2.0.834.0', 1],
    ['2.0.834.0', '2.0.834.0', 0],
    ['2.0.833.9', '2.0.834.0', -1],
    ['3.0.1124.0', '2.3.1644.0', 1],
    ['8', '8.0', 0],
    ['8', '8.0.1', -1],
    ['2.0.834', '2.0.834.0', 0],
    ['3.8.2-0ubuntu2', '3.8.2', 0],
    ['3.6.8-18.el7', '3.6.9', -1],
    ['1:3.9.2-3', '3.9.2', 0],
    ['2012 R2', '2012', 0],
    ['2018.03', '2012.03', 1],
    ['10.0.17763', '10.0.14393', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('is a usable sort comparator', () => {
    expect(['2.0.1000.0', '2.0.834.0', '10.0', '2.10', '2.9'].sort(compareVersions)).toEqual([
      '2.0.834.0',
      '2.0.1000.0',
      '2.9',
      '2.10',
      '10.0',
    ]);
  });

  it('refuses texts without a version', () => {
    expect(() => compareVersions('NotAvailable', '1.0')).toThrow(RangeError);
    expect(() => compareVersions('1.0', '')).toThrow(RangeError);
  });
});

describe('parseVersion', () => {
  it.each([
    ['2.7.18-1.amzn2', [2, 7, 18]],
    [' 7.9.2009 ', [7, 9, 2009]],
    ['1:3.9.2-3', [3, 9, 2]],
    ['3.8.10150.0', [3, 8, 10150, 0]],
    ['20.04', [20, 4]],
  ])('%s → %j', (text, parts) => {
    expect(parseVersion(text)).toEqual(parts);
  });

  it.each([undefined, '', 'NotAvailable', 'v', 'R2'])('%j has no version', (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });

  it('keeps the written form for display', () => {
    expect(versionText('2012.03 (AL1)')).toBe('2012.03');
    expect(versionText('none')).toBeUndefined();
  });

  it('truncates and pads to a precision', () => {
    expect(truncateVersion([7, 9, 2009], 2)).toEqual([7, 9]);
    expect(truncateVersion([15], 2)).toEqual([15, 0]);
  });
});
