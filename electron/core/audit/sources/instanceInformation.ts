/**
 * `ssm:DescribeInstanceInformation` — the managed nodes themselves. Required: without it a scope
 * has no nodes to judge, so its failure fails the scope.
 */
import { paginateDescribeInstanceInformation } from '@aws-sdk/client-ssm';
import type { NodeFacts } from '../../../../shared/model';
import { defined, flag, instanceId, ipAddress, isoTime, text } from './awsValues';
import { z } from 'zod';
import { Timestamp } from './cliValues';
import { checkAbort, type CliFileKind, type SourceContext } from './source';

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

/** One entry of `aws ssm describe-instance-information` output. */
const InstanceInformation = z.object({
  InstanceId: z.string().min(1),
  PingStatus: z.string().optional(),
  LastPingDateTime: Timestamp.optional(),
  AgentVersion: z.string().optional(),
  IsLatestVersion: z.boolean().optional(),
  PlatformType: z.string().optional(),
  PlatformName: z.string().optional(),
  PlatformVersion: z.string().optional(),
  ResourceType: z.string().optional(),
  IPAddress: z.string().optional(),
  Name: z.string().optional(),
  ComputerName: z.string().optional(),
  SourceType: z.string().optional(),
});

/** The node list's pages as they come, 50 nodes a page: each page's ids are one patch-state batch. */
export const NODE_PAGE = 50;

async function* pages(ctx: SourceContext): AsyncIterable<unknown> {
  for await (const page of paginateDescribeInstanceInformation(
    { client: ctx.clients.ssm, pageSize: NODE_PAGE },
    { MaxResults: NODE_PAGE },
  )) {
    checkAbort(ctx.signal);
    yield page.InstanceInformationList;
  }
}

/** The required source: the scheduler pages through it and starts the others from its pages. */
export const instanceInformation = {
  key: 'instanceInformation',
  pages,
  fromCliFiles: {
    howToSave: {
      bash: [
        'aws ssm describe-instance-information --output json > instance-information.json',
        "aws ssm describe-instance-information --query 'InstanceInformationList[].InstanceId' --output text \\",
        String.raw`  | tr '\t' '\n' | split -l 50 - ids-`,
      ],
      powershell: [
        'aws ssm describe-instance-information --output json > instance-information.json',
        String.raw`$ids = @((aws ssm describe-instance-information --query 'InstanceInformationList[].InstanceId' --output text) -split '\s+' | Where-Object { $_ })`,
      ],
    },
    kinds: {
      InstanceInformationList: {
        command: 'aws ssm describe-instance-information',
        item: InstanceInformation,
        identity: (item: z.infer<typeof InstanceInformation>) => item.InstanceId,
      } satisfies CliFileKind,
    },
  },
  toFacts: nodeIdentities,
} as const;
