/**
 * `ssm:DescribeMaintenanceWindows` and `DescribeMaintenanceWindowTasks` — the enabled maintenance
 * windows with an AWS-RunPatchBaseline task. Optional.
 */
import { paginateDescribeMaintenanceWindows, paginateDescribeMaintenanceWindowTasks } from '@aws-sdk/client-ssm';
import type { SetupSourceModule, SourceContext } from './source';

async function windowsWithPatching({ clients }: SourceContext): Promise<number> {
  let withPatching = 0;
  for await (const page of paginateDescribeMaintenanceWindows({ client: clients.ssm, pageSize: 50 }, { MaxResults: 50 })) {
    for (const window of page.WindowIdentities ?? []) {
      if (!window.WindowId || window.Enabled === false) continue;
      let runsPatching = false;
      for await (const tasks of paginateDescribeMaintenanceWindowTasks(
        { client: clients.ssm, pageSize: 100 },
        { WindowId: window.WindowId, MaxResults: 100 },
      )) {
        runsPatching ||= (tasks.Tasks ?? []).some((task) => task.TaskArn === 'AWS-RunPatchBaseline');
      }
      if (runsPatching) withPatching += 1;
    }
  }
  return withPatching;
}

export const maintenanceWindows: SetupSourceModule<'maintenanceWindows', number> = {
  key: 'maintenanceWindows',
  dependsOn: { on: 'nodes' },
  collect: windowsWithPatching,
  toFacts: (patchMaintenanceWindows) => ({ patchMaintenanceWindows }),
};
