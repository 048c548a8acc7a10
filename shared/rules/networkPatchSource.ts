/** P3: a route from the node to its patch source, from EC2 facts. */
import { analyzeEgress, routeParams } from './egress';
import { isOutcome, networkEvidence, networkOf } from './network';
import type { Rule, RuleContext, RuleOutcome } from './types';

function evaluate(context: RuleContext): RuleOutcome {
  const network = networkOf(context);
  if (isOutcome(network)) return network;
  const evidence = networkEvidence(network);
  const egress = analyzeEgress(network);
  if (egress.internet) return { status: 'pass', code: 'network.patch-source.internet', params: routeParams(egress.internet), evidence };
  // P3 itself describes nodes without internet access that reach their repos (or WSUS) inside the
  // network, so a missing internet route is a point to verify (warn), not proof of failure.
  if (egress.indirect) return { status: 'warn', code: 'network.patch-source.indirect', params: routeParams(egress.indirect), evidence };
  // The cause is the missing public IP, not a missing route: saying "no internet route" would send
  // the reader to add a NAT gateway to a subnet that already routes out.
  if (egress.igwWithoutPublicIp) {
    return {
      status: 'warn',
      code: 'network.patch-source.igw-no-public-ip',
      params: { subnetId: network.subnetId ?? '-', targetId: egress.igwWithoutPublicIp.targetId ?? '-' },
      evidence,
    };
  }
  const code = context.platform.type === 'Windows' ? 'network.patch-source.no-internet-windows' : 'network.patch-source.no-internet';
  return { status: 'warn', code, params: { subnetId: network.subnetId ?? '-' }, evidence };
}

export const networkPatchSource = {
  id: 'network.patch-source',
  title: { en: 'Connectivity to the patch source', ja: 'パッチソースへの接続' },
  short: { en: 'Patch src', ja: 'パッチ元' },
  sourceRules: ['P3'],
  sourceRefs: (catalog) => [catalog.patchSource.linux, catalog.patchSource.windows],
  evaluate,
} satisfies Rule;
