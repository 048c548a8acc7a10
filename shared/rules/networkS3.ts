/** P4: a route from the node to the AWS-managed S3 buckets, from EC2 facts. */
import { analyzeEgress, routeParams, s3GatewayEndpoint, s3InterfaceEndpoint } from './egress';
import { isOutcome, networkEvidence, networkOf } from './network';
import type { Rule, RuleContext, RuleOutcome } from './types';

function evaluate(context: RuleContext): RuleOutcome {
  const network = networkOf(context);
  if (isOutcome(network)) return network;
  const evidence = networkEvidence(network);
  const egress = analyzeEgress(network);
  if (egress.internet) return { status: 'pass', code: 'network.s3.internet', params: routeParams(egress.internet), evidence };
  const routeTableId = network.routeTableId ?? '-';
  const gateway = s3GatewayEndpoint(network);
  if (gateway) return { status: 'pass', code: 'network.s3.gateway-endpoint', params: { endpointId: gateway.id, routeTableId }, evidence };
  const iface = s3InterfaceEndpoint(network);
  if (iface && iface.privateDnsEnabled === false) {
    return { status: 'fail', code: 'network.s3.interface-no-private-dns', params: { endpointId: iface.id, routeTableId }, evidence };
  }
  if (iface) return { status: 'pass', code: 'network.s3.interface-endpoint', params: { endpointId: iface.id }, evidence };
  // Centralised egress through a transit gateway is common and may well reach S3: not provable either way.
  if (egress.indirect) {
    return { status: 'warn', code: 'network.s3.indirect', params: { ...routeParams(egress.indirect), routeTableId }, evidence };
  }
  if (egress.igwWithoutPublicIp) {
    const params = { routeTableId, targetId: egress.igwWithoutPublicIp.targetId ?? '-' };
    return { status: 'fail', code: 'network.s3.igw-no-public-ip', params, evidence };
  }
  return { status: 'fail', code: 'network.s3.no-route', params: { routeTableId }, evidence };
}

export const networkS3 = {
  id: 'network.s3',
  title: { en: 'S3 endpoint access', ja: 'S3 エンドポイントアクセス' },
  short: { en: 'S3', ja: 'S3 接続' },
  sourceRules: ['P4'],
  sourceRefs: (catalog) => [catalog.s3.source],
  evaluate,
} satisfies Rule;
