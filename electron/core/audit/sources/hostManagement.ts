/**
 * `ssm:GetServiceSetting` for the Default Host Management Configuration (issue 30): whether an EC2
 * instance without an instance profile may still register, in this account and region. Optional,
 * read once per scope and only when some unmanaged instance has no profile: it decides no other
 * instance's cause, and a role without the permission then records no gap for nothing.
 * A denied call, `ServiceSettingNotFound` or any failure is a gap (with its AWS error) and the
 * setting `unknown`, never `off`.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetServiceSetting.html
 */
import { GetServiceSettingCommand } from '@aws-sdk/client-ssm';
import { z } from 'zod';
import { HOST_MANAGEMENT_SETTING, hostManagementOf, type HostManagement } from '../../../../shared/ec2Coverage';
import type { CliItems, CoverageSourceModule, SourceContext, SourceRead } from './source';

/** One answer of GetServiceSetting, as the call and the AWS CLI's output share it. */
export interface ServiceSettingAnswer {
  /** `arn:aws:ssm:<region>:<account>:servicesetting/ssm/…`: the CLI's output names its scope only here. */
  arn?: string | undefined;
  settingValue?: string | undefined;
}

/** The scope's own setting: its ARN is not kept, the answer is the scope's whatever it names. */
async function collect(ctx: SourceContext): Promise<ServiceSettingAnswer[]> {
  const { ServiceSetting } = await ctx.clients.ssm.send(new GetServiceSettingCommand({ SettingId: HOST_MANAGEMENT_SETTING }), {
    abortSignal: ctx.signal,
  });
  return [{ settingValue: ServiceSetting?.SettingValue }];
}

/** `aws ssm get-service-setting` output: `{"ServiceSetting": {...}}`, one object, not a list. */
const ServiceSetting = z.object({
  SettingId: z.string().optional(),
  SettingValue: z.string().optional(),
  ARN: z.string().optional(),
  Status: z.string().optional(),
});
type ServiceSetting = z.infer<typeof ServiceSetting>;

/** The response's SettingId is the short form; the CLI also takes (and may echo) the setting's ARN. */
const isHostManagementSetting = (setting: ServiceSetting): boolean =>
  (setting.SettingId ?? setting.ARN ?? '').endsWith(HOST_MANAGEMENT_SETTING);

function readCliFiles(items: CliItems, notes: string[]): SourceRead<ServiceSettingAnswer[]> {
  const given = items.get('ServiceSetting') as ServiceSetting[] | undefined;
  if (!given) return { status: 'not_collected' };
  const settings = given.filter(isHostManagementSetting);
  if (settings.length < given.length)
    notes.push(`${given.length - settings.length} service setting(s) left out: only ${HOST_MANAGEMENT_SETTING} is read`);
  return { status: 'ok', value: settings.map((setting) => ({ arn: setting.ARN, settingValue: setting.SettingValue })) };
}

/** `arn:aws:ssm:<region>:<account>:…` → its region and account. */
function placeOfArn(arn: string | undefined): { region: string; accountId: string } | undefined {
  const [, , , region, accountId] = (arn ?? '').split(':');
  return region && accountId ? { region, accountId } : undefined;
}

/**
 * The configuration in one account and region. The audit reads one scope's setting, so its one
 * answer is the scope's; evaluate's files may hold several regions', told apart by their ARNs.
 */
export function hostManagementIn(read: SourceRead<ServiceSettingAnswer[]>, place: { accountId: string; region: string }): HostManagement {
  if (read.status !== 'ok') return 'unknown';
  const answer =
    read.value.length === 1 && !read.value[0]!.arn
      ? read.value[0]
      : read.value.find((setting) => {
          const of = placeOfArn(setting.arn);
          return of?.region === place.region && (place.accountId === '' || of.accountId === place.accountId);
        });
  return hostManagementOf(answer?.settingValue);
}

export const hostManagement: CoverageSourceModule<'hostManagement', ServiceSettingAnswer[]> = {
  key: 'hostManagement',
  dependsOn: { on: 'unmanaged', wants: (instance) => instance.profileArn === undefined },
  collect,
  fromCliFiles: {
    howToSave: {
      // A refused call must leave no file: the shell's `>` would leave an empty one, which evaluate refuses.
      bash: [
        `aws ssm get-service-setting --setting-id ${HOST_MANAGEMENT_SETTING} --output json > host-management.json || rm host-management.json   # optional`,
      ],
      powershell: [
        `aws ssm get-service-setting --setting-id ${HOST_MANAGEMENT_SETTING} --output json > host-management.json; if ($LASTEXITCODE) { Remove-Item host-management.json }`,
      ],
    },
    kinds: {
      ServiceSetting: {
        command: 'aws ssm get-service-setting',
        item: ServiceSetting,
        single: true,
        identity: (item: ServiceSetting) => item.ARN ?? item.SettingId ?? '',
      },
    },
    read: readCliFiles,
  },
};
