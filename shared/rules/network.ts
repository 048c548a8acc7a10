/** P3 (route to the patch source) and P4 (route to the AWS-managed S3 buckets), from EC2 facts. */
import type { Evidence, NetworkFacts, NodeFacts } from '../model';
import { analyzeEgress, routeParams, s3GatewayEndpoint, s3InterfaceEndpoint } from './egress';
import { unavailableSource } from './sources';
import type { Rule, RuleContext, RuleOutcome } from './types';

const OFF_EC2_SOURCE_TYPES = ['AWS::SSM::ManagedInstance', 'AWS::IoT::Thing'];

/** Hybrid (mi-) nodes and Greengrass devices live outside EC2: AWS holds no routes for them. */
function isOffEc2(facts: NodeFacts): boolean {
  return (
    facts.instanceId.startsWith('mi-') ||
    facts.resourceType === 'ManagedInstance' ||
    (facts.sourceType !== undefined && OFF_EC2_SOURCE_TYPES.includes(facts.sourceType))
  );
}

function networkEvidence(network: NetworkFacts): Evidence {
  const defaultRoute = network.routes.find((route) => route.destination === '0.0.0.0/0');
  return {
    vpcId: network.vpcId ?? null,
    subnetId: network.subnetId ?? null,
    routeTableId: network.routeTableId ?? null,
    mainRouteTable: network.mainRouteTable ?? null,
    publicIp: network.publicIp ?? null,
    defaultRoute: defaultRoute ? `${defaultRoute.target} ${defaultRoute.targetId ?? ''} ${defaultRoute.state ?? ''}`.trim() : null,
    vpcEndpoints: network.vpcEndpoints.map((endpoint) => `${endpoint.id} ${endpoint.type} ${endpoint.serviceName}`),
  };
}

/** The node's network facts, or the `unknown` outcome that stands in when there are none. */
function networkOf({ facts }: RuleContext): NetworkFacts | RuleOutcome {
  if (isOffEc2(facts)) {
    return {
      status: 'unknown',
      code: 'network.not-ec2',
      evidence: { instanceId: facts.instanceId, resourceType: facts.resourceType ?? null },
    };
  }
  const unavailable = unavailableSource('network', facts.sources.network);
  if (unavailable) return unavailable;
  if (!facts.network) return { status: 'unknown', code: 'network.no-facts', evidence: { instanceId: facts.instanceId } };
  return facts.network;
}

function isOutcome(value: NetworkFacts | RuleOutcome): value is RuleOutcome {
  return 'status' in value;
}

export const networkPatchSource: Rule = (context): RuleOutcome => {
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
};

export const networkS3: Rule = (context): RuleOutcome => {
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
};
