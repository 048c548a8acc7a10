import { describe, expect, it } from 'vitest';
import { readyPct } from './readiness';

describe('ready share', () => {
  it('is ready nodes over all nodes, and unknown without nodes', () => {
    expect(readyPct({ nodes: 8, ready: 6 })).toBe(75);
    expect(readyPct({ nodes: 0, ready: 0 })).toBeNull();
  });
});
