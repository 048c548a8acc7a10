/**
 * EC2 coverage (issue 30): every EC2 instance of an audited scope that is not a managed node, and
 * what stops it from being one, as far as the collected facts tell. The audit, `patch-audit
 * evaluate`, the store, the export file, the app and the report all read instances and their causes
 * through this module: the facts are stored, the causes are derived here on every read.
 *
 * What an EC2 instance needs to be a managed node (Systems Manager user guide, "Troubleshooting
 * managed node availability"): SSM Agent installed and running; permissions, from an instance
 * profile whose role allows Systems Manager or, without one, the Default Host Management
 * Configuration of its account and region; and a route to the `ssm`, `ssmmessages` and
 * `ec2messages` endpoints.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/troubleshooting-managed-instances.html
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/managed-instances-default-host-management.html
 */
import { z } from 'zod';
import type { LocalizedText, NetworkFacts, Route } from './model';
import { analyzeEgress } from './rules/egress';

/**
 * DescribeInstances' `State.Name`, as AWS spells it, without `terminated`: terminated instances
 * are not accounted for (EC2 lists them for up to an hour after).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceState.html
 */
export const INSTANCE_STATES = ['pending', 'running', 'shutting-down', 'stopping', 'stopped'] as const;
export const InstanceState = z.enum(INSTANCE_STATES);
export type InstanceState = z.infer<typeof InstanceState>;

/**
 * The Default Host Management Configuration of one account × region, from `ssm:GetServiceSetting`
 * on `/ssm/managed-instance/default-ec2-instance-management-role`: its `SettingValue` is the role's
 * name (with its IAM path) when on, `$None` when off. A denied or failed call is `unknown`, never
 * `off`.
 */
export const HostManagement = z.enum(['on', 'off', 'unknown']);
export type HostManagement = z.infer<typeof HostManagement>;

export const HOST_MANAGEMENT_SETTING = '/ssm/managed-instance/default-ec2-instance-management-role';

/** The SettingValue AWS reports while the configuration is off (reset to its default). */
export function hostManagementOf(settingValue: string | undefined): HostManagement {
  if (settingValue === undefined) return 'unknown';
  const value = settingValue.trim();
  return value === '' || value === '$None' ? 'off' : 'on';
}

/**
 * Whether the instance's subnet reaches the Systems Manager endpoints: `indirect` when its default
 * route leads into another network (transit gateway, VPN, peering), where egress may exist but
 * cannot be seen; `unknown` when the network facts were not read.
 */
export const EndpointRoute = z.enum(['yes', 'no', 'indirect', 'unknown']);
export type EndpointRoute = z.infer<typeof EndpointRoute>;

/**
 * Whether the role of the instance's profile has a policy that grants the managed-instance
 * permissions (`SSM_INSTANCE_POLICIES`); `missing` also for a profile without a role. `unknown`
 * when not read (the optional IAM check) or without a profile. Only attached managed policies are
 * listed: an inline or customer managed policy may still grant them, which the cause's text says.
 */
export const RolePolicy = z.enum(['attached', 'missing', 'unknown']);
export type RolePolicy = z.infer<typeof RolePolicy>;

/**
 * AWS managed policies (their path and name) that give an instance what it needs to register: the
 * one AWS names, the legacy one it replaces, and the one Default Host Management Configuration
 * attaches.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSSMManagedInstanceCore.html
 */
export const SSM_INSTANCE_POLICIES = [
  'AmazonSSMManagedInstanceCore',
  'service-role/AmazonEC2RoleforSSM',
  'AmazonSSMManagedEC2InstanceDefaultPolicy',
] as const;

/** Is this one of `SSM_INSTANCE_POLICIES`, in any partition (`arn:aws:`, `arn:aws-cn:`, `arn:aws-us-gov:`)? */
export function isSsmInstancePolicy(policyArn: string | undefined): boolean {
  const name = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/.exec(policyArn ?? '')?.[1];
  return name !== undefined && (SSM_INSTANCE_POLICIES as readonly string[]).includes(name);
}

