import type { DomainHandlers } from '../../../shared/contract';
import { listProfiles } from '../aws/profiles';
import { UserFacingError } from '../errors';

export function profilesHandlers(): DomainHandlers<'profiles'> {
  return {
    list: async () => {
      try {
        return await listProfiles();
      } catch {
        throw new UserFacingError(
          'The AWS config or credentials file could not be read. Check AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.',
        );
      }
    },
  };
}
