/** `ssm:ListAssociations` — the State Manager associations that run AWS-RunPatchBaseline. Optional. */
import { paginateListAssociations } from '@aws-sdk/client-ssm';
import { countItems, type SetupSourceModule } from './source';

export const patchAssociations: SetupSourceModule<'patchAssociations', number> = {
  key: 'patchAssociations',
  dependsOn: { on: 'nodes' },
  collect: ({ clients, signal }) =>
    countItems(
      signal,
      paginateListAssociations(
        { client: clients.ssm, pageSize: 50 },
        { MaxResults: 50, AssociationFilterList: [{ key: 'Name', value: 'AWS-RunPatchBaseline' }] },
      ),
      (p) => p.Associations,
    ),
  toFacts: (patchAssociations) => ({ patchAssociations }),
};
