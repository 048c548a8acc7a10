import { describe, expect, it } from 'vitest';
import type { CheckStatus, RuleId } from './model';
import { PREREQUISITE_RULE_IDS, readinessClass, readyPct } from './readiness';

const only = (status: CheckStatus | undefined, others: CheckStatus = 'pass') => {
  const [first] = PREREQUISITE_RULE_IDS;
  return (rule: RuleId): CheckStatus | undefined => (rule === first ? status : others);
};

describe('readiness', () => {
  it('is verified ready only when every prerequisite passes, warns or does not apply', () => {
    expect(readinessClass(only('pass'))).toBe('ready');
    expect(readinessClass(only('warn'))).toBe('ready');
    expect(readinessClass(only('not_applicable'))).toBe('ready');
  });

  it('is not verified when none fails but one could not be checked or was not evaluated', () => {
    expect(readinessClass(only('unknown'))).toBe('unverified');
    expect(readinessClass(only(undefined))).toBe('unverified');
  });

  it('is not ready when one fails, whatever the others', () => {
    expect(readinessClass(only('fail'))).toBe('notReady');
    expect(readinessClass(only('fail', 'unknown'))).toBe('notReady');
  });

  it('gives the ready share of all nodes, and unknown without nodes', () => {
    expect(readyPct({ nodes: 8, ready: 6 })).toBe(75);
    expect(readyPct({ nodes: 0, ready: 0 })).toBeNull();
  });
});
