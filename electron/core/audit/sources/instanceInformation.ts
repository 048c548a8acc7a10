/**
 * `ssm:DescribeInstanceInformation` — the managed nodes themselves. Required: without it a scope
 * has no nodes to judge, so its failure fails the scope.
 */
import type { NodeFacts } from '../../../../shared/model';
import { defined, flag, instanceId, ipAddress, isoTime, text } from './awsValues';

export const INSTANCE_INFORMATION = { action: 'ssm:DescribeInstanceInformation', required: true } as const;

export type NodeIdentity = Pick<NodeFacts, 'instanceId'> &
  Partial<
    Pick<
      NodeFacts,
      | 'name'
      | 'ipAddress'
      | 'resourceType'
      | 'sourceType'
      | 'pingStatus'
      | 'lastPingAt'
      | 'agentVersion'
      | 'isLatestVersion'
      | 'platformType'
      | 'platformName'
      | 'platformVersion'
    >
  >;

/** One entry of `InstanceInformationList` (SDK page or AWS CLI JSON); undefined without a usable id. */
function nodeIdentity(info: unknown): NodeIdentity | undefined {
  if (info === null || typeof info !== 'object') return undefined;
  const raw = info as Record<string, unknown>;
  const id = instanceId(raw.InstanceId);
  if (!id) return undefined;
  return {
    instanceId: id,
    ...defined({
      // Empty strings say nothing here; an empty platform, though, is what AWS reports for a node
      // whose agent could not tell (the OS rule's "NotAvailable" case), so it is kept.
      name: text(raw.ComputerName, 256) || text(raw.Name, 256) || undefined,
      ipAddress: ipAddress(raw.IPAddress),
      resourceType: text(raw.ResourceType, 64) || undefined,
      sourceType: text(raw.SourceType, 64) || undefined,
      pingStatus: text(raw.PingStatus, 32) || undefined,
      lastPingAt: isoTime(raw.LastPingDateTime),
      agentVersion: text(raw.AgentVersion, 64) || undefined,
      isLatestVersion: flag(raw.IsLatestVersion),
      platformType: text(raw.PlatformType, 64),
      platformName: text(raw.PlatformName, 256),
      platformVersion: text(raw.PlatformVersion, 128),
    }),
  };
}

/** The nodes of a list, each once (pages shift while nodes register) and only with a usable id. */
export function nodeIdentities(list: unknown, seen = new Set<string>()): NodeIdentity[] {
  return (Array.isArray(list) ? list : []).flatMap((info: unknown) => {
    const node = nodeIdentity(info);
    if (!node || seen.has(node.instanceId)) return [];
    seen.add(node.instanceId);
    return [node];
  });
}
