import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './externalUrl';

describe('safeExternalUrl', () => {
  it.each([
    [
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-prerequisites.html',
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-prerequisites.html',
    ],
    ['HTTPS://EXAMPLE.com/a b', 'https://example.com/a%20b'],
  ])('accepts %s', (raw, normalized) => expect(safeExternalUrl(raw)).toBe(normalized));

  it.each([
    'http://example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://host/share',
    'https://user:pass@example.com',
    'ms-msdt:/id',
    'not a url',
    '',
  ])('refuses %s', (raw) => expect(safeExternalUrl(raw)).toBeNull());
});