/** An EC2 instance of a scope that is not a managed node: the facts its causes are derived from. */
export const UnmanagedInstance = z.object({
  instanceId: z.string().min(1).max(64),
  name: z.string().max(256).optional(),
  state: InstanceState,
  /** DescribeInstances' `PlatformDetails` (the AMI's billing platform: `Linux/UNIX`, `Windows`, …), free text. */
  platform: z.string().max(256).optional(),
  vpcId: z.string().max(64).optional(),
  subnetId: z.string().max(64).optional(),
  /** ISO 8601. */
  launchedAt: z.string().max(40).optional(),
  /** `IamInstanceProfile.Arn`; absent when the instance has no profile. */
  instanceProfileArn: z.string().max(2048).optional(),
  route: EndpointRoute,
  rolePolicy: RolePolicy,
});
export type UnmanagedInstance = z.infer<typeof UnmanagedInstance>;

/** An unmanaged instance with the account and region it runs in, as a snapshot holds it. */
export const PlacedUnmanagedInstance = UnmanagedInstance.extend({
  accountId: z.string().min(1).max(64),
  region: z.string().min(1).max(64),
});
export type PlacedUnmanagedInstance = z.infer<typeof PlacedUnmanagedInstance>;

/**
 * What a scope tells of its EC2 instances; absent from a scope whose instances were not read
 * (denied, failed, or a snapshot saved before issue 30).
 */
export const ScopeCoverage = z.object({
  /** EC2 instances in any state but terminated, managed or not. */
  ec2Instances: z.number().int().nonnegative(),
  hostManagement: HostManagement,
});
export type ScopeCoverage = z.infer<typeof ScopeCoverage>;

/** Why an instance is not a managed node, in the order a reader should act on them. */
export const UNMANAGED_CAUSES = ['stopped', 'noProfile', 'roleWithoutPolicy', 'noRoute', 'notDetermined'] as const;
export const UnmanagedCause = z.enum(UNMANAGED_CAUSES);
export type UnmanagedCause = z.infer<typeof UnmanagedCause>;

/** A check of a cause that could not be made, so the causes found may not be all. */
export const UNCHECKED_CAUSES = ['hostManagement', 'rolePolicy', 'route'] as const;
export const UncheckedCause = z.enum(UNCHECKED_CAUSES);
export type UncheckedCause = z.infer<typeof UncheckedCause>;

export interface InstanceCauses {
  /** Never empty: `notDetermined` when no other cause is found. */
  causes: UnmanagedCause[];
  unchecked: UncheckedCause[];
}

/**
 * The causes of one unmanaged instance, given its scope's Default Host Management Configuration.
 * A stopped instance lists the other causes too: they stop it from registering once started.
 */
export function causesOf(instance: UnmanagedInstance, hostManagement: HostManagement): InstanceCauses {
  const causes: UnmanagedCause[] = [];
  const unchecked: UncheckedCause[] = [];
  if (instance.state !== 'running') causes.push('stopped');
  if (instance.instanceProfileArn === undefined) {
    if (hostManagement === 'off') causes.push('noProfile');
    else if (hostManagement === 'unknown') unchecked.push('hostManagement');
  } else if (instance.rolePolicy === 'missing') causes.push('roleWithoutPolicy');
  else if (instance.rolePolicy === 'unknown') unchecked.push('rolePolicy');
  if (instance.route === 'no') causes.push('noRoute');
  else if (instance.route === 'unknown' || instance.route === 'indirect') unchecked.push('route');
  if (causes.length === 0) causes.push('notDetermined');
  return { causes, unchecked };
}

/** The interface endpoints the agent talks to; `ec2messages` only agents before 3.3.40.0 need, but AWS still lists all three. */
export const SSM_ENDPOINT_SERVICES = ['ssm', 'ssmmessages', 'ec2messages'] as const;

const ELSEWHERE = new Set<Route['target']>(['transit-gateway', 'vpn-gateway', 'peering', 'nat-instance', 'other']);
const isActiveRoute = (route: Route): boolean => route.state === undefined || route.state.toLowerCase() === 'active';
const isAvailable = (state: string | undefined): boolean => state === undefined || state.toLowerCase() === 'available';

/**
 * The route from an instance to the Systems Manager endpoints: an internet route (a NAT, or an
 * internet gateway with a public IP), or interface endpoints for `ssm` and `ssmmessages` in its VPC
 * (agents since 3.3.40.0 use `ssmmessages` instead of `ec2messages` when it is there). `no` only
 * when its route table was seen and nothing in it can lead out.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html
 */
