/**
 * Stored statuses are one character per rule, at the rule's position (codec.ts). Every saved
 * snapshot depends on these positions: reordering RULE_IDS, or inserting a rule before the
 * end, would silently read old snapshots' statuses as other rules'. New rules go at the end,
 * and this list grows with them.
 */
import { describe, expect, it } from 'vitest';
import { RULE_IDS, type Check } from '../../../shared/model';
import { decodeStatuses, encodeStatuses, rulePosition } from './codec';

const STORED_POSITIONS: ReadonlyArray<[position: number, rule: string]> = [
  [1, 'agent.version'],
  [2, 'agent.windows2008'],
  [3, 'os.supported'],
  [4, 'os.greengrass'],
  [5, 'python.version'],
  [6, 'network.patch-source'],
  [7, 'network.s3'],
  [8, 'node.online'],
  [9, 'patch.scanned'],
  [10, 'patch.scan-age'],
  [11, 'patch.compliant'],
  [12, 'patch.pending-reboot'],
];

const failing = (rule: Check['rule']): Check => ({ rule, status: 'fail', code: 'x', params: {}, evidence: {} });

describe('rule positions in the statuses column', () => {
  it('are exactly the ones stored snapshots were written with', () => {
    expect(RULE_IDS.map((rule) => [rulePosition(rule), rule])).toEqual(STORED_POSITIONS);
  });

  it('are where the codec writes each rule', () => {
    for (const rule of RULE_IDS) {
      const statuses = encodeStatuses([failing(rule)]);
      expect(statuses.indexOf('0') + 1, rule).toBe(rulePosition(rule));
    }
  });

  it('decode a string saved by an earlier version to the same rules', () => {
    expect(decodeStatuses('012349999930')).toEqual({
      'agent.version': 'fail',
      'agent.windows2008': 'warn',
      'os.supported': 'unknown',
      'os.greengrass': 'pass',
      'python.version': 'not_applicable',
      'patch.compliant': 'pass',
      'patch.pending-reboot': 'fail',
    });
  });
});
