import type { DomainHandlers } from '../../../shared/contract';
import { UserFacingError } from '../dispatch';
import { listProfiles } from './profiles';

export function createProfileHandlers(): DomainHandlers<'profiles'> {
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