export function endpointRouteOf(network: NetworkFacts | null | undefined, running = true): EndpointRoute {
  if (!network) return 'unknown';
  const services = new Set(
    network.vpcEndpoints
      // Without private DNS the agent's regional names resolve to public addresses, not to the endpoint.
      .filter(
        (endpoint) => endpoint.type.toLowerCase() === 'interface' && isAvailable(endpoint.state) && endpoint.privateDnsEnabled !== false,
      )
      .map((endpoint) => endpoint.serviceName.split('.').at(-1)),
  );
  if (services.has('ssm') && services.has('ssmmessages')) return 'yes';
  // No route table found for its subnet (a shared VPC's owner holds them, or a partial listing): its routes were not seen.
  if (network.routeTableId === undefined) return 'unknown';
  const egress = analyzeEgress(network);
  if (egress.internet) return 'yes';
  // A stopped instance has released an auto-assigned public IP; started, it gets one again.
  if (egress.igwWithoutPublicIp && !running) return 'unknown';
  // A route into another network, for any destination, may reach endpoints or a proxy there (a hub VPC, on premises).
  if (egress.indirect || network.routes.some((route) => isActiveRoute(route) && ELSEWHERE.has(route.target))) return 'indirect';
  return 'no';
}

type DocPage =
  | 'setup-instance-profile'
  | 'managed-instances-default-host-management'
  | 'setup-create-vpc'
  | 'ssm-agent-status-and-restart'
  | 'troubleshooting-managed-instances';

/** A page of the Systems Manager user guide in the reader's language (AWS serves Japanese under `ja_jp`). */
export function userGuideUrl(page: DocPage, lang: 'en' | 'ja'): string {
  return `https://docs.aws.amazon.com/${lang === 'ja' ? 'ja_jp/' : ''}systems-manager/latest/userguide/${page}.html`;
}

export interface CauseText {
  label: LocalizedText;
  /** What the cause means, as evidence in the report and the app. */
  detail: LocalizedText;
  todo: LocalizedText;
  docs: readonly DocPage[];
}

export const CAUSE_TEXT: Record<UnmanagedCause, CauseText> = {
  stopped: {
    label: { en: 'Not running', ja: '実行されていない' },
    detail: {
      en: 'The instance is stopped (or starting or stopping): a stopped instance cannot report to Systems Manager.',
      ja: 'インスタンスが停止しています (または起動中・停止中)。停止中のインスタンスは Systems Manager に報告できません。',
    },
    todo: {
      en: 'Start the instance if it is still needed, and check it appears as a managed node; terminate it if it is not.',
      ja: '必要なインスタンスであれば起動し、マネージドノードとして表示されることを確認してください。不要であれば終了してください。',
    },
    docs: ['troubleshooting-managed-instances'],
  },
  noProfile: {
    label: { en: 'No instance profile, host management off', ja: 'インスタンスプロファイルなし・ホスト管理オフ' },
    detail: {
      en: 'The instance has no instance profile, and Default Host Management Configuration is off in its account and region: the agent has no permissions to register.',
      ja: 'インスタンスプロファイルがなく、アカウントとリージョンのデフォルトのホスト管理設定もオフのため、エージェントが登録に使う権限がありません。',
    },
    todo: {
      en: 'Attach an instance profile whose role has the AmazonSSMManagedInstanceCore policy, or turn on Default Host Management Configuration in this account and region.',
      ja: 'AmazonSSMManagedInstanceCore ポリシーを持つロールのインスタンスプロファイルをアタッチするか、このアカウントとリージョンでデフォルトのホスト管理設定をオンにしてください。',
    },
    docs: ['setup-instance-profile', 'managed-instances-default-host-management'],
  },
  roleWithoutPolicy: {
    label: { en: 'Role without the Systems Manager policy', ja: 'ロールに Systems Manager のポリシーなし' },
    detail: {
      en: "The instance profile's role has none of AmazonSSMManagedInstanceCore, AmazonEC2RoleforSSM or AmazonSSMManagedEC2InstanceDefaultPolicy attached (an inline or customer managed policy may still grant the permissions).",
      ja: 'インスタンスプロファイルのロールに AmazonSSMManagedInstanceCore、AmazonEC2RoleforSSM、AmazonSSMManagedEC2InstanceDefaultPolicy のいずれもアタッチされていません (インラインポリシーやカスタマー管理ポリシーで権限を付与している可能性はあります)。',
    },
    todo: {
      en: "Attach the AmazonSSMManagedInstanceCore policy to the instance profile's role.",
      ja: 'インスタンスプロファイルのロールに AmazonSSMManagedInstanceCore ポリシーをアタッチしてください。',
    },
    docs: ['setup-instance-profile'],
  },
  noRoute: {
    label: { en: 'No route to Systems Manager', ja: 'Systems Manager への経路なし' },
    detail: {
      en: 'Its subnet has no internet or NAT route, and its VPC has no interface endpoints for ssm and ssmmessages: the agent cannot reach Systems Manager.',
      ja: 'サブネットにインターネットや NAT への経路がなく、VPC に ssm と ssmmessages のインターフェイスエンドポイントもないため、エージェントが Systems Manager に接続できません。',
    },
    todo: {
      en: 'Add interface VPC endpoints for ssm, ssmmessages and ec2messages to its VPC, or a route to a NAT gateway from its subnet.',
      ja: 'VPC に ssm、ssmmessages、ec2messages のインターフェイス VPC エンドポイントを追加するか、サブネットに NAT ゲートウェイへの経路を追加してください。',
    },
    docs: ['setup-create-vpc'],
  },
  notDetermined: {
    label: { en: 'Not determined', ja: '原因を特定できない' },
    detail: {
      en: "Not determined from what AWS lists: SSM Agent is not installed or not running, or the instance profile's role lacks the managed-instance permissions.",
      ja: 'AWS から取得できる情報では特定できません。SSM Agent がインストールされていないか実行されていない、またはインスタンスプロファイルのロールにマネージドインスタンスの権限がありません。',
    },
    todo: {
      en: "Install or start SSM Agent on the instance and check its role's permissions; AWS's AWSSupport-TroubleshootManagedInstance runbook checks the rest.",
      ja: 'インスタンスに SSM Agent をインストールまたは起動し、ロールの権限を確認してください。残りは AWS の AWSSupport-TroubleshootManagedInstance ランブックで確認できます。',
    },
    docs: ['ssm-agent-status-and-restart', 'troubleshooting-managed-instances'],
  },
};

