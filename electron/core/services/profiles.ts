/** The AWS profiles an audit may use, by name and kind only (aws/profiles.ts keeps every secret in the SDK). */
import type { ProfileSummary } from '../../../shared/contract';
import { listProfiles } from '../aws/profiles';
import { UserFacingError } from '../errors';

export class ProfileService {
  constructor(private readonly read: () => Promise<ProfileSummary[]> = listProfiles) {}

  async list(): Promise<ProfileSummary[]> {
    try {
      return await this.read();
    } catch {
      throw new UserFacingError(
        'The AWS config or credentials file could not be read. Check AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.',
      );
    }
  }
}
