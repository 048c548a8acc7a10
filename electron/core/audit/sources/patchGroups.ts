/** `ssm:DescribePatchGroups` — how many patch groups are registered with a baseline. Optional. */
import { paginateDescribePatchGroups } from '@aws-sdk/client-ssm';
import { countItems, type SetupSourceModule } from './source';

export const patchGroups: SetupSourceModule<'patchGroups', number> = {
  key: 'patchGroups',
  dependsOn: { on: 'nodes' },
  collect: ({ clients, signal }) =>
    countItems(signal, paginateDescribePatchGroups({ client: clients.ssm, pageSize: 100 }, { MaxResults: 100 }), (p) => p.Mappings),
  toFacts: (patchGroups) => ({ patchGroups }),
};