export const UNCHECKED_TEXT: Record<UncheckedCause, LocalizedText> = {
  hostManagement: {
    en: 'Whether Default Host Management Configuration is on could not be read (ssm:GetServiceSetting).',
    ja: 'デフォルトのホスト管理設定がオンかどうかを読めませんでした (ssm:GetServiceSetting)。',
  },
  rolePolicy: {
    en: "The policies of the instance profile's role were not read (the optional iam:GetInstanceProfile and iam:ListAttachedRolePolicies).",
    ja: 'インスタンスプロファイルのロールのポリシーを読んでいません (任意の iam:GetInstanceProfile と iam:ListAttachedRolePolicies)。',
  },
  route: {
    en: 'The route to the Systems Manager endpoints could not be verified (the network was not read, or its default route leads into another network).',
    ja: 'Systems Manager のエンドポイントへの経路を確認できませんでした (ネットワークを読めなかった、またはデフォルトルートが別のネットワークに向いています)。',
  },
};

/** Filters of the unmanaged-instances list; an empty or missing list does not filter. */
export const UnmanagedFilters = z
  .object({
    accountIds: z.array(z.string().max(64)).max(1000).optional(),
    regions: z.array(z.string().max(64)).max(100).optional(),
    /** Instances with at least one of these causes. */
    causes: z.array(UnmanagedCause).max(UNMANAGED_CAUSES.length).optional(),
    states: z.array(InstanceState).max(INSTANCE_STATES.length).optional(),
    /** Case-insensitive substring of instance id, Name tag, platform, VPC or subnet id. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type UnmanagedFilters = z.infer<typeof UnmanagedFilters>;

/** One unmanaged instance as every list shows it: its facts, its scope's host management, and the causes derived from them. */
export const UnmanagedRow = PlacedUnmanagedInstance.extend({
  hostManagement: HostManagement,
  causes: z.array(UnmanagedCause).min(1),
  unchecked: z.array(UncheckedCause),
});
export type UnmanagedRow = z.infer<typeof UnmanagedRow>;

export const UnmanagedPage = z.object({
  /** Rows matching the filters (the list is cut at the query's limit, the total is not). */
  total: z.number().int().nonnegative(),
  rows: z.array(UnmanagedRow),
  /** Instances with each cause, over the snapshot's unmanaged instances matching every filter but `causes`. */
  byCause: z.record(UnmanagedCause, z.number().int().nonnegative()),
  /** Regional scopes whose EC2 instances were read, and those that were not (denied, failed, or saved before issue 30). */
  scopesRead: z.number().int().nonnegative(),
  scopesNotRead: z.number().int().nonnegative(),
});
export type UnmanagedPage = z.infer<typeof UnmanagedPage>;
