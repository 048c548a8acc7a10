import { describe, expect, it } from 'vitest';
import { corruptResult } from './corrupt';
import { createPrng } from './prng';

const answer = () => ({
  InstanceInformationList: [
    { InstanceId: 'i-0123456789abcdef0', PingStatus: 'Online', IsLatestVersion: true, LastPingDateTime: new Date(0) },
    { InstanceId: 'mi-0123456789abcdef0', PingStatus: 'ConnectionLost', IsLatestVersion: false },
  ],
  NextToken: 'abc',
});

describe('corruptResult', () => {
  it('damages a copy, leaving the original as it was', () => {
    const original = answer();
    const damaged = corruptResult(original, createPrng('c1'), { values: 3 });
    expect(original).toEqual(answer());
    expect(damaged).not.toEqual(original);
  });

  it('is reproducible for the same seed', () => {
    expect(corruptResult(answer(), createPrng('same'), { values: 2 })).toEqual(corruptResult(answer(), createPrng('same'), { values: 2 }));
  });

  it('applies only the kinds asked for', () => {
    for (let i = 0; i < 50; i++) {
      const damaged = corruptResult(answer(), createPrng(i), { kinds: ['null'] });
      const json = JSON.stringify(damaged);
      expect(json).toContain('null');
      expect(json.length).toBeLessThan(JSON.stringify(answer()).length + 10);
    }
    const missing = corruptResult(answer(), createPrng('m'), { kinds: ['missing'], values: 1 });
    expect(JSON.stringify(missing).length).toBeLessThan(JSON.stringify(answer()).length);
  });

  it('can make a value huge or unknown', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const json = JSON.stringify(corruptResult(answer(), createPrng(`k${i}`), { kinds: ['huge', 'unknownEnum'] }));
      if (json.length > 100_000) seen.add('huge');
      if (json.includes('FutureValue_')) seen.add('unknownEnum');
    }
    expect([...seen].sort()).toEqual(['huge', 'unknownEnum']);
  });
});
