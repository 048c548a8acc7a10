/**
 * What a node's effective route table says about leaving the VPC, shared by P3 (patch source) and
 * P4 (S3). Only the IPv4 default route counts; blackhole routes (deleted targets) do not route.
 */
import type { NetworkFacts, Route, VpcEndpointFact } from '../model';

export interface Egress {
  /** A default route that reaches the internet: IGW with a public IP on the node, or a NAT gateway / instance. */
  readonly internet?: Route;
  /** A default route into another network (TGW, VGW, peering…): egress may exist there, unverifiable here. */
  readonly indirect?: Route;
  /**
   * A default route to an internet gateway from a node without a public IP: the subnet looks
   * public, but the gateway translates only public addresses, so the node has no internet.
   * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
   */
  readonly igwWithoutPublicIp?: Route;
}

const DEFAULT_ROUTE = '0.0.0.0/0';

function isActive(route: Route): boolean {
  return route.state === undefined || route.state.toLowerCase() === 'active';
}

export function analyzeEgress(network: NetworkFacts): Egress {
  const route = network.routes.find((candidate) => candidate.destination === DEFAULT_ROUTE && isActive(candidate));
  if (!route) return {};
  if (route.target === 'nat-gateway' || route.target === 'nat-instance') return { internet: route };
  // An IGW only carries traffic for addresses it can translate: without a public IP the node has no internet.
  if (route.target === 'igw') return network.publicIp ? { internet: route } : { igwWithoutPublicIp: route };
  if (route.target === 'local' || route.target === 'vpc-endpoint') return {};
  return { indirect: route };
}

const TARGET_NAMES: Record<Route['target'], { en: string; ja: string }> = {
  igw: { en: 'internet gateway', ja: 'インターネットゲートウェイ' },
  'nat-gateway': { en: 'NAT gateway', ja: 'NAT ゲートウェイ' },
  'nat-instance': { en: 'NAT instance', ja: 'NAT インスタンス' },
  'vpc-endpoint': { en: 'VPC endpoint', ja: 'VPC エンドポイント' },
  'transit-gateway': { en: 'transit gateway', ja: 'トランジットゲートウェイ' },
  'vpn-gateway': { en: 'virtual private gateway', ja: '仮想プライベートゲートウェイ' },
  peering: { en: 'VPC peering', ja: 'VPC ピアリング' },
  local: { en: 'local', ja: 'ローカル' },
  other: { en: 'other target', ja: 'その他のターゲット' },
};

/** Message params naming the route's target in both languages (`{via}` resolves per language). */
export function routeParams(route: Route): { via_en: string; via_ja: string; targetId: string } {
  const names = TARGET_NAMES[route.target];
  return { via_en: names.en, via_ja: names.ja, targetId: route.targetId ?? '-' };
}

function isS3(endpoint: VpcEndpointFact): boolean {
  return /\.s3$/.test(endpoint.serviceName) && (endpoint.state === undefined || endpoint.state.toLowerCase() === 'available');
}

/** An S3 gateway endpoint serving the node's route table (by association or by its prefix-list route). */
export function s3GatewayEndpoint(network: NetworkFacts): VpcEndpointFact | undefined {
  const routedIds = new Set(
    network.routes.filter((route) => route.target === 'vpc-endpoint' && isActive(route)).map((route) => route.targetId),
  );
  return network.vpcEndpoints.find(
    (endpoint) =>
      isS3(endpoint) &&
      endpoint.type.toLowerCase() === 'gateway' &&
      (routedIds.has(endpoint.id) ||
        (network.routeTableId !== undefined && endpoint.routeTableIds?.includes(network.routeTableId) === true)),
  );
}

/**
 * An S3 interface endpoint answers only its endpoint-specific DNS names unless private DNS is on;
 * the agent asks S3's regional names, which then resolve to public addresses the node cannot reach.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html
 */
export function s3InterfaceEndpoint(network: NetworkFacts): VpcEndpointFact | undefined {
  return network.vpcEndpoints.find((endpoint) => isS3(endpoint) && endpoint.type.toLowerCase() === 'interface');
}
