import { describe, expect, it } from 'vitest';
import { count, flag, instanceId, ipAddress, isoTime, text, token } from './awsValues';

describe('values read from AWS answers', () => {
  it('keeps values of the right type within bounds', () => {
    expect(text('Ubuntu', 256)).toBe('Ubuntu');
    expect(text('', 64)).toBe('');
    expect(token('pb-0123456789abcdef0', 128)).toBe('pb-0123456789abcdef0');
    expect(instanceId('mi-0123456789abcdef0')).toBe('mi-0123456789abcdef0');
    expect(ipAddress('10.0.0.1')).toBe('10.0.0.1');
    expect(flag(false)).toBe(false);
    expect(count(0)).toBe(0);
    expect(isoTime(new Date('2022-06-15T00:00:00Z'))).toBe('2022-06-15T00:00:00.000Z');
  });

  it.each([
    ['a number as text', () => text(42, 64)],
    ['text over its bound', () => text('x'.repeat(65), 64)],
    ['control characters', () => text('red\u001b[31m', 64)],
    ['an id with a path', () => instanceId('../../etc/passwd')],
    ['an empty id', () => instanceId('')],
    ['a made-up IP', () => ipAddress('FutureValue_1')],
    ['a string as flag', () => flag('yes')],
    ['a negative count', () => count(-1)],
    ['a fractional count', () => count(0.5)],
    ['a huge count', () => count(1e308)],
    ['a string as time', () => isoTime('yesterday')],
    ['an invalid date', () => isoTime(new Date(Number.NaN))],
    ['a year past 9999', () => isoTime(new Date(8.64e15))],
  ])('treats %s as absent', (_name, read) => {
    expect(read()).toBeUndefined();
  });
});
