/** Whether the node talks to Systems Manager (not in the seed: an offline node cannot be patched). */
import type { Rule, RuleContext, RuleOutcome } from './types';

const OFFLINE = ['ConnectionLost', 'Inactive'];

function evaluate({ facts }: RuleContext): RuleOutcome {
  const evidence = { pingStatus: facts.pingStatus ?? null, lastPingAt: facts.lastPingAt ?? null };
  const params = { pingStatus: facts.pingStatus ?? '-', lastPingAt: facts.lastPingAt ?? '-' };
  if (facts.pingStatus === 'Online') return { status: 'pass', code: 'node.online', params, evidence };
  if (facts.pingStatus !== undefined && OFFLINE.includes(facts.pingStatus))
    return { status: 'fail', code: 'node.offline', params, evidence };
  return { status: 'unknown', code: 'node.ping-unknown', params, evidence };
}

export const nodeOnline = {
  id: 'node.online',
  title: { en: 'Node online', ja: 'ノードのオンライン状態' },
  short: { en: 'Online', ja: 'オンライン' },
  sourceRules: [],
  sourceRefs: () => [],
  evaluate,
} satisfies Rule;
