import { describe, expect, it } from 'vitest';
import { ScopeEstimate } from './estimate';

describe('ScopeEstimate', () => {
  it('is the mean time of the finished scopes times those left, over as many as run side by side', () => {
    const estimate = new ScopeEstimate(4);
    for (let i = 0; i < 10; i++) estimate.queued();
    expect(estimate.finished(1000)).toBe(Math.round((9 * 1000) / 4));
    expect(estimate.finished(3000)).toBe(Math.round((8 * 2000) / 4));
  });

  it('counts one scope left as a whole scope’s time, and none left as no time', () => {
    const estimate = new ScopeEstimate(16);
    estimate.queued();
    estimate.queued();
    expect(estimate.finished(600)).toBe(600);
    expect(estimate.finished(200)).toBe(0);
  });

  it('grows with the scopes queued after the first ones finish', () => {
    const estimate = new ScopeEstimate(2);
    estimate.queued();
    estimate.queued();
    expect(estimate.finished(100)).toBe(100);
    for (let i = 0; i < 4; i++) estimate.queued();
    expect(estimate.finished(100)).toBe(Math.round((4 * 100) / 2));
  });
});
