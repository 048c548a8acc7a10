/**
 * The causes each unmanaged instance of a simulated fleet was built for, beside those
 * shared/ec2Coverage.ts derives from what the simulator serves for it (DescribeInstances, the
 * route tables and endpoints, the host management setting, the IAM profiles and roles).
 */
import type { Instance } from '@aws-sdk/client-ec2';
import { causesOf, endpointRouteOf, isSsmInstancePolicy, type InstanceState, type RolePolicy } from '../../shared/ec2Coverage';
import { buildNetworkFacts } from '../../shared/network';
import { unmanagedInstances, type Fleet, type SimAccount } from '../../electron/core/sim/fleet';
import { World } from '../../electron/core/sim/world';

/** What the served IAM answers say of a profile ARN: its role's attached managed policies. */
function rolePolicyOf(account: SimAccount, arn: string | undefined): RolePolicy {
  if (arn === undefined) return 'unknown';
  const profile = account.iam.instanceProfiles.find((p) => p.name === arn.split('/').at(-1));
  const role = account.iam.roles.find((r) => r.name === profile?.roleName);
  return role?.attachedPolicyArns.some((p) => isSsmInstancePolicy(p)) ? 'attached' : 'missing';
}

/** Per unmanaged instance: the causes it was built for, and those derived from the served facts. */
export function causesCompared(fleet: Fleet): { id: string; built: string[] | null; derived: string[]; unchecked: string[] }[] {
  const world = new World(fleet, Date.UTC(2026, 11, 1));
  return fleet.accounts.flatMap((account) =>
    Object.keys(account.regions).flatMap((region) => {
      const view = world.view(account, region);
      const served = new Map(view.reservations.flatMap((r) => r.Instances ?? []).map((i): [string, Instance] => [i.InstanceId ?? '', i]));
      return unmanagedInstances(view.fleet).map((built) => {
        const instance = served.get(built.instanceId) ?? {};
        const network = buildNetworkFacts(instance, view.fleet.routeTables, view.fleet.vpcEndpoints);
        const arn = instance.IamInstanceProfile?.Arn;
        const { causes, unchecked } = causesOf(
          {
            instanceId: built.instanceId,
            state: instance.State?.Name as InstanceState,
            ...(arn ? { instanceProfileArn: arn } : {}),
            route: endpointRouteOf(network, instance.State?.Name === 'running'),
            rolePolicy: rolePolicyOf(account, arn),
          },
          view.fleet.hostManagement.enabled ? 'on' : 'off',
        );
        return { id: built.instanceId, built: built.expectedCauses, derived: causes, unchecked };
      });
    }),
  );
}
