/** What the network rules (P3 patch source, P4 S3) share: the node's EC2 network facts, or why there are none. */
import type { Evidence, NetworkFacts, NodeFacts } from '../model';
import { unavailableSource } from './sources';
import type { RuleContext, RuleOutcome } from './types';

const OFF_EC2_SOURCE_TYPES = ['AWS::SSM::ManagedInstance', 'AWS::IoT::Thing'];

/** Hybrid (mi-) nodes and Greengrass devices live outside EC2: AWS holds no routes for them. */
function isOffEc2(facts: NodeFacts): boolean {
  return (
    facts.instanceId.startsWith('mi-') ||
    facts.resourceType === 'ManagedInstance' ||
    (facts.sourceType !== undefined && OFF_EC2_SOURCE_TYPES.includes(facts.sourceType))
  );
}

export function networkEvidence(network: NetworkFacts): Evidence {
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
export function networkOf({ facts }: RuleContext): NetworkFacts | RuleOutcome {
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

export function isOutcome(value: NetworkFacts | RuleOutcome): value is RuleOutcome {
  return 'status' in value;
}
