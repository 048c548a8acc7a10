import { describe, expect, it } from 'vitest';
import { atLeast, formatRange, inRange, only, range, series } from './versionRange';

describe('inRange (inclusive, upper bound at its own precision)', () => {
  it.each([
    // "7.9" admits 7.9.x builds but not 7.10
    ['6.5 - 7.9', range('6.5', '7.9'), ['6.5', '6.5.0', '6.10', '7', '7.9', '7.9.2009'], ['6.4', '6.4.9', '6.3', '7.10', '8.0', '5.11']],
    // "8.x": any 8.*
    ['8.x', series('8'), ['8', '8.0', '8.5', '8.11.2'], ['7.9', '9', '9.0']],
    ['12.0 - 12.x', range('12.0', '12.x'), ['12', '12.0', '12.5'], ['11.4', '13', '15.0']],
    ['15.0 - 15.4', range('15.0', '15.4'), ['15', '15.0', '15.4', '15.4.1'], ['14.9', '15.5']],
    ['2 - 2.0', range('2', '2.0'), ['2', '2.0', '2.0.20220606.1'], ['1.9', '2.1', '2022']],
    [
      '2012.03 - 2018.03',
      range('2012.03', '2018.03'),
      ['2012.03', '2012.3', '2017.09', '2018.03', '2018.03.0.20200318.1'],
      ['2011.09', '2012.02', '2018.04', '2022'],
    ],
    ['14.04', only('14.04'), ['14.04', '14.04.6'], ['14.10', '13.10', '16.04']],
    ['11.3.1', only('11.3.1'), ['11.3.1', '11.3.1.2'], ['11.3', '11.3.0', '11.3.2']],
    ['10.14.x', series('10.14'), ['10.14', '10.14.6'], ['10.13.6', '10.15']],
    ['2008 - 2022', range('2008', '2022'), ['2008', '2008 R2', '2012 R2', '2022'], ['2003', '2003 R2', '2025']],
    // "and later": no upper bound
    ['15.3+', atLeast('15.3'), ['15.3', '15.3.1', '15.10', '16', '99.0'], ['15.2', '15.2.9', '15', '12.5']],
  ])('%s', (_label, bounds, inside, outside) => {
    for (const version of inside) expect(inRange(version, bounds), `${version} inside`).toBe(true);
    for (const version of outside) expect(inRange(version, bounds), `${version} outside`).toBe(false);
  });

  it('never places a missing version', () => {
    expect(inRange('NotAvailable', range('0', '99'))).toBe(false);
  });

  it('formats like the seed', () => {
    expect(formatRange(range('6.5', '7.9'))).toBe('6.5 - 7.9');
    expect(formatRange(series('8'))).toBe('8.x');
    expect(formatRange(only('20.10'))).toBe('20.10');
    expect(formatRange(atLeast('15.3'))).toBe('15.3+');
  });
});
