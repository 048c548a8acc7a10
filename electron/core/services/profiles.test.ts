import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../errors';
import { ProfileService } from './profiles';

describe('ProfileService', () => {
  it('lists the profiles the reader finds', async () => {
    const profiles = new ProfileService(async () => [{ name: 'default', kind: 'static', mfa: false }]);
    expect(await profiles.list()).toEqual([{ name: 'default', kind: 'static', mfa: false }]);
  });

  it('says which files to check when they cannot be read, never what the reader threw', async () => {
    const profiles = new ProfileService(async () => {
      throw new Error('EACCES: /home/someone/.aws/credentials aws_secret_access_key=abc');
    });
    const err = await profiles.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toMatch(/AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE/);
    expect((err as Error).message).not.toMatch(/secret|home/);
  });
});
