/** `ssm:DescribePatchBaselines` — how many patch baselines the scope has (is patching set up at all?). Optional. */
import { paginateDescribePatchBaselines } from '@aws-sdk/client-ssm';
import { countItems, type SetupSourceModule } from './source';

export const patchBaselines: SetupSourceModule<'patchBaselines', number> = {
  key: 'patchBaselines',
  dependsOn: { on: 'nodes' },
  collect: ({ clients, signal }) =>
    countItems(
      signal,
      paginateDescribePatchBaselines({ client: clients.ssm, pageSize: 100 }, { MaxResults: 100 }),
      (p) => p.BaselineIdentities,
    ),
  toFacts: (baselines) => ({ baselines }),
};
