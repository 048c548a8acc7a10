import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NodeFacts } from '../../../shared/model';
import { decodeStatuses, encodeStatuses, joinFacts, pack, packChecks, splitFacts, unpack, unpackChecks } from './codec';
import { DICTIONARY_V1 } from './codecDictionary';
import { versionKey } from './openStore';
import { makeSnapshot, testNode } from '../../../test/fixtures/makeSnapshot';

describe('statuses string', () => {
  it('round-trips every status and marks rules without a check as absent', () => {
    const { checks } = testNode({
      instanceId: 'i-1',
      statuses: {
        'agent.version': 'fail',
        'os.supported': 'warn',
        'node.online': 'pass',
        'patch.compliant': 'not_applicable',
        'network.s3': 'unknown',
      },
    });
    const s = encodeStatuses(checks);
    expect(s).toHaveLength(12);
    expect(decodeStatuses(s)).toEqual({
      'agent.version': 'fail',
      'os.supported': 'warn',
      'node.online': 'pass',
      'patch.compliant': 'not_applicable',
      'network.s3': 'unknown',
    });
  });
});

describe('packed checks', () => {
  it('restores checks in rule order with their status, code, params and evidence', () => {
    const { checks } = makeSnapshot({ nodes: 1 }).nodes[0]!;
    const shuffled = [...checks].reverse();
    expect(unpackChecks(packChecks(shuffled), encodeStatuses(shuffled))).toEqual(checks);
  });
});

describe('pack', () => {
  it('keeps the codec-1 dictionary byte for byte: stored rows inflate only with it', () => {
    expect(createHash('sha256').update(DICTIONARY_V1).digest('hex')).toBe(
      '6fe96500980282e875d9c6ce09d6b60f56856ea982a2a20f12cbbbe4432e80fd',
    );
  });

  it('round-trips JSON and refuses an unknown codec byte', () => {
    const value = { a: [1, 'x', null], b: { c: true } };
    const packed = pack(value);
    expect(unpack(packed)).toEqual(value);
    packed[0] = 9;
    expect(() => unpack(packed)).toThrow(/codec 9/);
  });
});

describe('splitFacts / joinFacts', () => {
  const base: NodeFacts = {
    accountId: '111111111111',
    region: 'us-east-1',
    instanceId: 'i-1',
    sources: { patchState: 'ok', inventory: 'ok', network: 'ok' },
  };
  const roundTrip = (facts: NodeFacts): NodeFacts => {
    const s = splitFacts(facts);
    return joinFacts(s.columns, unpack(pack(s.rest)) as Record<string, unknown>, s.network, s.inventory);
  };

  it('keeps null (read, none) distinct from absent (not read)', () => {
    expect(roundTrip({ ...base, network: null, inventory: null, patchState: null })).toEqual({
      ...base,
      network: null,
      inventory: null,
      patchState: null,
    });
    const absent = roundTrip(base);
    expect(absent).toEqual(base);
    expect('network' in absent).toBe(false);
  });

  it('restores a full generated node', () => {
    const { facts } = makeSnapshot({ nodes: 3 }).nodes[2]!;
    expect(roundTrip(facts)).toEqual(facts);
  });
});

describe('versionKey', () => {
  it('orders dotted numbers part by part', () => {
    const sorted = ['6.10', '2.0.1000.0', '6.5', '2.0.834.0', '10.0.0.9', '10.0.0.10'].sort((a, b) =>
      versionKey(a)! < versionKey(b)! ? -1 : 1,
    );
    expect(sorted).toEqual(['2.0.834.0', '2.0.1000.0', '6.5', '6.10', '10.0.0.9', '10.0.0.10']);
    expect(versionKey(null)).toBeNull();
  });
});
